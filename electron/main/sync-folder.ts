import { ipcMain, type OpenDialogOptions, type OpenDialogReturnValue } from 'electron';
import type { Result } from '../../shared/api/errors';
import type { NetworkSyncStatus } from '../../shared/domain/network-sync';
import { IPC_CHOOSE_SYNC_FOLDER } from '../preload/channels';
import { isTrustedSender, type SenderEventLike, type WindowLike } from './ipc';
import { shellMessages } from './messages';

/**
 * Settings › Sincronizzazione di rete › "Scegli cartella…" in Electron: the shared folder is a
 * local path, which the window may never name (the core refuses it from the window). So this
 * process asks for the folder with Electron's own dialog and saves it itself, as main's own
 * `sync.configure { folder }`; the page only learns the folder chosen and the status after it.
 */

export type ChooseSyncFolderResult = { chosen: true; folder: string; status: NetworkSyncStatus } | { chosen: false; error?: string };

export function syncFolderDialogOptions(): OpenDialogOptions {
  return {
    title: shellMessages.syncFolderDialogTitle,
    buttonLabel: shellMessages.syncFolderDialogButton,
    // createDirectory: a new folder inside the share (macOS); promptToCreate: a typed one (Windows).
    properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
  };
}

export interface SyncFolderWiring {
  getWindow: () => WindowLike | null;
  appOrigin: string;
  /** Electron's `dialog.showOpenDialog`, bound to the main window by main.ts. */
  showOpenDialog: (options: OpenDialogOptions) => Promise<Pick<OpenDialogReturnValue, 'canceled' | 'filePaths'>>;
  /** `sync.configure` as main's own call (BackendClient.callFromMain): trusted with the path. */
  configure: (input: { folder: string }) => Promise<Result<unknown>>;
}

export async function handleChooseSyncFolder(wiring: SyncFolderWiring, event: SenderEventLike): Promise<ChooseSyncFolderResult> {
  const window = wiring.getWindow();
  if (!isTrustedSender(event, window, wiring.appOrigin) || !window) return { chosen: false, error: shellMessages.senderRefused };
  const choice = await wiring.showOpenDialog(syncFolderDialogOptions());
  const folder = choice.filePaths[0];
  if (choice.canceled || !folder) return { chosen: false };
  const saved = await wiring.configure({ folder });
  if (!saved.ok) return { chosen: false, error: saved.error.message };
  return { chosen: true, folder, status: saved.value as NetworkSyncStatus };
}

/** Wires `cst:choose-sync-folder`; returns the unwire. */
export function registerChooseSyncFolder(wiring: SyncFolderWiring): () => void {
  ipcMain.handle(IPC_CHOOSE_SYNC_FOLDER, (event) => handleChooseSyncFolder(wiring, event));
  return () => ipcMain.removeHandler(IPC_CHOOSE_SYNC_FOLDER);
}
