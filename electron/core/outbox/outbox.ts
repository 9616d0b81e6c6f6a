import type Database from 'better-sqlite3';
import type { ChainVerification } from '../../../shared/domain/outbox';
import type { AppContext } from '../context';
import { chainHash, GENESIS_HASH } from './chain';

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
  const row = db.prepare('SELECT seq, hash FROM outbox ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: Buffer } | undefined;
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
  const seq = head.seq + 1;
  const at = ctx.clock.now();
  const line = Buffer.from(eventLine(seq, at, event), 'utf8');
  const hash = chainHash(head.hash, line);
  ctx.db
    .prepare('INSERT INTO outbox (seq, at, kind, op, record_id, line, hash) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(seq, at, event.kind, event.op, event.id, line, hash);
  return { seq, at, hash };
}


/**
 * Recomputes the whole chain from h(0). Streams the rows (a ten-year outbox does not fit
 * comfortably in memory) and stops at the first broken event.
 */
export function verifyOutbox(db: Database.Database): ChainVerification {
  let previous: Uint8Array = GENESIS_HASH;
  let expected = 1;
  const broken = (seq: number, reason: string): ChainVerification => ({
    ok: false,
    events: expected - 1,
    firstBroken: seq,
    reason,
    lastHash: Buffer.from(previous).toString('hex'),
  });
  const rows = db.prepare('SELECT seq, line, hash FROM outbox ORDER BY seq').raw(true).iterate() as IterableIterator<[number, Buffer, Buffer]>;
  for (const [seq, line, hash] of rows) {
    if (seq !== expected) return broken(expected, `manca l'evento ${expected}`);
    // The line must carry its own seq: a cheap prefix check, no JSON parse on the hot path.
    if (line.toString('latin1', 0, 24).indexOf(`{"seq":${seq},`) !== 0) {
      return broken(seq, `la riga dell'evento ${seq} non porta il suo numero`);
    }
    const computed = chainHash(previous, line);
    if (!computed.equals(hash)) return broken(seq, `l'impronta dell'evento ${seq} non corrisponde alla catena`);
    previous = hash;
    expected += 1;
  }
  return { ok: true, events: expected - 1, firstBroken: null, reason: null, lastHash: Buffer.from(previous).toString('hex') };
}
