import { contextBridge, ipcRenderer, type IpcRenderer, type IpcRendererEvent } from 'electron';
import type { WindowApi } from '../../shared/api/call';
import type { PushMessage } from '../../shared/api/events';
import { IPC_CALL, IPC_CHOOSE_SYNC_FOLDER, IPC_EVENT, IPC_SAVE_TO_FOLDER } from './channels';

/**
 * The renderer's whole view of the Node side: `call` and `subscribe`, typed by the shared
 * WindowApi, `saveToFolder` and `chooseSyncFolder` (the main process's folder dialogs). No ipcRenderer, no event objects and no channel names leak into the page.
 * Runs sandboxed, so it is bundled to one CJS file that requires only 'electron'.
 */
export function createWindowApi(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>) {
  return {
    call: (method, input) => ipc.invoke(IPC_CALL, method, input),
    subscribe: (event, listener) => {
      const onMessage = (_event: IpcRendererEvent, message: PushMessage) => {
        if (message?.event === event) listener(message.payload as Parameters<typeof listener>[0]);
      };
      ipc.on(IPC_EVENT, onMessage);
      return () => {
        ipc.removeListener(IPC_EVENT, onMessage);
      };
    },
    /** Main asks for a folder with its own dialog and writes these files there (electron/main/save-to-folder.ts). */
    saveToFolder: (files: { fileName: string; contentBase64: string }[]) => ipc.invoke(IPC_SAVE_TO_FOLDER, files),
    /** Main asks for the sync's shared folder with its own dialog and saves it (electron/main/sync-folder.ts); no argument. */
    chooseSyncFolder: () => ipc.invoke(IPC_CHOOSE_SYNC_FOLDER),
  } satisfies WindowApi & Record<'saveToFolder' | 'chooseSyncFolder', unknown>;
}

contextBridge.exposeInMainWorld('cstApi', createWindowApi(ipcRenderer));
