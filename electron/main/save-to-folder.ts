import { randomUUID } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ipcMain, type OpenDialogOptions, type OpenDialogReturnValue } from 'electron';
import { IPC_SAVE_TO_FOLDER } from '../preload/channels';
import { isTrustedSender, type SenderEventLike, type WindowLike } from './ipc';
import { shellMessages } from './messages';

/**
 * "Prepara i file per i membri" in Electron: the page hands over the bundles' bytes and the
 * plain names the backend chose (`Urbino-2026-12-06.cstb`); this process asks for a folder with
 * Electron's own dialog and writes them there. The page never names a folder or a path, and a
 * name that is not a plain file name is refused before any dialog opens.
 */

export interface FileToWrite {
  fileName: string;
  contentBase64: string;
}

export type SaveToFolderResult = { saved: true; folder: string; files: string[] } | { saved: false; error?: string };

/** ASCII letters, digits, `.`, `-`, `_`; no leading dot, no `..`: exactly what bundle-file-names.ts writes. */
const PLAIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,150}$/;
const MAX_FILES = 5000;
const MAX_TOTAL_BASE64 = 140 * 1024 * 1024;

export function folderDialogOptions(): OpenDialogOptions {
  return {
    title: shellMessages.folderDialogTitle,
    buttonLabel: shellMessages.folderDialogButton,
    // createDirectory: a new folder on the USB stick (macOS); promptToCreate: a typed one (Windows).
    properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
  };
}

/** The files as sent by the page, or null when anything is not what the app sends. */
export function parseFiles(input: unknown): FileToWrite[] | null {
  if (!Array.isArray(input) || input.length === 0 || input.length > MAX_FILES) return null;
  const seen = new Set<string>();
  let total = 0;
  for (const f of input as unknown[]) {
    if (typeof f !== 'object' || f === null) return null;
    const { fileName, contentBase64 } = f as Record<string, unknown>;
    if (typeof fileName !== 'string' || !PLAIN_NAME.test(fileName) || fileName.includes('..')) return null;
    if (typeof contentBase64 !== 'string') return null;
    // Windows folders ignore case: two names differing only by it would overwrite each other.
    if (seen.has(fileName.toLowerCase())) return null;
    seen.add(fileName.toLowerCase());
    total += contentBase64.length;
    if (total > MAX_TOTAL_BASE64) return null;
  }
  return input as FileToWrite[];
}

/**
 * Each file is written as `.<name>.<random>.tmp` and renamed over its name: a half-written
 * bundle never carries a bundle's name (a stick pulled out mid-way leaves only `.tmp` files).
 * A file of the same name (today's earlier export for that town) is replaced: the new one
 * carries everything the member has not acknowledged.
 */
export async function writeFiles(folder: string, files: FileToWrite[]): Promise<string[]> {
  const written: string[] = [];
  for (const f of files) {
    const target = join(folder, f.fileName);
    const tmp = join(folder, `.${f.fileName}.${randomUUID()}.tmp`);
    try {
      await writeFile(tmp, Buffer.from(f.contentBase64, 'base64'), { flush: true });
      await rename(tmp, target);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
    written.push(f.fileName);
  }
  return written;
}

export interface SaveToFolderWiring {
  getWindow: () => WindowLike | null;
  appOrigin: string;
  /** Electron's `dialog.showOpenDialog`, bound to the main window by main.ts. */
  showOpenDialog: (options: OpenDialogOptions) => Promise<Pick<OpenDialogReturnValue, 'canceled' | 'filePaths'>>;
}

export async function handleSaveToFolder(wiring: SaveToFolderWiring, event: SenderEventLike, input: unknown): Promise<SaveToFolderResult> {
  const window = wiring.getWindow();
  if (!isTrustedSender(event, window, wiring.appOrigin) || !window) return { saved: false, error: shellMessages.senderRefused };
  const files = parseFiles(input);
  if (!files) return { saved: false, error: shellMessages.badFiles };
  const choice = await wiring.showOpenDialog(folderDialogOptions());
  const folder = choice.filePaths[0];
  if (choice.canceled || !folder) return { saved: false };
  try {
    return { saved: true, folder, files: await writeFiles(folder, files) };
  } catch (err) {
    return { saved: false, error: shellMessages.folderWriteFailed(folder, (err as NodeJS.ErrnoException).code ?? String(err)) };
  }
}

/** Wires `cst:save-to-folder`; returns the unwire. */
export function registerSaveToFolder(wiring: SaveToFolderWiring): () => void {
  ipcMain.handle(IPC_SAVE_TO_FOLDER, (event, input: unknown) => handleSaveToFolder(wiring, event, input));
  return () => ipcMain.removeHandler(IPC_SAVE_TO_FOLDER);
}
