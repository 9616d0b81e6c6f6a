/**
 * age v1 encryption and decryption as push-style state machines (`update`/`final`), wrapped
 * as Transforms by age.ts. Memory stays bounded by one 64 KiB chunk plus the caller's input
 * chunk, whatever the file size.
 *
 * Payload (C2SP age, "Payload"): a 16-byte nonce, then ChaCha20-Poly1305 chunks of 64 KiB of
 * plaintext under HKDF(file key, nonce, "payload"); chunk nonce = 11-byte big-endian counter ‖
 * last-chunk flag. The final chunk may be full (a plaintext that is a multiple of 64 KiB ends
 * with a full final chunk, never with an extra empty one) and is empty only when the whole
 * plaintext is. Hence a full chunk is released as soon as it authenticates as non-final; one
 * that does not may be a full final chunk, decided by what follows (more bytes, or the end).
 * As age does it (and the CCTV vectors check), a chunk is released once authenticated, before
 * a later error is found (trailing bytes after the final chunk, a missing final chunk): the
 * error comes at the next call, and a consumer treats all output as provisional until then.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { AgeError } from './age-error';
import { buildAgeHeader, headerMac, parseAgeHeader } from './age-header';
import { parseAgeIdentity, parseAgeRecipient, unwrapFileKeyX25519, wrapFileKeyX25519 } from './age-keys';
import type { X25519Identity } from './age-keys';

export const AGE_CHUNK_BYTES = 64 * 1024;
const TAG_BYTES = 16;
const ENC_CHUNK_BYTES = AGE_CHUNK_BYTES + TAG_BYTES;
const NONCE_BYTES = 16;

/** A FIFO of byte slices, so that taking one chunk never copies the whole backlog. */
class ByteQueue {
  private parts: Buffer[] = [];
  length = 0;

  push(b: Buffer): void {
    if (b.length === 0) return;
    this.parts.push(b);
    this.length += b.length;
  }

  take(n: number): Buffer {
    const first = this.parts[0];
    if (n === 0 || !first) return Buffer.alloc(0);
    if (first.length >= n) {
      if (first.length === n) this.parts.shift();
      else this.parts[0] = first.subarray(n);
      this.length -= n;
      return first.subarray(0, n);
    }
    const out = Buffer.allocUnsafe(n);
    let off = 0;
    while (off < n) {
      const p = this.parts[0];
      if (!p) throw new Error('ByteQueue: take beyond length');
      const k = Math.min(p.length, n - off);
      p.copy(out, off, 0, k);
      off += k;
      if (k === p.length) this.parts.shift();
      else this.parts[0] = p.subarray(k);
    }
    this.length -= n;
    return out;
  }

  takeAll(): Buffer {
    return this.take(this.length);
  }
}

function payloadKey(fileKey: Buffer, nonce: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', fileKey, nonce, 'payload', 32));
}

function chunkNonce(counter: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeUIntBE(counter, 5, 6);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

function sealChunk(key: Buffer, counter: number, last: boolean, plaintext: Buffer): Buffer {
  const cipher = createCipheriv('chacha20-poly1305', key, chunkNonce(counter, last), { authTagLength: TAG_BYTES });
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/** The plaintext, or null if the chunk does not authenticate under this counter and flag. */
function openChunk(key: Buffer, counter: number, last: boolean, sealed: Buffer): Buffer | null {
  const decipher = createDecipheriv('chacha20-poly1305', key, chunkNonce(counter, last), { authTagLength: TAG_BYTES });
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  const plaintext = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
  try {
    decipher.final();
  } catch {
    return null;
  }
  return plaintext;
}

export class AgeEncryptor {
  private readonly prefix: Buffer;
  private readonly key: Buffer;
  private readonly queue = new ByteQueue();
  private counter = 0;
  private started = false;
  private finished = false;

  constructor(recipients: string[]) {
    if (recipients.length === 0) throw new Error('age: at least one recipient is required');
    const raw = recipients.map(parseAgeRecipient);
    const fileKey = randomBytes(16);
    const nonce = randomBytes(NONCE_BYTES);
    this.prefix = Buffer.concat([buildAgeHeader(raw.map((r) => wrapFileKeyX25519(fileKey, r)), fileKey), nonce]);
    this.key = payloadKey(fileKey, nonce);
  }

  private begin(out: Buffer[]): void {
    if (this.finished) throw new Error('age: encryptor already finished');
    if (!this.started) out.push(this.prefix);
    this.started = true;
  }

  update(data: Buffer): Buffer[] {
    const out: Buffer[] = [];
    this.begin(out);
    this.queue.push(data);
    // Strictly more than one chunk: the last full chunk may turn out to be the final one.
    while (this.queue.length > AGE_CHUNK_BYTES) {
      out.push(sealChunk(this.key, this.counter, false, this.queue.take(AGE_CHUNK_BYTES)));
      this.counter += 1;
    }
    return out;
  }

  final(): Buffer[] {
    const out: Buffer[] = [];
    this.begin(out);
    out.push(sealChunk(this.key, this.counter, true, this.queue.takeAll()));
    this.finished = true;
    return out;
  }
}

export class AgeDecryptor {
  private readonly identities: X25519Identity[];
  private header: Buffer | null = Buffer.alloc(0);
  private fileKey: Buffer | null = null;
  private key: Buffer | null = null;
  private readonly queue = new ByteQueue();
  private counter = 0;
  /** An error found after releasing plaintext in the same call; thrown at the next call. */
  private pending: AgeError | null = null;

  constructor(identities: string[]) {
    if (identities.length === 0) throw new Error('age: at least one identity is required');
    this.identities = identities.map(parseAgeIdentity);
  }

  update(data: Buffer): Buffer[] {
    if (this.pending) throw this.pending;
    if (this.header) {
      this.header = Buffer.concat([this.header, data]);
      const parsed = parseAgeHeader(this.header);
      if (!parsed) return [];
      // Order as age does it: find our stanza (no_match), then authenticate the header.
      const fileKey = unwrapFileKeyX25519(parsed.stanzas, this.identities);
      if (!timingSafeEqual(headerMac(fileKey, parsed.macInput), parsed.mac)) {
        throw new AgeError('format', 'age header: MAC mismatch (header damaged)');
      }
      this.fileKey = fileKey;
      const rest = this.header.subarray(parsed.length);
      this.header = null;
      data = rest;
    }
    this.queue.push(data);
    if (!this.key) {
      if (this.queue.length < NONCE_BYTES || !this.fileKey) return [];
      this.key = payloadKey(this.fileKey, this.queue.take(NONCE_BYTES));
    }
    const out: Buffer[] = [];
    while (this.queue.length >= ENC_CHUNK_BYTES) {
      const sealed = this.queue.take(ENC_CHUNK_BYTES);
      const plaintext = openChunk(this.key, this.counter, false, sealed);
      if (plaintext) {
        out.push(plaintext);
        this.counter += 1;
        continue;
      }
      if (this.queue.length === 0) {
        // Perhaps a full final chunk: decided when more bytes come, or at the end.
        this.queue.push(sealed);
        break;
      }
      const last = openChunk(this.key, this.counter, true, sealed);
      if (last) out.push(last);
      return this.failAfter(out, last ? 'age payload: trailing data after the final chunk' : `age payload: chunk ${this.counter} damaged`);
    }
    return out;
  }

  /** Throws now if nothing was released in this call; otherwise returns it and throws at the next call. */
  private failAfter(out: Buffer[], detail: string): Buffer[] {
    const err = new AgeError('format', detail);
    if (out.length === 0) throw err;
    this.pending = err;
    return out;
  }

  final(): Buffer[] {
    if (this.pending) throw this.pending;
    if (this.header) throw new AgeError('format', 'age header: truncated');
    if (!this.key) throw new AgeError('format', 'age payload: truncated (nonce missing)');
    const sealed = this.queue.takeAll();
    if (sealed.length < TAG_BYTES) {
      if (sealed.length > 0) throw new AgeError('format', 'age payload: truncated chunk');
      throw new AgeError('format', this.counter > 0 ? 'age payload: truncated (final chunk missing)' : 'age payload: truncated (no final chunk)');
    }
    if (sealed.length === TAG_BYTES && this.counter > 0) throw new AgeError('format', 'age payload: empty final chunk');
    const plaintext = openChunk(this.key, this.counter, true, sealed);
    // (A full chunk that opens as non-final was released by update: here it would not open.)
    if (!plaintext) throw new AgeError('format', 'age payload: final chunk damaged or trailing data');
    this.counter += 1;
    return [plaintext];
  }
}
