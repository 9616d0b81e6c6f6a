/**
 * What `sync.network` says: where sync stands, in words the clerk understands. Every figure is a
 * keyed lookup or a count over small tables (peers, the spool, the waiting receptions).
 */
import type { NetworkSyncStatus, SyncMessage, SyncState, SyncTransfer } from '../../../../shared/domain/network-sync';
import type { RoundExtensions } from './round-extensions';
import { isMessageKey, sentenceFor } from '../../../../shared/errors/catalogue';
import type { AppContext } from '../../platform/context';
import { unacknowledgedEvents } from '../outbox/unacknowledged';
import { countUnsent, readAgentRow } from './agent-store';
import { effectiveMailbox, readSyncFolder } from './sync-config';

/** The reasons after which the agent is "offline" (backing off) rather than "error" (refused). */
const OFFLINE_REASONS = new Set(['offline', 'server', 'quota']);

export interface LiveState {
  running: boolean;
  transfer: SyncTransfer | null;
  /** What other parts of the core add to the rounds (federation); their status is said too. */
  extensions?: RoundExtensions | undefined;
}

let lastRevision = 0;

/**
 * The next status revision of this process. Seeded by the wall clock so that a backend started
 * again (the browser shell's, with its page still open) says revisions above its predecessor's;
 * one more than the last when the clock stands still or goes back.
 */
export function nextStatusRevision(): number {
  lastRevision = Math.max(lastRevision + 1, Date.now());
  return lastRevision;
}

/** A time of day in Italy, as the clerk reads it on the wall clock ("10:42"). */
export function wallClockTime(iso: string): string {
  return new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

export function syncMessage(key: string, params: Record<string, string | number>): SyncMessage {
  if (!isMessageKey(key)) return { key, params, it: key, en: key };
  return { key, params, it: sentenceFor(key, params, 'it'), en: sentenceFor(key, params, 'en') };
}

export function networkStatus(ctx: AppContext, live: LiveState): NetworkSyncStatus {
  const mailbox = effectiveMailbox(ctx.db);
  const folder = readSyncFolder(ctx.db);
  const row = readAgentRow(ctx.db);
  let state: SyncState;
  if (!mailbox.url && !folder && !live.extensions?.hasCollections(ctx)) state = 'off';
  else if (live.running) state = 'syncing';
  else if (row.consecutiveFailures > 0) state = OFFLINE_REASONS.has(row.lastError?.reason ?? '') ? 'offline' : 'error';
  else state = 'idle';
  return {
    revision: nextStatusRevision(),
    mailbox: mailbox.url,
    folder,
    mailboxFromHub: mailbox.fromHub,
    state,
    lastSuccessAt: row.lastSuccessAt,
    lastAttemptAt: row.lastAttemptAt,
    nextAttemptAt: state === 'off' ? null : row.nextAttemptAt,
    lastError: row.lastError && state !== 'off' ? syncMessage(row.lastError.key, row.lastError.params) : null,
    eventsToSend: unacknowledgedEvents(ctx.db),
    bundlesToSend: countUnsent(ctx.db),
    bundlesToApply: ctx.db.prepare("SELECT count(DISTINCT file_sha256) FROM received_bundles WHERE outcome IN ('pending', 'kept')").pluck().get() as number,
    transfer: live.transfer,
    lastRound: row.lastRound,
    federation: live.extensions?.status(ctx) ?? null,
  };
}

