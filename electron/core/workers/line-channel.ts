/**
 * A synchronous channel from the verification worker to the writer thread over shared memory,
 * so that verifying (worker) and applying (writer, inside ONE synchronous transaction) run at
 * the same time on two cores without any await inside the transaction.
 *
 * Fixed slots, used round robin. Each slot carries one frame: a batch of verified lines
 * (`u32 length ‖ 32-byte chain hash ‖ line`…), the head (manifest, JSON), or the end (the
 * complete verification report, JSON). The producer waits while its next slot is full; the
 * consumer waits (Atomics.wait, with a stall timeout) while its next slot is empty.
 */

/** Big enough for the largest frame: a manifest ≤ 4 MiB in the end report, a line ≤ 1 MiB. */
export const SLOT_BYTES = 5 * 1024 * 1024;
export const SLOTS = 4;
/**
 * A batch of lines is sent once it reaches this size (a longer line goes alone). The writer
 * copies each frame out of shared memory; small copies die young (freed at the next scavenge),
 * while 5 MiB ones outlived it, were promoted, and piled up until a full collection: the
 * import's peak RSS (VmHWM) reached 270–325 MB with 5 MiB frames.
 */
export const LINES_FRAME_BYTES = 256 * 1024;
const HEADER_INTS = 4; // per slot: state, type, length, (unused)
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

  line(line: Buffer, hash: Buffer): void {
    const need = 4 + 32 + line.length;
    if (this.used > 0 && this.used + need > LINES_FRAME_BYTES) this.flush();
    this.batch.writeUInt32LE(line.length, this.used);
    hash.copy(this.batch, this.used + 4);
    line.copy(this.batch, this.used + 36);
    this.used += need;
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

/** Calls fn for each (line, hash) of a FRAME_LINES frame. */
export function forEachFramedLine(bytes: Buffer, fn: (line: Buffer, hash: Buffer) => void): void {
  let p = 0;
  while (p < bytes.length) {
    const n = bytes.readUInt32LE(p);
    fn(bytes.subarray(p + 36, p + 36 + n), bytes.subarray(p + 4, p + 36));
    p += 36 + n;
  }
}
