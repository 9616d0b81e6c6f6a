/**
 * Rewinding a sender's stream as applied here to event N-1, so that another version of events
 * N… can be applied (a fork the operator accepted). Synchronous: the caller runs it inside the
 * transaction that then applies the new version, so nothing is half-done.
 *
 * What it touches, for that sender only:
 * - projections: a projector with `reset` forgets the sender and sees its events 1…N-1 again,
 *   in order (correctness over speed: this is rare); a projector without `reset` is additive
 *   (usage totals) and is fed each removed event backwards (new state → previous state);
 * - received_records of the records whose last event was ≥ N: back to their last event < N,
 *   or removed if they only existed from N on;
 * - inbox_events ≥ N, and the sender's applied position (N-1 and h(N-1)).
 */
import type Database from 'better-sqlite3';
import { GENESIS_HASH } from '../../format/bundle/chain';
import { setPeerApplied, type PeerRecord } from '../peers/peers-store';
import { eventKey } from '../inbox/apply';
import type { Projector, ProjectorSession, RecordChange } from '../../platform/records/projector';

const PAGE = 5000;
const MAX_SEQ = 1099511627775;

interface EventHead {
  kind: string;
  op: 'put' | 'delete';
  id: string;
}

interface RecordState {
  seq: number;
  deleted: boolean;
}

// The format's writer lays a line out as {"seq":N,"at":"…","kind":"…","op":"…","id":"…",…}:
// read the head without parsing the data (a member's ten years are replayed); other layouts are parsed.
const HEAD = /^\{"seq":\d+,"at":"[^"]*","kind":"([a-z_]+)","op":"(put|delete)","id":"([0-9a-f-]+)"/;

function headOf(line: Buffer): EventHead {
  const m = HEAD.exec(line.toString('latin1', 0, 200));
  if (m) return { kind: m[1] as string, op: m[2] as 'put' | 'delete', id: m[3] as string };
  const ev = JSON.parse(line.toString('utf8')) as EventHead;
  return { kind: ev.kind, op: ev.op, id: ev.id };
}

function dataOf(line: Buffer): Record<string, unknown> | null {
  return (JSON.parse(line.toString('utf8')) as { data?: Record<string, unknown> }).data ?? null;
}

/** The sender's stored lines from..to, in order, a page at a time (projectors write between pages). */
function forEachStored(db: Database.Database, peerNo: number, from: number, to: number, fn: (seq: number, line: Buffer) => void): void {
  const page = db.prepare('SELECT seq, line FROM inbox_events WHERE key >= ? AND key <= ? ORDER BY key LIMIT ?');
  for (let next = from; next <= to; ) {
    const rows = page.all(eventKey(peerNo, next), eventKey(peerNo, to), PAGE) as { seq: number; line: Buffer }[];
    if (rows.length === 0) break;
    for (const r of rows) fn(r.seq, r.line);
    next = (rows[rows.length - 1] as { seq: number }).seq + 1;
  }
}

export interface RewindResult {
  /** Events N… removed from the stored stream. */
  eventsRemoved: number;
  /** Records back to an earlier version, and records removed (they existed only from N on). */
  recordsRestored: number;
  recordsRemoved: number;
}

export function rewindPeerStream(db: Database.Database, peer: PeerRecord, fromSeq: number, projectors: readonly Projector[], at: string): RewindResult {
  if (!db.inTransaction) throw new Error('rewindPeerStream must run inside the transaction that applies the new version');
  const n = Math.max(1, fromSeq);
  const lineAt = db.prepare('SELECT line FROM inbox_events WHERE key = ?').pluck();
  const stored = (seq: number) => lineAt.get(eventKey(peer.peerNo, seq)) as Buffer;
  const resettable = projectors.filter((p) => typeof p.reset === 'function');
  const additive = projectors.filter((p) => typeof p.reset !== 'function');
  const resetKinds = new Set(resettable.map((p) => p.kind));

  // 1. The removed events (ids and kinds: what must be restored or taken back).
  const removed: (EventHead & { seq: number })[] = [];
  forEachStored(db, peer.peerNo, n, MAX_SEQ, (seq, line) => removed.push({ ...headOf(line), seq }));
  const affected = new Set(removed.map((e) => e.id));

  const sessions = new Map<string, ProjectorSession[]>();
  const sessionsOf = (list: readonly Projector[], kind: string) => {
    const key = `${list === additive ? 'a' : 'r'}:${kind}`;
    let s = sessions.get(key);
    if (!s) sessions.set(key, (s = list.filter((p) => p.kind === kind).map((p) => p.open(db))));
    return s;
  };

  // 2. One pass over events 1…N-1: the state of each record as of N-1 (only what the replay or
  //    the restore needs), and the projectors with reset see the sender's events again, in order.
  for (const p of resettable) p.reset?.(db, peer.id);
  const base = new Map<string, RecordState>();
  forEachStored(db, peer.peerNo, 1, n - 1, (seq, line) => {
    const h = headOf(line);
    const replay = resetKinds.has(h.kind);
    if (!replay && !affected.has(h.id)) return;
    const was = base.get(h.id);
    base.set(h.id, { seq, deleted: h.op === 'delete' });
    if (!replay) return;
    const previous = was && !was.deleted ? dataOf(stored(was.seq)) : null;
    const change: RecordChange = { owner: peer.id, kind: h.kind, id: h.id, op: h.op, seq, data: h.op === 'put' ? dataOf(line) : null, previous };
    for (const p of sessionsOf(resettable, h.kind)) p.project(change);
  });

  // 3. Additive projectors: each removed event backwards, newest first (new state → previous state).
  const state = new Map<string, RecordState>();
  const before: (RecordState | undefined)[] = removed.map((e) => {
    const was = state.get(e.id) ?? base.get(e.id);
    state.set(e.id, { seq: e.seq, deleted: e.op === 'delete' });
    return was;
  });
  for (let i = removed.length - 1; i >= 0; i--) {
    const e = removed[i] as EventHead & { seq: number };
    const list = sessionsOf(additive, e.kind);
    if (list.length === 0) continue;
    const was = before[i];
    const previous = e.op === 'put' ? dataOf(stored(e.seq)) : null;
    const data = was && !was.deleted ? dataOf(stored(was.seq)) : null;
    const change: RecordChange = { owner: peer.id, kind: e.kind, id: e.id, op: data ? 'put' : 'delete', seq: was?.seq ?? e.seq, data, previous };
    for (const p of list) p.project(change);
  }
  for (const list of sessions.values()) for (const p of list) p.close();

  // 5. Received records back to N-1; the removed events; the applied position.
  const restore = db.prepare('UPDATE received_records SET last_seq = ?, deleted = ? WHERE id = ? AND peer_no = ?');
  const drop = db.prepare('DELETE FROM received_records WHERE id = ? AND peer_no = ?');
  let recordsRestored = 0;
  let recordsRemoved = 0;
  for (const id of affected) {
    const was = base.get(id);
    if (was) recordsRestored += restore.run(was.seq, was.deleted ? 1 : 0, id, peer.peerNo).changes;
    else recordsRemoved += drop.run(id, peer.peerNo).changes;
  }
  db.prepare('DELETE FROM inbox_events WHERE key >= ? AND key <= ?').run(eventKey(peer.peerNo, n), eventKey(peer.peerNo, MAX_SEQ));
  const hash = n - 1 === 0 ? GENESIS_HASH : (db.prepare('SELECT hash FROM inbox_events WHERE key = ?').pluck().get(eventKey(peer.peerNo, n - 1)) as Buffer);
  setPeerApplied(db, peer.peerNo, n - 1, hash, at);
  return { eventsRemoved: removed.length, recordsRestored, recordsRemoved };
}
