/**
 * The full check a big store did not get at open (platform/store/startup-check.ts): started a
 * little after the start, in the background (platform/store/background-check.ts), while the app
 * works normally; its result recorded, and pushed to the window (`store.health`).
 *
 * - Passed: recorded as the week's full check (`store.full_check_at`), nothing owed any more.
 * - Damage: writes stop at once and the next start refuses the store (store-damage.ts); the
 *   window shows what to do (restore the last backup).
 * - Stopped at quit, or could not run: nothing recorded; the check stays owed for the next start.
 */
import type { StoreHealth } from '../../../shared/domain/store-health';
import type { AppContext } from '../platform/context';
import { startBackgroundFullCheck, type BackgroundCheck } from '../platform/store/background-check';
import { DB_FILE_NAME } from '../platform/store/db-file';
import { damageOf, stopWritesOnDamage } from '../platform/store/store-damage';
import { lastFullCheck, lastStartupCheck, recordFullCheck, type FullCheckReason } from '../platform/store/startup-check';
import { join } from 'node:path';

/** Long enough for the window to open and answer its first calls before the disk is shared. */
export const BACKGROUND_CHECK_DELAY_MS = 10_000;

export interface StoreCheckWatch {
  health(): StoreHealth;
  /** True while the check's process runs. */
  running(): boolean;
  /** Resolves once a check started holds its snapshot, the read lock a quit must release (tests). */
  reading(): Promise<void>;
  /** Settles once the background check (if any) has ended: its result recorded (tests, the bench). */
  settled(): Promise<void>;
  /** At quit: kills a running check and resolves once its read lock is gone (the store may then close cleanly). */
  stop(): Promise<void>;
}

export function watchStoreCheck(ctx: AppContext, options: { run: boolean; delayMs?: number }): StoreCheckWatch {
  const db = ctx.db;
  const deferred = lastStartupCheck(db)?.fullCheckDeferred ?? null;
  let running: { reason: FullCheckReason; startedAt: string; check: BackgroundCheck } | null = null;
  let stopped = false;
  let settle: () => void = () => {};
  let nowReading: () => void = () => {};
  const readingPromise = new Promise<void>((resolve) => (nowReading = resolve));
  const settledPromise = new Promise<void>((resolve) => (settle = resolve));

  const lastAt = () => {
    try {
      return ctx.db.open ? (lastFullCheck(ctx.db)?.toISOString() ?? null) : null;
    } catch {
      return null;
    }
  };
  const health = (): StoreHealth => {
    const damage = ctx.db.open ? damageOf(ctx.db) : undefined;
    if (damage) return { state: 'damaged', damage, lastFullCheckAt: lastAt() };
    if (running) return { state: 'checking', reason: running.reason, startedAt: running.startedAt, lastFullCheckAt: lastAt() };
    return { state: 'sound', lastFullCheckAt: lastAt() };
  };
  const push = () => ctx.emit('store.health', health());

  const start = (reason: FullCheckReason) => {
    if (stopped || !db.open || ctx.db !== db) return settle();
    const check = startBackgroundFullCheck(join(ctx.dataDir, DB_FILE_NAME));
    running = { reason, startedAt: new Date(ctx.clock.now()).toISOString(), check };
    void check.reading.then(nowReading);
    ctx.log.info('full store check started in the background', { reason });
    push();
    void check.done.then((outcome) => {
      running = null;
      // A restore from the window replaced the connection (and the file): this result is not its.
      if (ctx.db !== db || !db.open || outcome.kind === 'stopped') return settle();
      try {
        if (outcome.kind === 'failed') {
          ctx.log.warn('background store check could not run; it stays owed for the next start', { error: outcome.error });
        } else if (outcome.kind === 'passed') {
          ctx.log.info('background store check passed', { reason, ms: Math.round(outcome.ms) });
          if (!damageOf(db)) recordFullCheck(db, new Date(ctx.clock.now()));
        } else {
          ctx.log.error('background store check found damage: writes stopped', { reason, detail: outcome.detail, ms: Math.round(outcome.ms) });
          // Writes stop first (query_only), then the marker for the next start is written.
          stopWritesOnDamage(db, ctx.dataDir, { detail: outcome.detail.slice(0, 300), foundAt: new Date(ctx.clock.now()).toISOString() });
        }
      } catch (err) {
        // A full disk while recording: the check stays owed (a pass) or the writes stay stopped (damage).
        ctx.log.error('background store check result not recorded', { outcome: outcome.kind, error: String(err) });
      } finally {
        push();
        settle();
      }
    });
  };

  let timer: NodeJS.Timeout | null = null;
  if (options.run && deferred !== null) {
    timer = setTimeout(() => start(deferred), options.delayMs ?? BACKGROUND_CHECK_DELAY_MS);
    timer.unref();
  } else {
    settle();
  }

  return {
    health,
    running: () => running !== null,
    reading: () => readingPromise,
    settled: () => settledPromise,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (running) await running.check.stop();
      settle();
    },
  };
}
