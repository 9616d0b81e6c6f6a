/**
 * The shell's own user-facing strings (menu, dialogs, refusals). The renderer's i18n catalogue
 * is not reachable from the main process, so they live here, Italian first; an English table
 * can be added beside it with the same keys when the shell follows the chosen locale.
 */
export const shellMessages = {
  menuFile: 'File',
  menuQuit: 'Esci',
  menuEdit: 'Modifica',
  menuUndo: 'Annulla',
  menuRedo: 'Ripeti',
  menuCut: 'Taglia',
  menuCopy: 'Copia',
  menuPaste: 'Incolla',
  menuSelectAll: 'Seleziona tutto',
  menuView: 'Visualizza',
  menuReload: 'Ricarica',
  menuDevTools: 'Strumenti per sviluppatori',
  menuZoomIn: 'Zoom avanti',
  menuZoomOut: 'Zoom indietro',
  menuResetZoom: 'Reimposta zoom',
  menuFullScreen: 'Schermo intero',
  menuHelp: 'Aiuto',
  menuAbout: 'Informazioni su CST Desk',
  aboutTitle: 'Informazioni su CST Desk',
  aboutDetail: (version: string) =>
    `Versione ${version}\n\nServizi condivisi, formazione e piano tecnico dei Centri Servizi Territoriali.\nLicenza EUPL-1.2.`,
  ok: 'OK',
  startupFailedTitle: 'CST Desk non può aprire i dati',
  startupFailedDetail: (message: string, dataDir: string) => `${message}\n\nCartella dei dati: ${dataDir}`,
  emptyDataDir:
    "L'opzione --data-dir è stata data senza cartella: CST Desk non apre la cartella predefinita al suo posto. Indicare la cartella dei dati (--data-dir CARTELLA) oppure togliere l'opzione.",
  backendStoppedTitle: 'CST Desk si è interrotto',
  backendStopped:
    'Il motore dei dati si è arrestato inaspettatamente. CST Desk verrà chiuso: i dati già salvati sono al sicuro. Riaprire il programma; se si ripete, contattare il consorzio.',
  backendUnavailable:
    'Il motore dei dati non è disponibile: l’operazione non è stata eseguita. Riaprire CST Desk; se si ripete, contattare il consorzio.',
  backendStartFailed: 'Il motore dei dati non si è avviato. Riaprire CST Desk; se si ripete, contattare il consorzio.',
  senderRefused: 'Richiesta rifiutata: non proviene dalla finestra di CST Desk.',
  badRequest: 'Richiesta non valida: nome dell’operazione mancante.',
  saveDialogTitle: 'Salva file',
  folderDialogTitle: 'Cartella in cui salvare i file per i membri',
  folderDialogButton: 'Salva qui',
  badFiles: 'Richiesta non valida: i file da salvare non hanno nomi semplici.',
  folderWriteFailed: (folder: string, code: string) => `scrittura in ${folder} non riuscita, ${code}`,
  syncFolderDialogTitle: 'Cartella condivisa per la sincronizzazione con il consorzio',
  syncFolderDialogButton: 'Usa questa cartella',
  pdfPrintFailed: (detail: string) =>
    `Non è stato possibile creare il PDF (${detail}). Riprovare; intanto il documento si può aprire in anteprima o salvare in HTML e stampare dal browser.`,
  pdfPrintTimeout: 'La creazione del PDF non ha risposto in tempo. Riprovare; se si ripete, aprire l’anteprima o salvare il documento in HTML e stamparlo dal browser.',
} as const;
