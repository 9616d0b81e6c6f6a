import type { ErrorEntry } from './entry';

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
} as const satisfies Record<string, ErrorEntry>;
