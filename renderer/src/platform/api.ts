import type { WindowApi } from '../../../shared/api/call';
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
}

export type PlatformApi =
  | { kind: 'electron'; api: WindowApi }
  | { kind: 'browser'; api: WindowApi }
  /** The browser shell opened without its secret (a reload, a copied address). */
  | { kind: 'no-access' };

let secretInMemory: string | null = null;

/** Where the browser shell keeps its secret across a reload (F5) of the same tab. */
export const SECRET_STORAGE_KEY = 'cst-desk.secret';

/**
 * The app's `WindowApi`. In Electron it is the preload's `window.cstApi`; in the browser shell
 * it is an HTTP client whose secret comes from the launch URL's fragment `#secret=<hex>`: read
 * once and removed from the address bar (and history) at once. It is kept in `sessionStorage`
 * so that a reload of the tab keeps working: that storage is per tab and per origin (the
 * shell listens on loopback only), is never sent over the network, and ends with the tab.
 */
export function connectPlatform(): PlatformApi {
  if (window.cstApi) return { kind: 'electron', api: window.cstApi };
  const secret = takeSecretFromLocation();
  if (secret) {
    secretInMemory = secret;
    writeSessionSecret(secret);
  } else if (!secretInMemory) {
    secretInMemory = readSessionSecret();
  }
  if (!secretInMemory) return { kind: 'no-access' };
  return { kind: 'browser', api: createHttpApi(secretInMemory) };
}

function readSessionSecret(): string | null {
  try {
    const value = window.sessionStorage.getItem(SECRET_STORAGE_KEY);
    return value && /^[0-9a-fA-F]{16,256}$/.test(value) ? value : null;
  } catch {
    return null; // storage disabled: the secret lives in memory only
  }
}

function writeSessionSecret(secret: string): void {
  try {
    window.sessionStorage.setItem(SECRET_STORAGE_KEY, secret);
  } catch {
    // storage disabled or full: a reload will then ask to reopen from the launch link
  }
}

function takeSecretFromLocation(): string | null {
  const hash = window.location.hash;
  const match = /^#secret=([0-9a-fA-F]{16,256})$/.exec(hash);
  if (!match?.[1]) return null;
  const clean = window.location.pathname + window.location.search + '#/';
  window.history.replaceState(null, '', clean);
  return match[1];
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
