import type Database from 'better-sqlite3';
import type { AppContext } from '../../platform/context';
import { appError, AppError } from '../../platform/errors';
import { eventsLostPeer, type EventsLost } from '../peers/peers-store';
import { stmt } from '../../platform/store/statements';
import { chainHash, GENESIS_HASH } from '../../format/bundle/chain';

export type EventOp = 'put' | 'delete';

export interface NewEvent {
  kind: string;
  op: EventOp;
  id: string;
  /** The full new state of the record, already validated by its schema; absent for delete. */
  data?: unknown;
}

export interface AppendedEvent {
  seq: number;
  at: string;
  hash: Buffer;
}

export interface OutboxHead {
  seq: number;
  hash: Buffer;
}

/**
 * The exact line of an event: members in the order the format shows (`seq`, `at`, `kind`, `op`,
 * `id`, then `data` iff `put`), compact JSON. Its bytes are hashed and stored once.
 */
export function eventLine(seq: number, at: string, event: NewEvent): string {
  const envelope = JSON.stringify({ seq, at, kind: event.kind, op: event.op, id: event.id });
  return event.op === 'put' ? `${envelope.slice(0, -1)},"data":${JSON.stringify(event.data)}}` : envelope;
}

export function outboxHead(db: Database.Database): OutboxHead {
  const row = stmt(db, 'SELECT seq, hash FROM outbox ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: Buffer } | undefined;
  return row ?? { seq: 0, hash: GENESIS_HASH };
}

/**
 * Appends one event. MUST be called inside the same transaction as the change it records:
 * the record and its event land together or not at all, and the chain cannot fork because
 * the head is read and extended under SQLite's write lock.
 */
export function appendEvent(ctx: AppContext, event: NewEvent): AppendedEvent {
  if (!ctx.db.inTransaction) throw new Error('appendEvent must run inside the transaction of the change it records');
  const head = outboxHead(ctx.db);
  // A restored backup: the hub already holds events with the seqs we would use next (a fork).
  const lost = eventsLostPeer(ctx.db);
  if (lost) throw recoveryNeeded(lost, head.seq);
  // A record's identity is (owner, id): an id another installation already wrote here (e.g. a
  // member sending first the id a hub record derives from its code) is not ours to write.
  const held = stmt(ctx.db, 'SELECT owner, kind FROM received_records WHERE id = ?').get(event.id) as { owner: string; kind: string } | undefined;
  if (held) throw idHeldByOther(event.id, held);
  const seq = head.seq + 1;
  const at = ctx.clock.now();
  const line = Buffer.from(eventLine(seq, at, event), 'utf8');
  const hash = chainHash(head.hash, line);
  stmt(ctx.db, 'INSERT INTO outbox (seq, at, kind, op, record_id, line, hash) VALUES (?, ?, ?, ?, ?, ?, ?)').run(seq, at, event.kind, event.op, event.id, line, hash);
  return { seq, at, hash };
}

/** E_RECOVERY_NEEDED: what the clerk must do before writing again (docs/design.md "Restores"). */
export function recoveryNeeded(lost: EventsLost, ourLastSeq: number): AppError {
  const acked = lost.ackedSeq ?? ourLastSeq + 1;
  const missing = acked - ourLastSeq;
  const params = { hub: lost.id, hubName: lost.name, ourLastSeq, hubAckedSeq: acked, missing };
  if (lost.kind === 'municipality') {
    // We are the hub: a member holds more of our stream than we do.
    return appError('outbox.hubRestoredOlder', params);
  }
  return appError('outbox.restoredOlder', params);
}

function idHeldByOther(id: string, held: { owner: string; kind: string }): AppError {
  return appError('outbox.idHeldByOther', { id, owner: held.owner }, { field: 'id', params: { kind: held.kind } });
}
