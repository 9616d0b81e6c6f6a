/**
 * The only IPC channels between the renderer and main. Shared by the preload bridge and
 * electron/main/ipc.ts; kept free of imports so the sandboxed preload bundle stays tiny.
 */
export const IPC_CALL = 'cst:call';
export const IPC_EVENT = 'cst:event';
/** "Prepara i file per i membri": main asks for a folder with its own dialog and writes the files (save-to-folder.ts). */
export const IPC_SAVE_TO_FOLDER = 'cst:save-to-folder';
/** Settings › "Scegli cartella…": main asks for the sync's shared folder with its own dialog and saves it (sync-folder.ts). */
export const IPC_CHOOSE_SYNC_FOLDER = 'cst:choose-sync-folder';
