import type Database from 'better-sqlite3';
import type { PushEventName, PushEvents } from '../../../shared/api/events';

export interface Clock {
  /** Current time as an RFC 3339 UTC string with milliseconds. */
  now(): string;
}

export interface IdSource {
  /** A new UUID in canonical lower-case form. */
  uuid(): string;
}

export interface Log {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Prints a self-contained HTML page to PDF bytes (report-pdf.ts). */
export type PdfPrinter = (html: string) => Promise<Uint8Array>;

export type Emit = <E extends PushEventName>(event: E, payload: PushEvents[E]) => void;

/**
 * Everything a service needs, passed explicitly (never global), so that tests can run a hub
 * and several municipalities side by side in one process with a fixed clock and ids.
 */
export interface AppContext {
  db: Database.Database;
  dataDir: string;
  clock: Clock;
  ids: IdSource;
  log: Log;
  emit: Emit;
  appVersion: string;
  /** Electron's printToPDF, asked of the main process; absent in the CLI and browser shell (a local headless browser prints). */
  printPdf?: PdfPrinter;
}
