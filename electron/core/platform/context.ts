import type { StoreHealth } from '../../../shared/domain/store-health';
import type Database from 'better-sqlite3';
import type { Result } from '../../../shared/api/errors';
import type { PushEventName, PushEvents } from '../../../shared/api/events';
import type { RecordRegistry } from './records/projector';

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

/** The untyped entry point every transport feeds: method name and raw input in, a Result out. */
export type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>;

/** Another installation of this app, open on its own data folder (the hub demo's members). */
export interface OpenedInstallation {
  dispatch: Dispatch;
  close(): void;
}

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
  /** The projectors and restorers of every feature, derived from the module list (app/modules.ts). */
  records: RecordRegistry;
  /**
   * This installation's own API (the handler table behind the dispatcher), for a handler that
   * drives other methods as a user would: the demos. Features never import the table itself.
   */
  api: Dispatch;
  /** Opens another installation on dataDir with this one's clock and log (new ids): the hub demo's members. */
  openInstallation(dataDir: string): OpenedInstallation;
  /** Electron's printToPDF, asked of the main process; absent in the CLI and browser shell (a local headless browser prints). */
  printPdf?: PdfPrinter;
  /** The store's health (app/store-check-watch.ts); absent in contexts without a backend. */
  storeHealth?: () => StoreHealth;
}
