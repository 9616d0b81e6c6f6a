import type { PushMessage } from '../../../shared/api/events';
import { createDispatcher, type CallerDispatch, type Dispatch } from '../platform/api/dispatcher';
import { handlers, RECORD_REGISTRY } from './modules';
import type { AppContext, Clock, IdSource, Log, PdfPrinter } from '../platform/context';
import { randomIds, stderrLog, systemClock } from '../platform/defaults';
import { openStore } from '../platform/store/open-store';
import { lastStartupCheck, type StartupCheckOptions } from '../platform/store/startup-check';
import { watchStoreCheck, type StoreCheckWatch } from './store-check-watch';
import { scheduleAutoBackup } from '../sync/backup/auto-backup';
import type { MailboxCourierMaker } from '../sync/network/courier-factory';
import { attachSyncAgent, createSyncAgent, type SyncAgentOptions } from '../sync/network/sync-agent';
import { federationRoundExtensions } from '../sync/federation/mailbox-sync';

export interface BackendOptions {
  dataDir: string;
  appVersion: string;
  clock?: Clock;
  ids?: IdSource;
  log?: Log;
  printPdf?: PdfPrinter;
  /** Delay of the automatic backup check after opening (default 60 s); false: none. */
  autoBackupDelayMs?: number | false;
  /**
   * The sync agent's schedule (docs/sync.md "The sync agent"): true or options for the app's
   * long-lived backends (Electron, the browser shell); absent or false for the short CLI commands,
   * where a round runs only on `cst sync now`.
   */
  syncAgent?: boolean | Omit<SyncAgentOptions, 'makeMailbox'>;
  /** The mailbox client; by default the real one (electron/core/sync/network/mailbox-courier.ts). */
  mailboxCourier?: MailboxCourierMaker;
  /**
   * The full check a big store owes runs in the background (app/store-check-watch.ts): true for
   * the app's long-lived backends (Electron, the browser shell), or the delay after the start;
   * absent or false for the short CLI commands (`cst check` runs it in full, in the foreground).
   */
  backgroundStoreCheck?: boolean | { delayMs: number };
  /** The start-up check's thresholds and clock (tests, the bench). */
  startupCheck?: StartupCheckOptions;
}

/** One open data directory: the handler table bound to its store, and its push events. */
export interface Backend {
  ctx: AppContext;
  dispatch: Dispatch;
  subscribe(listener: (message: PushMessage) => void): () => void;
  /**
   * Closes the store. Synchronous unless the background full check is running: then it is
   * killed first and the store closes once its read lock is gone (resolved then), so the WAL
   * goes and the next start is not taken for a crash.
   */
  close(): Promise<void>;
  /** The background store check (app/store-check-watch.ts): its state, and its end. */
  storeCheck: Pick<StoreCheckWatch, 'running' | 'reading' | 'settled'>;
}

/**
 * Opens the data directory's store (creating it on first use) and binds the handler table.
 * Throws AppError (E_DATA_DIR, E_DB_CORRUPT, E_DB_NEWER, E_DB_LOCKED) when it cannot be opened:
 * every shell (Electron, browser shell, CLI, hub server) shows that message and stops.
 */
export function openBackend(options: BackendOptions): Backend {
  const listeners = new Set<(message: PushMessage) => void>();
  const db = openStore(options.dataDir, options.startupCheck);
  let dispatch: Dispatch = () => Promise.reject(new Error('backend not ready'));
  const ctx: AppContext = {
    db,
    dataDir: options.dataDir,
    clock: options.clock ?? systemClock,
    ids: options.ids ?? randomIds,
    log: options.log ?? stderrLog,
    appVersion: options.appVersion,
    records: RECORD_REGISTRY,
    api: (method, input) => dispatch(method, input),
    // Fresh ids (never this one's source: two installations must not mint the same record id).
    openInstallation: (dataDir) =>
      openBackend({ dataDir, appVersion: options.appVersion, clock: ctx.clock, log: ctx.log, autoBackupDelayMs: false }),
    ...(options.printPdf ? { printPdf: options.printPdf } : {}),
    emit: (event, payload) => {
      for (const listener of listeners) listener({ event, payload } as PushMessage);
    },
  };
  const check = lastStartupCheck(db);
  if (check) ctx.log.info('store checked at start', { kind: check.kind, reason: check.reason, ms: Math.round(check.ms), fullCheckDeferred: check.fullCheckDeferred });
  const bg = options.backgroundStoreCheck;
  const storeCheck = watchStoreCheck(ctx, { run: bg !== undefined && bg !== false, ...(typeof bg === 'object' ? { delayMs: bg.delayMs } : {}) });
  ctx.storeHealth = storeCheck.health;
  const agentOptions = typeof options.syncAgent === 'object' ? options.syncAgent : {};
  const syncAgent = createSyncAgent(ctx, { extensions: federationRoundExtensions, ...agentOptions, ...(options.mailboxCourier ? { makeMailbox: options.mailboxCourier } : {}), schedule: options.syncAgent !== undefined && options.syncAgent !== false });
  attachSyncAgent(ctx, syncAgent);
  const dispatchCalls = createDispatcher(ctx, handlers);
  // After every call that succeeded, the agent looks (two keyed lookups) whether our outbox grew
  // or a bundle was imported by hand, and if so syncs a few seconds later.
  const withChanges: CallerDispatch = async (method, input, caller) => {
    const result = await dispatchCalls(method, input, caller);
    if (result.ok && !method.startsWith('sync.')) syncAgent.changed();
    return result;
  };
  dispatch = withChanges;
  if (options.syncAgent) syncAgent.start();
  const cancelAutoBackup = options.autoBackupDelayMs === false ? () => {} : scheduleAutoBackup(ctx, options.autoBackupDelayMs);
  return {
    ctx,
    dispatch,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    storeCheck,
    close() {
      listeners.clear();
      cancelAutoBackup();
      syncAgent.close();
      // ctx.db, not `db`: restoring a backup from the window reopens the store (restore-from-window.ts).
      const closeStore = () => {
        if (ctx.db.open) ctx.db.close();
      };
      const checking = storeCheck.running();
      const checkStopped = storeCheck.stop();
      if (!checking) {
        closeStore();
        return checkStopped;
      }
      return checkStopped.then(closeStore);
    },
  };
}
