import type Database from 'better-sqlite3';
import type { Peer } from '../../../../shared/domain/bundles';
import type { Role } from '../../../../shared/domain/ids';
import { GENESIS_HASH } from '../../format/bundle/chain';

interface PeerRow {
  peer_no: number;
  kind: Role;
  id: string;
  name: string;
  signing_key: string;
  key_id: string;
  age_recipient: string;
  fingerprint: string;
  identity_created_at: string;
  status: 'pending' | 'confirmed';
  imported_at: string;
  confirmed_at: string | null;
  applied_seq: number;
  applied_hash: Buffer;
  last_received_at: string | null;
  acked_seq: number | null;
  acked_hash: Buffer | null;
  acked_at: string | null;
  ack_problem: 'events_lost' | 'fork' | null;
  ack_problem_detail: string | null;
}

export interface PeerRecord {
  peerNo: number;
  kind: Role;
  id: string;
  name: string;
  signingKey: string;
  keyId: string;
  ageRecipient: string;
  fingerprint: string;
  identityCreatedAt: string;
  status: 'pending' | 'confirmed';
  importedAt: string;
  confirmedAt: string | null;
  appliedSeq: number;
  appliedHash: Buffer;
  lastReceivedAt: string | null;
  ackedSeq: number | null;
  ackedHash: Buffer | null;
  ackProblem: 'events_lost' | 'fork' | null;
  ackProblemDetail: string | null;
}

function fromRow(r: PeerRow): PeerRecord {
  return {
    peerNo: r.peer_no,
    kind: r.kind,
    id: r.id,
    name: r.name,
    signingKey: r.signing_key,
    keyId: r.key_id,
    ageRecipient: r.age_recipient,
    fingerprint: r.fingerprint,
    identityCreatedAt: r.identity_created_at,
    status: r.status,
    importedAt: r.imported_at,
    confirmedAt: r.confirmed_at,
    appliedSeq: r.applied_seq,
    appliedHash: r.applied_hash,
    lastReceivedAt: r.last_received_at,
    ackedSeq: r.acked_seq,
    ackedHash: r.acked_hash,
    ackProblem: r.ack_problem,
    ackProblemDetail: r.ack_problem_detail,
  };
}

export function findPeer(db: Database.Database, kind: Role, id: string): PeerRecord | null {
  const row = db.prepare('SELECT * FROM peers WHERE kind = ? AND id = ?').get(kind, id) as PeerRow | undefined;
  return row ? fromRow(row) : null;
}

export function findPeerById(db: Database.Database, id: string): PeerRecord[] {
  return (db.prepare('SELECT * FROM peers WHERE id = ? ORDER BY kind').all(id) as PeerRow[]).map(fromRow);
}

export function listPeerRecords(db: Database.Database): PeerRecord[] {
  return (db.prepare('SELECT * FROM peers ORDER BY kind, id').all() as PeerRow[]).map(fromRow);
}

export function confirmedPeers(db: Database.Database): PeerRecord[] {
  return (db.prepare("SELECT * FROM peers WHERE status = 'confirmed' ORDER BY kind, id").all() as PeerRow[]).map(fromRow);
}

export interface NewPeer {
  kind: Role;
  id: string;
  name: string;
  signingKey: string;
  keyId: string;
  ageRecipient: string;
  fingerprint: string;
  identityCreatedAt: string;
  importedAt: string;
}

/** Inserts a pending peer, or replaces the keys of a still-pending one (a newer identity file). */
export function upsertPendingPeer(db: Database.Database, p: NewPeer): void {
  db.prepare(
    `INSERT INTO peers (kind, id, name, signing_key, key_id, age_recipient, fingerprint, identity_created_at, status, imported_at)
     VALUES (@kind, @id, @name, @signingKey, @keyId, @ageRecipient, @fingerprint, @identityCreatedAt, 'pending', @importedAt)
     ON CONFLICT (kind, id) DO UPDATE SET name = excluded.name, signing_key = excluded.signing_key, key_id = excluded.key_id,
       age_recipient = excluded.age_recipient, fingerprint = excluded.fingerprint,
       identity_created_at = excluded.identity_created_at, imported_at = excluded.imported_at
     WHERE peers.status = 'pending'`,
  ).run(p);
}

export function markPeerConfirmed(db: Database.Database, peerNo: number, at: string): void {
  db.prepare("UPDATE peers SET status = 'confirmed', confirmed_at = ? WHERE peer_no = ?").run(at, peerNo);
}

export function waitingBundlesBySender(db: Database.Database): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT sender_kind AS kind, sender_id AS id, COUNT(DISTINCT file_sha256) AS n FROM received_bundles
       WHERE outcome IN ('pending', 'kept') AND sender_id IS NOT NULL GROUP BY sender_kind, sender_id`,
    )
    .all() as { kind: string; id: string; n: number }[];
  return new Map(rows.map((r) => [`${r.kind}:${r.id}`, r.n]));
}

export function toPeer(p: PeerRecord, waiting = 0): Peer {
  return {
    kind: p.kind,
    id: p.id,
    name: p.name,
    keyId: p.keyId,
    signingKey: p.signingKey,
    ageRecipient: p.ageRecipient,
    fingerprint: p.fingerprint,
    status: p.status,
    importedAt: p.importedAt,
    confirmedAt: p.confirmedAt,
    appliedSeq: p.appliedSeq,
    lastReceivedAt: p.lastReceivedAt,
    ackedSeq: p.ackedSeq,
    ackProblem: p.ackProblem,
    waitingBundles: waiting,
  };
}

export function listPeers(db: Database.Database): Peer[] {
  const waiting = waitingBundlesBySender(db);
  return listPeerRecords(db).map((p) => toPeer(p, waiting.get(`${p.kind}:${p.id}`) ?? 0));
}

/** Moves the applied position of a peer's stream (only ever forwards: the caller checks). */
export function setPeerApplied(db: Database.Database, peerNo: number, seq: number, hash: Buffer, at: string): void {
  db.prepare('UPDATE peers SET applied_seq = ?, applied_hash = ?, last_received_at = ? WHERE peer_no = ?').run(seq, hash, at, peerNo);
}

export function touchPeerReceived(db: Database.Database, peerNo: number, at: string): void {
  db.prepare('UPDATE peers SET last_received_at = ? WHERE peer_no = ?').run(at, peerNo);
}

export function setPeerAck(db: Database.Database, peerNo: number, seq: number, hash: Buffer, at: string): void {
  db.prepare('UPDATE peers SET acked_seq = ?, acked_hash = ?, acked_at = ? WHERE peer_no = ?').run(seq, hash, at, peerNo);
}

export function setPeerAckProblem(db: Database.Database, peerNo: number, problem: 'events_lost' | 'fork', detail: string): void {
  if (problem === 'events_lost') {
    // Never backwards: an older bundle of the hub (a lower ack) must not shrink what we know is
    // missing, or a recovery up to that lower ack would reopen writes on seqs the hub already has.
    const current = db.prepare('SELECT ack_problem, ack_problem_detail FROM peers WHERE peer_no = ?').get(peerNo) as
      | { ack_problem: string | null; ack_problem_detail: string | null }
      | undefined;
    if (current?.ack_problem === 'events_lost' && (ackedSeqOf(current.ack_problem_detail) ?? 0) > (ackedSeqOf(detail) ?? 0)) return;
  }
  db.prepare('UPDATE peers SET ack_problem = ?, ack_problem_detail = ? WHERE peer_no = ?').run(problem, detail, peerNo);
}

/** inbox/apply.ts (takeAck) writes "… acknowledged our event N, our last event is M". */
function ackedSeqOf(detail: string | null): number | null {
  const m = /acknowledged our event (\d+)/.exec(detail ?? '');
  return m ? Number(m[1]) : null;
}

/**
 * True when a peer told us (with its ack) that it holds events of ours we no longer have
 * (we were restored from an old backup). Writers SHOULD refuse new events while this holds:
 * the next event would reuse a seq the peer already has, a fork of our own stream.
 */
export function ourStreamNeedsRecovery(db: Database.Database): { peer: string; detail: string } | null {
  const lost = eventsLostPeer(db);
  return lost ? { peer: `${lost.kind}:${lost.id}`, detail: lost.detail } : null;
}

export interface EventsLost {
  peerNo: number;
  kind: Role;
  id: string;
  name: string;
  /** The seq the peer acknowledged (beyond our last event); null if the detail cannot be read. */
  ackedSeq: number | null;
  detail: string;
}

const lostStatements = new WeakMap<Database.Database, Database.Statement>();

/** One probe of the partial index peers_ack_problem (migration 010), not a scan of the peers. */
export const EVENTS_LOST_SQL = "SELECT peer_no, kind, id, name, ack_problem_detail FROM peers WHERE ack_problem = 'events_lost' LIMIT 1";

/**
 * The peer that holds events of ours we lost, or null. Runs before every event we write
 * (outbox.appendEvent): one prepared statement, kept per connection, probing a partial index
 * that holds only the peers with a problem (a hub has up to 7,896 peers).
 */
export function eventsLostPeer(db: Database.Database): EventsLost | null {
  let st = lostStatements.get(db);
  if (!st) {
    st = db.prepare(EVENTS_LOST_SQL);
    lostStatements.set(db, st);
  }
  const row = st.get() as { peer_no: number; kind: Role; id: string; name: string; ack_problem_detail: string | null } | undefined;
  if (!row) return null;
  const detail = row.ack_problem_detail ?? '';
  return { peerNo: row.peer_no, kind: row.kind, id: row.id, name: row.name, ackedSeq: ackedSeqOf(detail), detail };
}

/** The lost events are back (recovery applied): the problem is closed and the ack taken in. */
export function clearEventsLost(db: Database.Database, peerNo: number, ackSeq: number, ackHash: Buffer, at: string): void {
  db.prepare(
    "UPDATE peers SET ack_problem = NULL, ack_problem_detail = NULL, acked_seq = ?, acked_hash = ?, acked_at = ? WHERE peer_no = ? AND ack_problem = 'events_lost'",
  ).run(ackSeq, ackHash, at, peerNo);
}

export { GENESIS_HASH };
