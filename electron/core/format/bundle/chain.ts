import { createHash, hash } from 'node:crypto';

/** h(0): 32 zero bytes. */
export const GENESIS_HASH = Buffer.alloc(32);

/** h(n) = SHA-256(h(n-1) ‖ line(n)), line(n) being the exact bytes of the event's line without its \n. */
export function chainHash(previous: Uint8Array, line: Uint8Array): Buffer {
  return createHash('sha256').update(previous).update(line).digest();
}

/** One-shot SHA-256 (no Hash object: the verification loop calls it a million times). */
export function sha256(bytes: Uint8Array): Buffer {
  return hash('sha256', bytes, 'buffer') as unknown as Buffer;
}
