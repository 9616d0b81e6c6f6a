/**
 * The sync agent's scheduler (docs/sync.md "The sync agent"): when rounds run, never two at
 * once. A round runs shortly after start, a few seconds after a change, every 5 minutes, and on
 * "Sincronizza ora" (which joins a running round instead of starting a second one). When the
 * courier cannot be reached it backs off with full jitter (5 s, 10 s, 20 s … capped at 30 min),
 * a 429 waits its Retry-After, and the status says when the next attempt is.
 *
 * Time, randomness and timers are injected, so tests drive it without sleeping. Every timer is
 * unref'd (a short `cst` command never waits for one) and close() stops them all.
 */
import type { NetworkSyncStatus, SyncTransfer } from '../../../../shared/domain/network-sync';
import type { AppContext } from '../../platform/context';
import { AppError, appError } from '../../platform/errors';
import { readInstallation } from '../../platform/installation/installation-store';
import { stmt } from '../../platform/store/statements';
import type { BundleVerifier } from '../../format/worker/verifier';
import { outboxHead } from '../outbox/outbox';
import { readAgentRow, recordAttempt, recordFailure, recordNextAttempt, recordSuccess } from './agent-store';
import { CourierError } from './courier';
import { chooseCourier, realMailboxCourier, type CourierChoice, type MailboxCourierMaker } from './courier-factory';
import { networkStatus, nextStatusRevision, wallClockTime } from './network-status';
import { emptyRoundReport, runSyncRound, type RoundReport } from './sync-round';
import type { RoundExtensions } from './round-extensions';
import { defaultVerifier } from '../../format/worker/verifier';

export const START_DELAY_MS = 5_000;
export const CHANGE_DELAY_MS = 3_000;
export const INTERVAL_MS = 5 * 60_000;
export const BACKOFF_BASE_MS = 5_000;
export const BACKOFF_CAP_MS = 30 * 60_000;
/** Full jitter can draw 0: a floor keeps a dead server from being asked in a tight loop. */
export const BACKOFF_FLOOR_MS = 1_000;
const PROGRESS_EVERY_MS = 250;

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout(fn, ms) {
    const t = setTimeout(fn, ms);
    t.unref();
    return t;
  },
  clearTimeout(handle) {
    clearTimeout(handle as NodeJS.Timeout);
  },
};

export interface SyncAgentOptions {
  /** The mailbox client (mailbox-courier.ts), wired by the app; null: mailbox not available. */
  /** The mailbox client maker; the real one by default. */
  makeMailbox?: MailboxCourierMaker;
  timers?: Timers;
  /** In [0, 1): the jitter. */
  random?: () => number;
  /** The import's verifier; default: the app's (the worker). */
  verifier?: BundleVerifier;
  startDelayMs?: number;
  changeDelayMs?: number;
  intervalMs?: number;
  /** False: rounds run only when asked (`cst sync now`); nothing is scheduled. Default true. */
  schedule?: boolean;
  /** What the rounds also do (federation through the mailbox: backend.ts passes it). */
  extensions?: RoundExtensions;
}

export interface RoundOutcome {
  ok: boolean;
  /** What the round did (null when it did not run: sync off, or it failed). */
  report: RoundReport | null;
  status: NetworkSyncStatus;
}

export interface SyncAgent {
  /** Starts the schedule: a first round shortly after, then every interval. */
  start(): void;
  /** One round now; joins the running one if any. */
  runNow(): Promise<RoundOutcome>;
  /** After an API call: a round a few seconds later if our outbox grew or a bundle was imported. */
  changed(): void;
  /** The mailbox address or folder changed: a round soon. */
  configured(): void;
  status(): NetworkSyncStatus;
  close(): void;
}

/**
 * The delay before attempt `failures + 1` after `failures` consecutive failures: full jitter,
 * uniform in [0, min(cap, base · 2^(failures−1))), never under the floor.
 */
export function backoffDelay(failures: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(Math.max(failures - 1, 0), 20));
  return Math.max(BACKOFF_FLOOR_MS, Math.floor(random() * ceiling));
}

function addMs(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

/** A failure as the status says it: a catalogue key, its params, and the reason (offline or refused). */
function describeFailure(err: unknown, choice: CourierChoice, nextAt: string): { key: string; params: Record<string, string | number>; reason: string } {
  const time = wallClockTime(nextAt);
  const folder = choice.kind === 'folder' ? { folder: choice.folder } : null;
  if (err instanceof CourierError) {
    switch (err.reason) {
      case 'offline':
      case 'corrupt':
        return folder ? { key: 'syncAgent.folderOffline', params: { ...folder, time }, reason: 'offline' } : { key: 'syncAgent.offline', params: { time }, reason: 'offline' };
      case 'server':
        return { key: 'syncAgent.server', params: { time }, reason: 'server' };
      case 'quota':
        return { key: 'syncAgent.quota', params: { time }, reason: 'quota' };
      case 'refused':
        return folder ? { key: 'syncAgent.folderRefused', params: { ...folder, time }, reason: 'refused' } : { key: 'syncAgent.refused', params: { time }, reason: 'refused' };
    }
  }
  if (err instanceof AppError && err.key) {
    const params = (err.toValue().params ?? {}) as Record<string, string | number>;
    return { key: err.key, params, reason: 'app' };
  }
  return { key: 'syncAgent.internal', params: { time }, reason: 'internal' };
}

export function createSyncAgent(ctx: AppContext, options: SyncAgentOptions): SyncAgent {
  const timers = options.timers ?? realTimers;
  const random = options.random ?? Math.random;
  const startDelay = options.startDelayMs ?? START_DELAY_MS;
  const changeDelay = options.changeDelayMs ?? CHANGE_DELAY_MS;
  const interval = options.intervalMs ?? INTERVAL_MS;
  let timer: unknown = null;
  let timerAt = Infinity;
  /** The pending timer is a retry after a failure (a success makes it stale). */
  let timerIsRetry = false;
  let running: Promise<RoundOutcome> | null = null;
  let busy = false;
  let transfer: SyncTransfer | null = null;
  let lastPush = -Infinity;
  let closed = false;
  let seen = changeMark();

  const nowMs = () => Date.parse(ctx.clock.now());

  function status(): NetworkSyncStatus {
    return networkStatus(ctx, { running: busy, transfer, extensions: options.extensions });
  }

  function push(): void {
    if (closed || !ctx.db.open) return;
    ctx.emit('sync.network', status());
  }

  /** What a change looks like, read cheaply: our outbox's head and the newest reception. */
  function changeMark(): string {
    if (!ctx.db.open || !readInstallation(ctx.db)) return '';
    const reception = stmt(ctx.db, 'SELECT max(reception_no) FROM received_bundles').pluck().get() as number | null;
    const confirmed = stmt(ctx.db, "SELECT count(*) FROM peers WHERE status = 'confirmed'").pluck().get() as number;
    return `${outboxHead(ctx.db).seq}:${reception ?? 0}:${confirmed}`;
  }

  function clearTimer(): void {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    timerAt = Infinity;
    timerIsRetry = false;
  }

  /** Runs a round at `delayMs` from now, unless one is already due sooner. */
  function scheduleIn(delayMs: number, retry = false): void {
    if (closed || options.schedule === false) return;
    const at = nowMs() + delayMs;
    if (timer !== null && timerAt <= at) return;
    clearTimer();
    timerAt = at;
    timerIsRetry = retry;
    timer = timers.setTimeout(() => {
      timer = null;
      timerAt = Infinity;
      timerIsRetry = false;
      void runRound();
    }, delayMs);
  }

  function onTransfer(t: SyncTransfer | null): void {
    transfer = t;
    // Throttled: a large transfer moves many chunks; the start and the end are always said.
    const now = nowMs();
    if (t === null || t.done === 0 || t.done === t.total || now - lastPush >= PROGRESS_EVERY_MS) {
      lastPush = now;
      push();
    }
  }

  async function round(): Promise<Omit<RoundOutcome, 'status'>> {
    const us = readInstallation(ctx.db);
    if (!us) return { ok: false, report: null }; // nothing to sync before setup
    const choice = chooseCourier(ctx.db, ctx.dataDir, us.role === 'hub' ? 'hub' : us.id, options.makeMailbox);
    // A regional hub collects from its provinces' mailboxes even with no mailbox of its own.
    const provinces = us.role === 'hub' && options.extensions?.hasCollections(ctx) === true;
    if (choice.kind === 'off' && !provinces) return { ok: false, report: null };
    const at = ctx.clock.now();
    recordAttempt(ctx.db, at);
    push();
    try {
      const report =
        choice.kind === 'off'
          ? emptyRoundReport()
          : await runSyncRound(ctx, { courier: choice.courier, onTransfer, extensions: options.extensions, ...(options.verifier ? { verifier: options.verifier } : {}) });
      if (provinces) await collect(report);
      const end = ctx.clock.now();
      recordSuccess(ctx.db, end, { at: end, sent: report.sent, received: report.received, applied: report.applied }, addMs(end, interval));
      seen = changeMark();
      // A retry drawn while offline is stale once a round (a «Sincronizza ora») succeeded: left
      // alone it would run a needless round early, and hide the interval the status announces.
      if (timerIsRetry) clearTimer();
      scheduleIn(interval);
      return { ok: true, report };
    } catch (err) {
      if (!ctx.db.open) return { ok: false, report: null };
      const failures = readAgentRow(ctx.db).consecutiveFailures + 1;
      const retryAfter = err instanceof CourierError && err.reason === 'quota' && err.retryAfterSeconds ? err.retryAfterSeconds * 1000 : null;
      const delay = retryAfter ?? backoffDelay(failures, random);
      const nextAt = addMs(ctx.clock.now(), delay);
      const failure = describeFailure(err, choice, nextAt);
      if (failure.reason === 'internal') ctx.log.error('sync round failed', { error: String((err as Error)?.stack ?? err) });
      else ctx.log.warn('sync round failed', { reason: failure.reason, key: failure.key });
      recordFailure(ctx.db, failure, nextAt);
      seen = changeMark();
      scheduleIn(delay, true);
      return { ok: false, report: null };
    }
  }

  /** The regional hub's collection from its provinces' mailboxes (federation/mailbox-collect.ts), counted in the round. */
  async function collect(report: RoundReport): Promise<void> {
    if (!options.extensions) return;
    const verifier = options.verifier ?? defaultVerifier();
    let collected;
    try {
      collected = await options.extensions.collect(ctx, { makeMailbox: options.makeMailbox ?? realMailboxCourier, verifier });
    } finally {
      if (!options.verifier) await verifier.close();
    }
    for (const p of collected) {
      report.received += p.collection.received;
      report.applied += p.collection.applied;
      report.duplicate += p.collection.duplicate;
      report.waiting += p.collection.waiting;
      report.refused += p.collection.refused;
      report.removed += p.collection.removed;
      report.results.push(...p.results);
      report.collected.push(p);
    }
  }

  function networkStatusClosed(): NetworkSyncStatus {
    return {
      revision: nextStatusRevision(),
      mailbox: null,
      folder: null,
      mailboxFromHub: false,
      state: 'off',
      lastSuccessAt: null,
      lastAttemptAt: null,
      nextAttemptAt: null,
      lastError: null,
      eventsToSend: 0,
      bundlesToSend: 0,
      bundlesToApply: 0,
      transfer: null,
      lastRound: null,
      federation: null,
    };
  }

  function runRound(): Promise<RoundOutcome> {
    if (running) return running;
    if (closed || !ctx.db.open) return Promise.resolve({ ok: false, report: null, status: networkStatusClosed() });
    busy = true;
    const done = (outcome: Omit<RoundOutcome, 'status'>): RoundOutcome => {
      busy = false;
      running = null;
      transfer = null;
      if (!ctx.db.open) return { ...outcome, status: networkStatusClosed() };
      push();
      return { ...outcome, status: status() };
    };
    running = round().then(done, (err: unknown) => {
      done({ ok: false, report: null });
      throw err;
    });
    return running;
  }

  return {
    start() {
      scheduleIn(startDelay);
    },
    runNow: runRound,
    changed() {
      if (closed || busy || options.schedule === false || !ctx.db.open) return;
      const mark = changeMark();
      if (mark === seen) return;
      seen = mark;
      // While backing off, a change does not shorten the wait: the server is still down.
      if (readAgentRow(ctx.db).consecutiveFailures > 0) return;
      scheduleIn(changeDelay);
    },
    configured() {
      if (closed) return;
      // A new address is worth trying at once, whatever the backoff said.
      recordNextAttempt(ctx.db, null);
      clearTimer();
      scheduleIn(changeDelay);
      push();
    },
    status,
    close() {
      closed = true;
      clearTimer();
    },
  };
}

const agents = new WeakMap<AppContext, SyncAgent>();

/** The agent of an open backend (backend.ts attaches it); one made on demand otherwise (no schedule). */
export function attachSyncAgent(ctx: AppContext, agent: SyncAgent): void {
  agents.set(ctx, agent);
}

export function syncAgentOf(ctx: AppContext): SyncAgent {
  let agent = agents.get(ctx);
  if (!agent) {
    agent = createSyncAgent(ctx, { schedule: false });
    agents.set(ctx, agent);
  }
  return agent;
}
