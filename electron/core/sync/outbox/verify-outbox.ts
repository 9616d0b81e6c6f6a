/**
 * `cst log verify`: recomputes this installation's whole hash chain from h(0) and names the
 * first broken seq, if any (issue 3: at least 300,000 events per second).
 *
 * The outbox is read in chunks of rows that SQLite hands over as ONE buffer each,
 * `hash ‖ line ‖ \n` per row, because a JavaScript buffer per row costs more than the SHA-256
 * itself. A line never contains a raw \n (compact JSON escapes it) and must start with its own
 * seq, which also catches a missing or misplaced row. Preparing a chunk writes each row's
 * previous hash over its stored one, so that one SHA-256 call hashes exactly h(n-1) ‖ line(n)
 * with no copy; checking it compares each result with the stored hash.
 *
 * Any doubt in a chunk is settled by the row-by-row path, which alone names a break: the fast
 * path only ever says "all good". Long outboxes are checked on two cores (verifyOutboxInParallel):
 * the hashing of every other chunk runs in a worker thread while this thread reads the next.
 */
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { ChainVerification } from '../../../../shared/domain/outbox';
import { GENESIS_HASH, sha256 } from '../../format/bundle/chain';
import { checkTail } from './outbox-tail';

const CHUNK_ROWS = 4096;
/** Below this many events a worker thread costs more than it saves. */
const PARALLEL_FROM = 50_000;

/** A chunk ready to hash: row i is chunk[starts[i], ends[i]) = h(n-1) ‖ line(n), to compare with stored[32i, 32i+32). */
interface PreparedChunk {
  chunk: Buffer;
  starts: Int32Array;
  ends: Int32Array;
  stored: Buffer;
}

/** The whole chain, then its end against what others hold (outbox-tail.ts). */
export function verifyOutbox(db: Database.Database): ChainVerification {
  return checkTail(db, verifyChain(db));
}

export async function verifyOutboxInParallel(db: Database.Database, parallelFrom = PARALLEL_FROM): Promise<ChainVerification> {
  return checkTail(db, await verifyChainInParallel(db, parallelFrom));
}

function verifyChain(db: Database.Database): ChainVerification {
  const reader = chunkReader(db);
  let previous: Buffer = Buffer.from(GENESIS_HASH);
  for (let from = 0; from < reader.last; from += CHUNK_ROWS) {
    const prepared = prepareChunk(reader.read(from), from, Math.min(from + CHUNK_ROWS, reader.last), previous);
    if (!prepared || !hashesMatch(prepared)) return verifyRowByRow(db, from, previous);
    previous = lastStored(prepared);
  }
  return passed(reader.last, previous);
}

/** The same, hashing every other chunk in a worker thread (both cores busy on long outboxes). */
async function verifyChainInParallel(db: Database.Database, parallelFrom: number): Promise<ChainVerification> {
  const reader = chunkReader(db);
  if (reader.last < parallelFrom) return verifyChain(db);
  const worker = new HashWorker();
  try {
    let previous: Buffer = Buffer.from(GENESIS_HASH);
    for (let from = 0; from < reader.last; from += 2 * CHUNK_ROWS) {
      const mid = Math.min(from + CHUNK_ROWS, reader.last);
      const to = Math.min(mid + CHUNK_ROWS, reader.last);
      const first = prepareChunk(reader.read(from), from, mid, previous);
      if (!first) return verifyRowByRow(db, from, previous);
      const inWorker = worker.check(first);
      const second = mid < to ? prepareChunk(reader.read(mid), mid, to, lastStored(first)) : null;
      const secondOk = mid === to || (second !== null && hashesMatch(second));
      if (!(await inWorker) || !secondOk) return verifyRowByRow(db, from, previous);
      previous = second ? lastStored(second) : lastStored(first);
    }
    return passed(reader.last, previous);
  } finally {
    await worker.close();
  }
}

function chunkReader(db: Database.Database) {
  const last = (db.prepare('SELECT max(seq) FROM outbox').pluck().get() as number | null) ?? 0;
  const statement = db
    .prepare(
      `SELECT CAST(group_concat(CAST(hash || line || x'0a' AS BLOB), x'') AS BLOB)
       FROM (SELECT hash, line FROM outbox WHERE seq > ? AND seq <= ? ORDER BY seq)`,
    )
    .pluck();
  return { last, read: (from: number) => statement.get(from, from + CHUNK_ROWS) as Buffer | null };
}

/** Rows from+1..to of one chunk buffer, or null at the first doubt about its layout. */
function prepareChunk(chunk: Buffer | null, from: number, to: number, previous: Buffer): PreparedChunk | null {
  if (!chunk) return null;
  const rows = to - from;
  const starts = new Int32Array(rows);
  const ends = new Int32Array(rows);
  const stored = Buffer.allocUnsafe(32 * rows);
  let p = 0;
  for (let i = 0; i < rows; i++) {
    const lineStart = p + 32;
    if (chunk.toString('latin1', lineStart, lineStart + 24).indexOf(`{"seq":${from + i + 1},`) !== 0) return null;
    const end = chunk.indexOf(10, lineStart);
    if (end < 0) return null;
    chunk.copy(stored, 32 * i, p, lineStart);
    (i === 0 ? previous : stored.subarray(32 * (i - 1), 32 * i)).copy(chunk, p);
    starts[i] = p;
    ends[i] = end;
    p = end + 1;
  }
  return p === chunk.length ? { chunk, starts, ends, stored } : null;
}

function hashesMatch({ chunk, starts, ends, stored }: PreparedChunk): boolean {
  for (let i = 0; i < starts.length; i++) {
    if (!sha256(chunk.subarray(starts[i], ends[i])).equals(stored.subarray(32 * i, 32 * i + 32))) return false;
  }
  return true;
}

const lastStored = (c: PreparedChunk): Buffer => Buffer.from(c.stored.subarray(c.stored.length - 32));

const passed = (events: number, last: Buffer): ChainVerification => ({ ok: true, events, firstBroken: null, reason: null, lastHash: last.toString('hex') });

/**
 * `hashesMatch` in a worker thread. Its source is inline (a dozen lines, no imports of ours), so
 * that the same code runs under tsx, from the CLI's bundle and in Electron's utility process
 * without a separate worker file to ship.
 */
class HashWorker {
  private readonly worker = new Worker(
    `const { parentPort } = require('node:worker_threads');
     const { hash } = require('node:crypto');
     parentPort.on('message', ({ chunk, starts, ends, stored }) => {
       const c = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
       const s = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
       let ok = true;
       for (let i = 0; i < starts.length && ok; i++) ok = hash('sha256', c.subarray(starts[i], ends[i]), 'buffer').equals(s.subarray(32 * i, 32 * i + 32));
       parentPort.postMessage(ok);
     });`,
    { eval: true },
  );

  check(prepared: PreparedChunk): Promise<boolean> {
    return new Promise((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      this.worker.once('error', onError);
      this.worker.once('message', (ok: boolean) => {
        this.worker.off('error', onError);
        resolve(ok);
      });
      // Copied (structured clone): the chunk's memory belongs to this thread's next steps.
      this.worker.postMessage({ chunk: prepared.chunk, starts: prepared.starts, ends: prepared.ends, stored: prepared.stored });
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

/** The slow path, from the chunk where the fast one doubted: one row at a time, naming the break. */
function verifyRowByRow(db: Database.Database, from: number, previous: Buffer): ChainVerification {
  let seq = from;
  const rows = db.prepare('SELECT CAST(hash || line AS BLOB) FROM outbox WHERE seq > ? ORDER BY seq').pluck().iterate(from) as IterableIterator<Buffer>;
  for (const row of rows) {
    seq += 1;
    if (row.toString('latin1', 32, 56).indexOf(`{"seq":${seq},`) !== 0) return describeBreak(db, seq, previous);
    const stored = Buffer.from(row.subarray(0, 32));
    previous.copy(row, 0);
    if (!sha256(row).equals(stored)) return broken(seq, `l'impronta dell'evento ${seq} non corrisponde alla catena`, previous);
    previous = stored;
  }
  return passed(seq, previous);
}

function broken(seq: number, reason: string, previous: Buffer): ChainVerification {
  return { ok: false, events: seq - 1, firstBroken: seq, reason, lastHash: previous.toString('hex') };
}

/** Is event `seq` missing, or is its line wrong? */
function describeBreak(db: Database.Database, seq: number, previous: Buffer): ChainVerification {
  const actual = db.prepare('SELECT seq FROM outbox ORDER BY seq LIMIT 1 OFFSET ?').pluck().get(seq - 1) as number;
  return actual === seq
    ? broken(seq, `la riga dell'evento ${seq} non porta il suo numero`, previous)
    : broken(seq, `manca l'evento ${seq}`, previous);
}
