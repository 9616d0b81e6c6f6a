/**
 * A synchronous channel from the verification worker to the writer thread over shared memory,
 * so that verifying (worker) and applying (writer, inside ONE synchronous transaction) run at
 * the same time on two cores without any await inside the transaction.
 *
 * Fixed slots, used round robin. Each slot carries one frame: a batch of verified lines, the
 * head (manifest, JSON), or the end (the complete verification report, JSON). Each line of a
 * batch is `u32 length ‖ 32-byte chain hash ‖ line ‖ what the worker read of it` (pre-read.ts):
 * `u8 flags ‖ word kind ‖ u32 n ‖ id`, then for usage figures `word service ‖ word month ‖
 * f64 quantity`; strings in UTF-8. A word is a string that repeats from line to line, sent once:
 * `u16 index` into the words sent so far on this channel, or NEW_WORD / INLINE_WORD followed by
 * `u32 n ‖ bytes` (the first time; or always, past MAX_WORDS distinct words). The producer waits while its next slot is full; the
 * consumer waits (Atomics.wait, with a stall timeout) while its next slot is empty.
 */

import { appError } from '../../platform/errors';
import type { ChainHasher } from './chain-hash';
import type { EventEnvelope } from './line-check';
import { usageFiguresOf, type PreRead } from './pre-read';

/** Big enough for the largest frame: a manifest ≤ 4 MiB in the end report, a line ≤ 1 MiB (with its id, ≤ 2 MiB). */
export const SLOT_BYTES = 5 * 1024 * 1024;
export const SLOTS = 4;
/**
 * A batch of lines is sent once it reaches this size (a longer line goes alone). The writer
 * copies each frame out of shared memory; small copies die young (freed at the next scavenge),
 * while 5 MiB ones outlived it, were promoted, and piled up until a full collection: the
 * import's peak RSS (VmHWM) reached 270–325 MB with 5 MiB frames.
 */
export const LINES_FRAME_BYTES = 256 * 1024;
export const HEADER_INTS = 4; // per slot: state, type, length, (slot 0 only) the abort flag
/**
 * Where a channel's abort flag is: the 4th int of slot 0's header (the others' are unused).
 * verifier.ts's supervisor sets it when the worker died, from a thread whose event loop is free
 * while the writer thread waits here; the reader throws once it finds its next slot empty (the
 * frames written before still count).
 */
export const ABORT_INDEX = 3;
const EMPTY = 0;
const FULL = 1;

export const FRAME_LINES = 1;
export const FRAME_HEAD = 2;
export const FRAME_END = 3;

export function createChannelBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(SLOTS * HEADER_INTS * 4 + SLOTS * SLOT_BYTES);
}

function views(sab: SharedArrayBuffer) {
  const ctrl = new Int32Array(sab, 0, SLOTS * HEADER_INTS);
  const data = new Uint8Array(sab, SLOTS * HEADER_INTS * 4);
  return { ctrl, data };
}

/** Worker side. */
export class ChannelWriter {
  private readonly ctrl: Int32Array;
  private readonly data: Uint8Array;
  private slot = 0;
  private batch = Buffer.allocUnsafe(SLOT_BYTES);
  private used = 0;
  private readonly words = new Map<string, number>();

  constructor(sab: SharedArrayBuffer) {
    ({ ctrl: this.ctrl, data: this.data } = views(sab));
  }

  private put(type: number, bytes: Uint8Array): void {
    const i = this.slot;
    while (Atomics.load(this.ctrl, i * HEADER_INTS) === FULL) Atomics.wait(this.ctrl, i * HEADER_INTS, FULL, 1000);
    if (bytes.length > SLOT_BYTES) throw new Error('line channel: frame larger than a slot');
    this.data.set(bytes, i * SLOT_BYTES);
    Atomics.store(this.ctrl, i * HEADER_INTS + 1, type);
    Atomics.store(this.ctrl, i * HEADER_INTS + 2, bytes.length);
    Atomics.store(this.ctrl, i * HEADER_INTS, FULL);
    Atomics.notify(this.ctrl, i * HEADER_INTS);
    this.slot = (i + 1) % SLOTS;
  }

  head(value: unknown): void {
    this.put(FRAME_HEAD, Buffer.from(JSON.stringify(value), 'utf8'));
  }

  line(line: Buffer, chain: ChainHasher, ev: EventEnvelope): void {
    const usage = usageFiguresOf(ev);
    // The strings' UTF-8 never exceeds 3 bytes per UTF-16 unit; the id and kind are in the line.
    const need = 4 + 32 + line.length + 1 + 12 + 3 * (ev.kind.length + ev.id.length) + (usage ? 12 + 3 * usage.service.length + 7 + 8 : 0);
    if (this.used > 0 && this.used + need > LINES_FRAME_BYTES) this.flush();
    const b = this.batch;
    let at = this.used;
    b.writeUInt32LE(line.length, at);
    chain.copyTo(b, at + 4);
    line.copy(b, at + 36);
    at += 36 + line.length;
    b[at] = (ev.op === 'put' ? PUT : 0) | (usage ? USAGE : 0);
    at = this.word(b, at + 1, ev.kind);
    at = writeString(b, at, ev.id);
    if (usage) {
      at = this.word(b, at, usage.service);
      at = this.word(b, at, usage.month);
      b.writeDoubleLE(usage.quantityMilli, at);
      at += 8;
    }
    this.used = at;
  }

  /** A repeating string: its index once sent (cheaper than writing it again on every line). */
  private word(b: Buffer, at: number, s: string): number {
    const known = this.words.get(s);
    if (known !== undefined) {
      b.writeUInt16LE(known, at);
      return at + 2;
    }
    if (this.words.size < MAX_WORDS) {
      this.words.set(s, this.words.size);
      b.writeUInt16LE(NEW_WORD, at);
    } else {
      b.writeUInt16LE(INLINE_WORD, at);
    }
    return writeString(b, at + 2, s);
  }

  flush(): void {
    if (this.used === 0) return;
    this.put(FRAME_LINES, this.batch.subarray(0, this.used));
    this.used = 0;
  }

  end(report: unknown): void {
    this.flush();
    this.put(FRAME_END, Buffer.from(JSON.stringify(report), 'utf8'));
  }
}

export interface Frame {
  type: number;
  bytes: Buffer;
}

/** Writer-thread side: blocking reads, with a stall timeout (a dead worker cannot hang us). */
export class ChannelReader {
  private readonly ctrl: Int32Array;
  private readonly data: Uint8Array;
  private slot = 0;
  ended = false;

  constructor(
    readonly sab: SharedArrayBuffer,
    private readonly stallMs = 120_000,
  ) {
    ({ ctrl: this.ctrl, data: this.data } = views(sab));
  }

  next(): Frame {
    const i = this.slot;
    const started = Date.now();
    while (Atomics.load(this.ctrl, i * HEADER_INTS) !== FULL) {
      if (Atomics.load(this.ctrl, ABORT_INDEX) !== 0) throw appError('bundle.verifierStopped');
      Atomics.wait(this.ctrl, i * HEADER_INTS, EMPTY, 100);
      if (Date.now() - started > this.stallMs) throw new Error('bundle verification worker stalled (no data for 2 minutes)');
    }
    const type = Atomics.load(this.ctrl, i * HEADER_INTS + 1);
    const length = Atomics.load(this.ctrl, i * HEADER_INTS + 2);
    // Copied out of shared memory: SQLite binds ordinary buffers, and the slot is reused.
    const bytes = Buffer.from(this.data.subarray(i * SLOT_BYTES, i * SLOT_BYTES + length));
    Atomics.store(this.ctrl, i * HEADER_INTS, EMPTY);
    Atomics.notify(this.ctrl, i * HEADER_INTS);
    this.slot = (i + 1) % SLOTS;
    if (type === FRAME_END) this.ended = true;
    return { type, bytes };
  }
}

const PUT = 1;
const USAGE = 2;
/** Distinct words remembered per channel (kinds, service codes, months: a few dozen normally). */
const MAX_WORDS = 4096;
const NEW_WORD = 0xffff;
const INLINE_WORD = 0xfffe;

function writeString(b: Buffer, at: number, s: string): number {
  const n = b.write(s, at + 4, 'utf8');
  b.writeUInt32LE(n, at);
  return at + 4 + n;
}

/**
 * Reads FRAME_LINES frames of one channel (the words sent so far are its state): calls fn for
 * each line with its hash and what the worker read of it. `pre` (and its figures) is one object
 * reused for every line: valid only during the call.
 */
export class LineFrameReader {
  private readonly words: string[] = [];
  private readonly figures = { service: '', month: '', quantityMilli: 0 };
  private readonly pre: PreRead = { kind: '', put: false, id: '', usage: null };
  private p = 0;

  forEach(bytes: Buffer, fn: (line: Buffer, hash: Buffer, pre: PreRead) => void): void {
    const { pre, figures } = this;
    this.p = 0;
    while (this.p < bytes.length) {
      const p = this.p;
      const n = bytes.readUInt32LE(p);
      const line = bytes.subarray(p + 36, p + 36 + n);
      const hash = bytes.subarray(p + 4, p + 36);
      const flags = bytes[p + 36 + n] as number;
      this.p = p + 37 + n;
      pre.kind = this.word(bytes);
      pre.id = this.string(bytes);
      pre.put = (flags & PUT) !== 0;
      pre.usage = null;
      if (flags & USAGE) {
        figures.service = this.word(bytes);
        figures.month = this.word(bytes);
        figures.quantityMilli = bytes.readDoubleLE(this.p);
        this.p += 8;
        pre.usage = figures;
      }
      fn(line, hash, pre);
    }
  }

  private string(bytes: Buffer): string {
    const n = bytes.readUInt32LE(this.p);
    const s = bytes.toString('utf8', this.p + 4, this.p + 4 + n);
    this.p += 4 + n;
    return s;
  }

  private word(bytes: Buffer): string {
    const ref = bytes.readUInt16LE(this.p);
    this.p += 2;
    if (ref < INLINE_WORD) return this.words[ref] as string;
    const s = this.string(bytes);
    if (ref === NEW_WORD) this.words.push(s);
    return s;
  }
}
