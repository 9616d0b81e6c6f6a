/**
 * Steps 11 (history) and 12 (records) of docs/bundle-format.md "Reading a bundle", on the single
 * writer connection, in ONE transaction per bundle: applied whole or not at all. The events
 * come from the verified temp copy of events.ndjson (read synchronously: no await may run
 * inside a better-sqlite3 transaction).
 *
 * Decisions:
 * - Unknown kind → E_RECORD ("this reader cannot validate it": usually a newer sender; the
 *   message says to update). A known kind owned by the other role → E_OWNERSHIP.
 * - Record ids are UUIDs unique across installations: an id already held by another owner
 *   (received from another installation, or one of our own records) is E_OWNERSHIP; the same
 *   owner reusing an id for another kind is E_RECORD (field `id`). See apply-batch.ts.
 * - A delete of a record never seen is kept as a tombstone (the put may have been compacted
 *   away by a future format; order within one stream is total anyway).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { RecordKind } from '../../../../shared/records/registry';
import { findRecordKind } from '../../../../shared/records/kinds';
import type { Manifest } from '../../format/bundle/manifest';
import { ChainHasher } from '../../format/bundle/chain-hash';
import { LineSplitter } from '../../format/bundle/lines';
import type { PreRead } from '../../format/bundle/pre-read';
import { GENESIS_HASH } from '../../format/bundle/chain';
import { outboxHead } from '../outbox/outbox';
import { formatInteger } from '../../../../shared/format/numbers';
import { countText } from '../../../../shared/format/plural';

import { findPeer, setPeerAck, setPeerAckProblem, setPeerApplied, touchPeerReceived, type PeerRecord } from '../peers/peers-store';
import { EventBatch, eventKey, RefusalStop } from './apply-batch';
import { insertFork } from './inbox-store';
import { ownIdsFor } from './own-ids';
import type { Projector, ProjectorSession } from '../../platform/records/projector';

export { eventKey };

const EVENTS = { one: 'evento', other: 'eventi' };

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
  /** `pre`: what the verifying worker already read of the line (valid only during the call). */
  forEach(fn: (line: Buffer, hash: Buffer | null, pre: PreRead | null) => void): void;
  settle(): boolean;
}

export function fileEventSource(eventsPath: string | null, hashesPath: string | null | undefined, lineLimit = 1_048_576): EventSource {
  return {
    forEach(fn) {
      if (!eventsPath) return;
      const hashes = hashesPath ? new RecordReader(hashesPath) : null;
      try {
        forEachLine(eventsPath, lineLimit, (line) => fn(line, hashes?.next() ?? null, null));
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
  /**
   * A bundle addressed to a provincial hub and forwarded to us (docs/federation.md): its `ack`
   * is of that hub's stream, not ours, and is not taken in.
   */
  relayed?: boolean;
  /** Record kinds this reader knows (default: the project's registry). */
  kinds?: (kind: string) => RecordKind | undefined;
  /** The features' projectors (the context's record registry). */
  projectors: readonly Projector[];
  lineLimit?: number;
}

class Stop extends Error {
  constructor(readonly result: ApplyResult) {
    super('stop');
  }
}

interface Statements {
  storedEvent: Database.Statement;
  outboxHash: Database.Statement;
  ackExports: Database.Statement;
}

const cache = new WeakMap<Database.Database, Statements>();

function statements(db: Database.Database): Statements {
  let s = cache.get(db);
  if (!s) {
    s = {
      storedEvent: db.prepare('SELECT line, hash FROM inbox_events WHERE key = ?'),
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
  const projectorList = input.projectors;
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
      // Only for a source without hashes (the verifier usually passes h(seq) with each line).
      let hasher: ChainHasher | null = null;
      if (m.count > 0) {
        // Made at the first new event: until step 10 is known the manifest's count and range may disagree.
        let batch: EventBatch | null = null;
        input.source.forEach((line, given, pre) => {
          seq += 1;
          if (given) {
            hash = given;
          } else {
            hasher ??= new ChainHasher(hash);
            hasher.push(line);
            hash = hasher.current();
          }
          if (seq <= applied) {
            const stored = st.storedEvent.get(eventKey(peer.peerNo, seq)) as { line: Buffer; hash: Buffer };
            if (!stored.line.equals(line)) throw fork(db, input, peer, seq, stored, line, hash);
            return;
          }
          batch ??= new EventBatch(db, peer, kinds, ownIdsFor(db, m.count), (kind) => projectorSessions(db, projectorList, sessions, kind));
          batch.add(seq, seq - m.first_seq + 1, line, hash, pre);
          newEvents += 1;
        });
        (batch as EventBatch | null)?.flush();
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
    if (!(err instanceof Stop) && !(err instanceof RefusalStop)) throw err;
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

/**
 * The sender's acknowledgement of OUR stream. Beyond our last event: we lost events (restored
 * from an old backup) — recorded and reported; writers must recover from the hub first.
 * A different hash: a fork of our stream — recorded and reported. Otherwise it moves forwards
 * only, and marks our exports up to it as acknowledged.
 */
function takeAck(db: Database.Database, st: Statements, input: ApplyInput, peer: PeerRecord): string[] {
  const ack = input.manifest.ack;
  if (!ack || input.relayed) return [];
  const head = outboxHead(db);
  if (ack.seq > head.seq) {
    const detail = `${peer.kind} ${peer.id} acknowledged our event ${ack.seq}, our last event is ${head.seq}`;
    setPeerAckProblem(db, peer.peerNo, 'events_lost', detail);
    return [
      `Attenzione: ${peer.name} ha già ricevuto ${countText(ack.seq, EVENTS)} di questa installazione, ma qui ne risultano solo ${formatInteger(head.seq)} (probabile ripristino da un backup vecchio). Prima di registrare nuovi dati, recuperare gli eventi mancanti dal consorzio.`,
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
