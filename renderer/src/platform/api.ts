import type { WindowApi } from '../../../shared/api/call';
import type { NetworkSyncStatus } from '../../../shared/domain/network-sync';
import { createHttpApi } from './http-api';

declare global {
  interface Window {
    /** Exposed by the Electron preload (contextBridge); absent in the browser shell. */
    cstApi?: WindowApi & Partial<NativeExtras>;
  }
}

/** Functions a later preload may add next to `call`/`subscribe` (saving through a native dialog). */
export interface NativeExtras {
  saveFile(file: { fileName: string; contentBase64: string }): Promise<{ saved: boolean; path?: string }>;
  /**
   * Electron: the main process asks for a folder with its own dialog and writes these files
   * there (plain names only); the page never learns or names a path beyond the folder shown.
   */
  saveToFolder(files: { fileName: string; contentBase64: string }[]): Promise<SaveToFolderResult>;
  /**
   * Electron: the main process asks for the network sync's shared folder with its own dialog
   * and saves it itself (`sync.configure`); the page never names the path.
   */
  chooseSyncFolder(): Promise<ChooseSyncFolderResult>;
}

/** The folder chosen and saved (with the sync status after it), the dialog cancelled, or why it failed. */
export type ChooseSyncFolderResult =
  | { chosen: true; folder: string; status: NetworkSyncStatus }
  | { chosen: false; error?: string };

/** What the main process did with the files: saved in `folder`, or the dialog was cancelled. */
export type SaveToFolderResult = { saved: true; folder: string; files: string[] } | { saved: false; error?: string };

export type PlatformApi =
  | { kind: 'electron'; api: WindowApi }
  | { kind: 'browser'; api: WindowApi }
  /** The browser shell opened without its launch address (an address copied or typed). */
  | { kind: 'no-access' };

/**
 * The app's `WindowApi`. In Electron it is the preload's `window.cstApi`; in the browser shell
 * it is an HTTP client. The shell's session key is in a cookie the page cannot read (HttpOnly),
 * set when the browser opened the one-time launch address; beside it the shell sets a readable
 * marker (`cst-desk-open-<port>`, nothing secret in it) that tells the page it was opened that
 * way. Without it (an address copied or typed) the page says how to reopen the app. A reload
 * (F5) keeps both cookies, which end with the browser.
 */
export function connectPlatform(): PlatformApi {
  if (window.cstApi) return { kind: 'electron', api: window.cstApi };
  if (!hasSessionMarker()) return { kind: 'no-access' };
  return { kind: 'browser', api: createHttpApi() };
}

function hasSessionMarker(): boolean {
  const name = `cst-desk-open-${window.location.port}`;
  try {
    return document.cookie.split(';').some((part) => part.trim() === `${name}=1`);
  } catch {
    return false;
  }
}

/**
 * Whether a saved file goes through a save dialog: in Electron (a download from the page opens
 * the dialog run by the main process, or the preload's own save), not in the browser shell.
 */
export function savesThroughDialog(): boolean {
  return typeof window !== 'undefined' && window.cstApi !== undefined;
}

/** The native save of the preload, when a future preload offers one. */
export function nativeSaveFile(): NativeExtras['saveFile'] | null {
  const fn = typeof window !== 'undefined' ? window.cstApi?.saveFile : undefined;
  return typeof fn === 'function' ? fn : null;
}

/** Electron's "choose a folder and write these files" (the preload's), absent in the browser shell. */
export function nativeSaveToFolder(): NativeExtras['saveToFolder'] | null {
  const fn = typeof window !== 'undefined' ? window.cstApi?.saveToFolder : undefined;
  return typeof fn === 'function' ? fn : null;
}

/** Electron's "choose the shared folder" (the preload's), absent in the browser shell. */
export function nativeChooseSyncFolder(): NativeExtras['chooseSyncFolder'] | null {
  const fn = typeof window !== 'undefined' ? window.cstApi?.chooseSyncFolder : undefined;
  return typeof fn === 'function' ? fn : null;
}
