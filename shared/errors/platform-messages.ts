import type { ErrorEntry } from './entry';

/** The full-disk sentence: `{folder}` could not be written, then what became of the operation. */
function diskFull<It extends string, En extends string>(doneIt: It, doneEn: En) {
  return {
    code: 'E_DISK_FULL',
    it: `Il disco è pieno: non c'è più spazio per scrivere in {folder}. ${doneIt}: liberare spazio sul disco (svuotare il cestino, spostare altrove i file che non servono) e riprovare.`,
    en: `The disk is full: there is no space left to write in {folder}. ${doneEn}: free some space on the disk (empty the recycle bin, move elsewhere the files you do not need) and try again.`,
  } as const;
}

/** The data folder, the database, the installation and the API itself. */
export const platformMessages = {
  'api.unknownMethod': { code: 'E_UNKNOWN_METHOD', it: 'Operazione sconosciuta: {method}', en: 'Unknown operation: {method}' },
  'api.internal': {
    code: 'E_INTERNAL',
    it: 'Errore interno imprevisto: nessun dato è stato modificato. Riprovare; se si ripete, contattare il consorzio.',
    en: 'Unexpected internal error: no data was changed. Try again; if it happens again, contact the consortium.',
  },
  'store.newerSchema': {
    code: 'E_DB_NEWER',
    it: 'Il database in {path} è stato creato da una versione più recente di CST Desk (schema {version}, questa versione legge fino a {supported}). Aggiornare CST Desk: il file non è stato modificato.',
    en: 'The database in {path} was created by a newer version of CST Desk (schema {version}; this version reads up to {supported}). Update CST Desk: the file was not changed.',
  },
  'store.damaged': {
    code: 'E_DB_CORRUPT',
    it: "Il database {path} risulta danneggiato ({detail}). Il file non è stato modificato: ripristinare l'ultimo backup o contattare il consorzio.",
    en: 'The database {path} is damaged ({detail}). The file was not changed: restore the latest backup or contact the consortium.',
  },
  'store.writesStopped': {
    code: 'E_DB_CORRUPT',
    it: "Il controllo completo del database ha trovato un danno ({detail}): per non peggiorarlo CST Desk non registra più modifiche, e questa operazione non è stata salvata (nulla è stato salvato a metà). Ripristinare l'ultima copia di sicurezza da Impostazioni › Copie di sicurezza (o con cst backup restore), poi ripetere l'operazione.",
    en: 'The full check of the database found damage ({detail}): so as not to make it worse CST Desk records no more changes, and this operation was not saved (nothing was saved halfway). Restore the latest backup from Settings › Backups (or with cst backup restore), then repeat the operation.',
  },
  'store.locked': {
    code: 'E_DB_LOCKED',
    it: "La cartella dati {dataDir} è già in uso da un'altra finestra o da un altro programma CST Desk. Chiudere l'altro programma e riprovare.",
    en: 'The data folder {dataDir} is already in use by another CST Desk window or program. Close the other program and try again.',
  },
  'store.notADatabase': {
    code: 'E_DB_CORRUPT',
    it: "Il file {path} non è un database di CST Desk leggibile. Il file non è stato modificato: ripristinare l'ultimo backup o contattare il consorzio.",
    en: 'The file {path} is not a readable CST Desk database. The file was not changed: restore the latest backup or contact the consortium.',
  },
  'installation.notInitialized': {
    code: 'E_NOT_INITIALIZED',
    it: 'Questa installazione non è ancora configurata: completare la prima configurazione (comune o consorzio).',
    en: 'This installation is not set up yet: complete the first setup (municipality or consortium).',
  },
  'api.localPathRefused': {
    code: 'E_VALIDATION',
    it: 'Per sicurezza la finestra del programma non può indicare percorsi di file: scegliere il file con il pulsante o trascinarlo nella finestra, e salvare con il pulsante che scarica il file. I percorsi si usano solo dalla riga di comando (cst).',
    en: 'For safety the program’s window cannot give file paths: choose the file with the button or drag it into the window, and save with the button that downloads the file. Paths are used only from the command line (cst).',
  },
  'dataDir.readOnlyDisk': {
    code: 'E_DATA_DIR',
    it: 'La cartella dati {dataDir} è su un disco in sola lettura (un CD, una chiavetta protetta, un disco montato solo in lettura): CST Desk deve poterci scrivere. Copiare la cartella sul disco del computer e indicare quella copia, oppure togliere la protezione dal disco.',
    en: 'The data folder {dataDir} is on a read-only disk (a CD, a write-protected USB stick, a disk mounted read-only): CST Desk must be able to write there. Copy the folder to the computer’s disk and give that copy, or remove the protection from the disk.',
  },
  'dataDir.readOnlyFile': {
    code: 'E_DATA_DIR',
    it: "Il database {db} è protetto da scrittura (sola lettura): CST Desk deve poterlo modificare. Togliere la protezione dal file (Proprietà › «Sola lettura», oppure chiedere all'amministratore del computer) e riprovare; il file non è stato modificato.",
    en: 'The database {db} is write-protected (read-only): CST Desk must be able to change it. Remove the protection from the file (Properties › «Read-only», or ask the computer’s administrator) and try again; the file was not changed.',
  },
  'dataDir.notWritable': {
    code: 'E_DATA_DIR',
    it: "Non è possibile scrivere nella cartella dati {dataDir}. Scegliere una cartella sul disco del computer in cui l'utente può scrivere (non una chiavetta USB né una cartella di rete).",
    en: 'Cannot write in the data folder {dataDir}. Choose a folder on the computer’s disk where the user can write (not a USB stick nor a network folder).',
  },
  'dataDir.system': {
    code: 'E_DATA_DIR',
    it: "Non è possibile aprire la cartella dati {dataDir}: il sistema ha rifiutato l'accesso ai file. Controllare che la cartella sia sul disco del computer e riprovare; se si ripete, avvisare il consorzio indicando il codice {code}.",
    en: 'Cannot open the data folder {dataDir}: the system refused access to the files. Check that the folder is on the computer’s disk and try again; if it happens again, tell the consortium, quoting the code {code}.',
  },
  'dataDir.missing': {
    code: 'E_DATA_DIR',
    it: 'La cartella dati {dataDir} non esiste: controllare il percorso indicato (--data-dir o CST_DATA_DIR). Per configurare una nuova installazione usare cst init.',
    en: 'The data folder {dataDir} does not exist: check the path given (--data-dir or CST_DATA_DIR). To set up a new installation use cst init.',
  },
  'dataDir.noDatabase': {
    code: 'E_NOT_INITIALIZED',
    it: "Nella cartella dati {dataDir} l'installazione non è ancora configurata (non c'è il database {dbFile}): controllare il percorso indicato (--data-dir o CST_DATA_DIR), oppure configurarla con cst init. Nulla è stato creato.",
    en: 'In the data folder {dataDir} the installation is not set up yet (there is no database {dbFile}): check the path given (--data-dir or CST_DATA_DIR), or set it up with cst init. Nothing was created.',
  },
  'dataDir.notAFolder': {
    code: 'E_DATA_DIR',
    it: "{path} è un file, non una cartella: la cartella dati {dataDir} non può stare lì. Indicare un'altra cartella (--data-dir o CST_DATA_DIR), oppure spostare o rinominare quel file.",
    en: '{path} is a file, not a folder: the data folder {dataDir} cannot be there. Give another folder (--data-dir or CST_DATA_DIR), or move or rename that file.',
  },
  // A full disk: one sentence per operation, saying what became of it (E_DISK_FULL, params.folder + reason).
  'disk.full': diskFull("L'operazione è stata annullata e i dati già registrati non sono stati toccati", 'The operation was cancelled and the data already recorded were not touched'),
  'disk.fullDataDir': diskFull('Nessun dato è stato modificato', 'No data was changed'),
  'disk.fullFile': diskFull('Il file non è stato scritto', 'The file was not written'),
  'disk.fullArchive': diskFull('Il file ricevuto non è stato archiviato e nulla è stato applicato', 'The received file was not archived and nothing was applied'),
  'disk.fullBackup': diskFull('Copia di sicurezza non riuscita; i dati non sono stati toccati', 'The backup failed; the data were not touched'),
  'demo.notAlone': { code: 'E_INTERNAL', it: 'Demo: la dimostrazione deve essere la sola operazione in corso.', en: 'Demo: the demonstration must be the only operation in progress.' },
} as const satisfies Record<string, ErrorEntry>;
