/**
 * What `sync.network` says: where sync stands, in words the clerk understands. Every figure is a
 * keyed lookup or a count over small tables (peers, the spool, the waiting receptions).
 */
import type { NetworkSyncStatus, SyncMessage, SyncState, SyncTransfer } from '../../../../shared/domain/network-sync';
import { isMessageKey, sentenceFor } from '../../../../shared/errors/catalogue';
import type { AppContext } from '../../platform/context';
import { readInstallation } from '../../platform/installation/installation-store';
import { outboxHead } from '../outbox/outbox';
import { exchangePeers } from '../peers/vouched-senders';
import { countUnsent, readAgentRow } from './agent-store';
import { effectiveMailbox, readSyncFolder } from './sync-config';

/** The reasons after which the agent is "offline" (backing off) rather than "error" (refused). */
const OFFLINE_REASONS = new Set(['offline', 'server', 'quota']);

export interface LiveState {
  running: boolean;
  transfer: SyncTransfer | null;
}

/** A time of day in Italy, as the clerk reads it on the wall clock ("10:42"). */
export function wallClockTime(iso: string): string {
  return new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

export function syncMessage(key: string, params: Record<string, string | number>): SyncMessage {
  if (!isMessageKey(key)) return { key, params, it: key, en: key };
  return { key, params, it: sentenceFor(key, params, 'it'), en: sentenceFor(key, params, 'en') };
}

/** Our events the other side has not acknowledged: the hub sums over its confirmed members. */
function eventsToSend(ctx: AppContext): number {
  const us = readInstallation(ctx.db);
  if (!us) return 0;
  const head = outboxHead(ctx.db).seq;
  const peers = exchangePeers(ctx.db).filter((p) => p.status === 'confirmed' && p.kind !== us.role);
  if (us.role === 'municipality') {
    const hub = peers[0];
    return hub ? Math.max(0, head - (hub.ackedSeq ?? 0)) : head;
  }
  return peers.reduce((sum, p) => sum + Math.max(0, head - (p.ackedSeq ?? 0)), 0);
}

export function networkStatus(ctx: AppContext, live: LiveState): NetworkSyncStatus {
  const mailbox = effectiveMailbox(ctx.db);
  const folder = readSyncFolder(ctx.db);
  const row = readAgentRow(ctx.db);
  let state: SyncState;
  if (!mailbox.url && !folder) state = 'off';
  else if (live.running) state = 'syncing';
  else if (row.consecutiveFailures > 0) state = OFFLINE_REASONS.has(row.lastError?.reason ?? '') ? 'offline' : 'error';
  else state = 'idle';
  return {
    mailbox: mailbox.url,
    folder,
    mailboxFromHub: mailbox.fromHub,
    state,
    lastSuccessAt: row.lastSuccessAt,
    lastAttemptAt: row.lastAttemptAt,
    nextAttemptAt: state === 'off' ? null : row.nextAttemptAt,
    lastError: row.lastError && state !== 'off' ? syncMessage(row.lastError.key, row.lastError.params) : null,
    eventsToSend: eventsToSend(ctx),
    bundlesToSend: countUnsent(ctx.db),
    bundlesToApply: ctx.db.prepare("SELECT count(DISTINCT file_sha256) FROM received_bundles WHERE outcome IN ('pending', 'kept')").pluck().get() as number,
    transfer: live.transfer,
    lastRound: row.lastRound,
  };
}
