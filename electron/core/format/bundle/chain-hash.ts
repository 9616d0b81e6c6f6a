import * as crypto from 'node:crypto';

type OneShot = (algorithm: string, data: Buffer, encoding: 'latin1') => string;
/**
 * crypto.hash (Node ≥ 20.12 / 21.7): a one-shot digest, ~3× cheaper than a Hash object per line.
 * Asked for as a latin1 string, not a Buffer: allocating a Buffer per digest cost another 0.6 µs
 * (measured on Node 20, 332-byte input: 'buffer' 1.42 µs, 'latin1' 0.75 µs).
 */
const oneShot = (crypto as unknown as { hash?: OneShot }).hash;

/**
 * The chain h(n) = SHA-256(h(n−1) ‖ line(n)) over millions of lines. The current hash lives
 * in the first 32 bytes of one reusable scratch buffer, the next line is copied after it, and
 * the digest is written back in place: no Hash object, Buffer or concatenation per line.
 */
export class ChainHasher {
  private scratch = Buffer.allocUnsafe(64 * 1024);

  /** `start` is h(first−1): the manifest's prev_hash. */
  constructor(start: Buffer) {
    start.copy(this.scratch, 0, 0, 32);
  }

  /** Moves to h(n) for line n. */
  push(line: Buffer): void {
    const n = 32 + line.length;
    if (n > this.scratch.length) {
      const bigger = Buffer.allocUnsafe(Math.max(n, this.scratch.length * 2));
      this.scratch.copy(bigger, 0, 0, 32);
      this.scratch = bigger;
    }
    line.copy(this.scratch, 32);
    if (oneShot) {
      this.scratch.write(oneShot('sha256', this.scratch.subarray(0, n), 'latin1'), 0, 32, 'latin1');
    } else {
      crypto.createHash('sha256').update(this.scratch.subarray(0, n)).digest().copy(this.scratch, 0);
    }
  }

  /** The current hash, copied into `target` at `offset`. */
  copyTo(target: Buffer, offset: number): void {
    this.scratch.copy(target, offset, 0, 32);
  }

  /** The current hash as a new Buffer. */
  current(): Buffer {
    return Buffer.from(this.scratch.subarray(0, 32));
  }

  hex(): string {
    return this.scratch.toString('hex', 0, 32);
  }
}
