/**
 * Steps 11 (history) and 12 (records) of BUNDLE-FORMAT.md "Reading a bundle", on the single
 * writer connection, in ONE transaction per bundle: applied whole or not at all. The events
 * come from the verified temp copy of events.ndjson (read synchronously: no await may run
 * inside a better-sqlite3 transaction).
 *
 * Decisions:
 * - Unknown kind → E_RECORD ("this reader cannot validate it": usually a newer sender; the
 *   message says to update). A known kind owned by the other role → E_OWNERSHIP.
 * - Record ids are UUIDs unique across installations: an id already held by another owner is
 *   E_OWNERSHIP; the same owner reusing an id for another kind is E_RECORD (field `id`).
 * - A delete of a record never seen is kept as a tombstone (the put may have been compacted
 *   away by a future format; order within one stream is total anyway).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { RecordKind } from '../../../shared/records/registry';
import { findRecordKind } from '../../../shared/records/kinds';
import type { Manifest } from '../bundles/manifest';
import { ChainHasher } from '../bundles/chain-hash';
import { LineSplitter } from '../bundles/lines';
import { GENESIS_HASH } from '../outbox/chain';
import { outboxHead } from '../outbox/outbox';
import { findPeer, setPeerAck, setPeerAckProblem, setPeerApplied, touchPeerReceived, type PeerRecord } from '../peers/peers-store';
import { insertFork } from './inbox-store';
import { PROJECTORS, type Projector, type ProjectorSession } from './projectors';

export type ApplyResult =
  | { outcome: 'applied'; applied: number; warnings: string[] }
  | { outcome: 'duplicate'; warnings: string[] }
  | { outcome: 'pending'; missing: { first: number; last: number } }
  | { outcome: 'refused'; code: 'E_FORK'; detail: string; seq: number }
  | { outcome: 'refused'; code: 'E_OWNERSHIP' | 'E_RECORD'; detail: string; line: number; kind: string; field?: string; what?: string }
  /** The streamed verification (steps 1–10) failed after all: everything was rolled back. */
  | { outcome: 'unverified' };

/**
 * Where the verified lines come from: a temp file the verifier wrote, or the worker's channel
 * while it is still verifying (then `settle()` drains it and says whether steps 1–10 passed;
 * nothing is written and nothing is reported before it said yes).
 */
export interface EventSource {
  forEach(fn: (line: Buffer, hash: Buffer | null) => void): void;
  settle(): boolean;
}

export function fileEventSource(eventsPath: string | null, hashesPath: string | null | undefined, lineLimit = 1_048_576): EventSource {
  return {
    forEach(fn) {
      if (!eventsPath) return;
      const hashes = hashesPath ? new RecordReader(hashesPath) : null;
      try {
        forEachLine(eventsPath, lineLimit, (line) => fn(line, hashes?.next() ?? null));
      } finally {
        hashes?.close();
      }
    },
    settle: () => true,
  };
}

export interface ApplyInput {
  peer: PeerRecord;
  manifest: Manifest;
  /** The verified lines (with their chain hash when the verifier passes it). */
  source: EventSource;
  fileSha256: string;
  at: string;
  /** Record kinds this reader knows (default: the project's registry). */
  kinds?: (kind: string) => RecordKind | undefined;
  projectors?: readonly Projector[];
  lineLimit?: number;
}

/** inbox_events' key: peer_no · 2^40 + seq (see migration 004). */
export function eventKey(peerNo: number, seq: number): number {
  return peerNo * 1099511627776 + seq;
}

class Stop extends Error {
  constructor(readonly result: ApplyResult) {
    super('stop');
  }
}

interface Statements {
  storedEvent: Database.Statement;
  insertEvent: Database.Statement;
  record: Database.Statement;
  insertRecord: Database.Statement;
  updateRecord: Database.Statement;
  lineAt: Database.Statement;
  outboxHash: Database.Statement;
  ackExports: Database.Statement;
}

const cache = new WeakMap<Database.Database, Statements>();

function statements(db: Database.Database): Statements {
  let s = cache.get(db);
  if (!s) {
    s = {
      storedEvent: db.prepare('SELECT line, hash FROM inbox_events WHERE key = ?'),
      insertEvent: db.prepare('INSERT INTO inbox_events (key, peer_no, seq, line, hash) VALUES (?, ?, ?, ?, ?)'),
      record: db.prepare('SELECT owner, kind, last_seq, deleted, peer_no FROM received_records WHERE id = ?'),
      // Measured: an upsert with RETURNING costs ~20 µs with the owner index, a lookup plus a
      // plain upsert ~5 µs, and a plain insert ~3 µs. Most received records are new: insert
      // first, and only when the id exists look it up (owner, kind, previous state) and update.
      insertRecord: db.prepare(
        `INSERT INTO received_records (id, owner, peer_no, kind, last_seq, deleted) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO NOTHING`,
      ),
      updateRecord: db.prepare('UPDATE received_records SET last_seq = ?, deleted = ? WHERE id = ?'),
      lineAt: db.prepare('SELECT line FROM inbox_events WHERE key = ?').pluck(),
      outboxHash: db.prepare('SELECT hash FROM outbox WHERE seq = ?').pluck(),
      ackExports: db.prepare(
        `UPDATE bundle_exports SET acknowledged = 1, acknowledged_at = ?
         WHERE recipient_kind = ? AND recipient_id = ? AND acknowledged = 0 AND last_seq <= ?`,
      ),
    };
    cache.set(db, s);
  }
  return s;
}

/** Reads fixed-size records (the verifier's hashes) sequentially through a buffer. */
class RecordReader {
  private readonly fd: number;
  private readonly buf = Buffer.allocUnsafe(32 * 32768);
  private pos = 0;
  private end = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'r');
  }

  next(): Buffer | null {
    if (this.pos + 32 > this.end) {
      const rest = this.end - this.pos;
      this.buf.copy(this.buf, 0, this.pos, this.end);
      this.end = rest + readSync(this.fd, this.buf, rest, this.buf.length - rest, null);
      this.pos = 0;
      if (this.end < 32) return null;
    }
    const h = Buffer.from(this.buf.subarray(this.pos, this.pos + 32));
    this.pos += 32;
    return h;
  }

  close(): void {
    closeSync(this.fd);
  }
}

function forEachLine(path: string, limit: number, fn: (line: Buffer) => void): void {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    const splitter = new LineSplitter(limit, (line) => fn(line));
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      // The splitter copies only partial lines; whole lines are handled before the next read.
      splitter.push(buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
}

export function applyBundle(db: Database.Database, input: ApplyInput): ApplyResult {
  const kinds = input.kinds ?? findRecordKind;
  const projectorList = input.projectors ?? PROJECTORS;
  const st = statements(db);
  const m = input.manifest.events;
  try {
    return db.transaction((): ApplyResult => {
      const peer = findPeer(db, input.peer.kind, input.peer.id) as PeerRecord;
      const applied = peer.appliedSeq;
      // 11. History.
      if (m.first_seq - 1 > applied) throw new Stop({ outcome: 'pending', missing: { first: applied + 1, last: m.first_seq - 1 } });
      if (m.first_seq - 1 >= 1) {
        const stored = st.storedEvent.get(eventKey(peer.peerNo, m.first_seq - 1)) as { line: Buffer; hash: Buffer };
        if (stored.hash.toString('hex') !== m.prev_hash) {
          throw fork(db, input, peer, m.first_seq - 1, stored, null, Buffer.from(m.prev_hash, 'hex'));
        }
      }
      let seq = m.first_seq - 1;
      let hash: Buffer = Buffer.from(m.prev_hash, 'hex');
      let newEvents = 0;
      const sessions = new Map<string, ProjectorSession[]>();
      const hasher = new ChainHasher();
      if (m.count > 0) {
        input.source.forEach((line, given) => {
          seq += 1;
          hash = given ?? hasher.next(hash, line);
          if (seq <= applied) {
            const stored = st.storedEvent.get(eventKey(peer.peerNo, seq)) as { line: Buffer; hash: Buffer };
            if (!stored.line.equals(line)) throw fork(db, input, peer, seq, stored, line, hash);
            return;
          }
          applyEvent(db, st, peer, kinds, (kind) => projectorSessions(db, projectorList, sessions, kind), seq, seq - m.first_seq + 1, line, hash);
          newEvents += 1;
        });
      }
      // Nothing below may happen unless steps 1–10 passed (streamed verification ends here).
      if (!input.source.settle()) throw new Stop({ outcome: 'unverified' });
      for (const list of sessions.values()) for (const p of list) p.close();
      if (m.count > 0 && m.last_seq <= applied) {
        const warnings = takeAck(db, st, input, peer);
        return { outcome: 'duplicate', warnings };
      }
      if (m.last_seq > applied) setPeerApplied(db, peer.peerNo, m.last_seq, hash, input.at);
      else touchPeerReceived(db, peer.peerNo, input.at);
      const warnings = takeAck(db, st, input, peer);
      return { outcome: 'applied', applied: newEvents, warnings };
    })();
  } catch (err) {
    if (!(err instanceof Stop)) throw err;
    // A refusal of step 11 or 12 counts only if steps 1–10 passed (earlier steps win).
    if (err.result.outcome !== 'unverified' && !input.source.settle()) return { outcome: 'unverified' };
    return err.result;
  }
}

function fork(
  db: Database.Database,
  input: ApplyInput,
  peer: PeerRecord,
  seq: number,
  stored: { line: Buffer; hash: Buffer },
  receivedLine: Buffer | null,
  receivedHash: Buffer,
): Stop {
  const result: ApplyResult = {
    outcome: 'refused',
    code: 'E_FORK',
    seq,
    detail: receivedLine
      ? `event ${seq}: received line differs from the one applied (stored hash ${stored.hash.toString('hex')})`
      : `prev_hash for seq ${seq} is ${receivedHash.toString('hex')}, stored h(${seq}) is ${stored.hash.toString('hex')}`,
  };
  // Recorded after the rollback (see importBundle): nothing of this transaction survives.
  pendingForks.set(result, { peerNo: peer.peerNo, seq, storedLine: stored.line, storedHash: stored.hash, receivedLine, receivedHash, sha256: input.fileSha256, at: input.at });
  void db;
  return new Stop(result);
}

const pendingForks = new WeakMap<ApplyResult, Parameters<typeof insertFork>[1]>();

/** Keeps both versions of a forked event for the operator (its own small transaction). */
export function recordFork(db: Database.Database, result: ApplyResult): void {
  const f = pendingForks.get(result);
  if (f) insertFork(db, f);
}

function projectorSessions(db: Database.Database, list: readonly Projector[], open: Map<string, ProjectorSession[]>, kind: string): ProjectorSession[] {
  let sessions = open.get(kind);
  if (!sessions) open.set(kind, (sessions = list.filter((p) => p.kind === kind).map((p) => p.open(db))));
  return sessions;
}

function applyEvent(
  db: Database.Database,
  st: Statements,
  peer: PeerRecord,
  kinds: (kind: string) => RecordKind | undefined,
  sessionsFor: (kind: string) => ProjectorSession[],
  seq: number,
  lineNo: number,
  line: Buffer,
  hash: Buffer,
): void {
  // Verified I-JSON with the exact envelope (step 9): the plain parser is enough here.
  const ev = JSON.parse(line.toString('utf8')) as { kind: string; op: 'put' | 'delete'; id: string; data?: Record<string, unknown> };
  const refuse = (code: 'E_OWNERSHIP' | 'E_RECORD', detail: string, extra: { field?: string; what?: string } = {}) =>
    new Stop({ outcome: 'refused', code, detail, line: lineNo, kind: ev.kind, ...extra });
  const decl = kinds(ev.kind);
  if (!decl) throw refuse('E_RECORD', `line ${lineNo}: unknown kind ${JSON.stringify(ev.kind)}`, { field: 'kind', what: `tipo di dato sconosciuto «${ev.kind.slice(0, 40)}»` });
  if (decl.owner !== peer.kind) throw refuse('E_OWNERSHIP', `line ${lineNo}: kind ${ev.kind} is owned by the ${decl.owner}, sender is a ${peer.kind}`);
  const deleted = ev.op === 'delete' ? 1 : 0;
  let prev: { owner: string; kind: string; last_seq: number; deleted: number; peer_no: number } | undefined;
  if (st.insertRecord.run(ev.id, peer.id, peer.peerNo, ev.kind, seq, deleted).changes === 0) {
    prev = st.record.get(ev.id) as typeof prev & object;
    if (prev.owner !== peer.id) throw refuse('E_OWNERSHIP', `line ${lineNo}: record ${ev.id} belongs to ${prev.owner}`);
    if (prev.kind !== ev.kind) {
      throw refuse('E_RECORD', `line ${lineNo}: record ${ev.id} is a ${prev.kind}, not a ${ev.kind}`, { field: 'id', what: 'identificativo già usato per un altro tipo di dato' });
    }
    st.updateRecord.run(seq, deleted, ev.id);
  }
  if (ev.op === 'put') {
    const parsed = decl.schema.safeParse(ev.data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.map(String).join('.') || 'data';
      throw refuse('E_RECORD', `line ${lineNo}: data.${field}: ${issue?.message ?? 'invalid'}`, { field, what: issue?.message });
    }
  }
  st.insertEvent.run(eventKey(peer.peerNo, seq), peer.peerNo, seq, line, hash);
  const sessions = sessionsFor(ev.kind);
  if (sessions.length > 0) {
    let previous: Record<string, unknown> | null = null;
    if (prev && prev.deleted === 0) {
      const prevLine = st.lineAt.get(eventKey(prev.peer_no, prev.last_seq)) as Buffer;
      previous = (JSON.parse(prevLine.toString('utf8')) as { data: Record<string, unknown> }).data;
    }
    const change = { owner: peer.id, kind: ev.kind, id: ev.id, op: ev.op, seq, data: ev.op === 'put' ? (ev.data ?? null) : null, previous };
    for (const p of sessions) p.project(change);
  }
}

/**
 * The sender's acknowledgement of OUR stream. Beyond our last event: we lost events (restored
 * from an old backup) — recorded and reported; writers must recover from the hub first.
 * A different hash: a fork of our stream — recorded and reported. Otherwise it moves forwards
 * only, and marks our exports up to it as acknowledged.
 */
function takeAck(db: Database.Database, st: Statements, input: ApplyInput, peer: PeerRecord): string[] {
  const ack = input.manifest.ack;
  if (!ack) return [];
  const head = outboxHead(db);
  if (ack.seq > head.seq) {
    const detail = `${peer.kind} ${peer.id} acknowledged our event ${ack.seq}, our last event is ${head.seq}`;
    setPeerAckProblem(db, peer.peerNo, 'events_lost', detail);
    return [
      `Attenzione: ${peer.name} ha già ricevuto ${ack.seq} eventi di questa installazione, ma qui ne risultano solo ${head.seq} (probabile ripristino da un backup vecchio). Prima di registrare nuovi dati, recuperare gli eventi mancanti dal consorzio.`,
    ];
  }
  const ours = ack.seq === 0 ? GENESIS_HASH : (st.outboxHash.get(ack.seq) as Buffer);
  if (ours.toString('hex') !== ack.hash) {
    const detail = `${peer.kind} ${peer.id} holds h(${ack.seq}) = ${ack.hash}, ours is ${ours.toString('hex')}`;
    setPeerAckProblem(db, peer.peerNo, 'fork', detail);
    return [
      `Attenzione: la copia dei nostri dati presso ${peer.name} è diversa dalla nostra dall'evento ${ack.seq} o prima (biforcazione). Contattare il consorzio prima di continuare.`,
    ];
  }
  if (peer.ackedSeq === null || ack.seq > peer.ackedSeq) {
    setPeerAck(db, peer.peerNo, ack.seq, Buffer.from(ack.hash, 'hex'), input.at);
    st.ackExports.run(input.at, peer.kind, peer.id, ack.seq);
  }
  return [];
}
