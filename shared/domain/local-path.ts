import { z } from 'zod';

/**
 * A file or folder path on the computer that runs the backend. Such inputs are for the CLI
 * (in process) only: the window's transports (Electron IPC, the browser shell's HTTP) refuse any
 * input that carries one, before validation and before the handler (shared/api/local-paths.ts),
 * so a page can never make the backend read or write a file it names. Files reach the window as
 * bytes instead (an upload, a download, Electron's dialogs).
 */
export function localPath() {
  return z.string().min(1).max(4096).meta({ localPath: true });
}
