/**
 * Strict base64 (RFC 4648 §4, standard alphabet). Node's `Buffer.from(s, 'base64')` silently
 * skips junk, accepts both alphabets and ignores non-zero padding bits: every decoder here is
 * used on signed or authenticated material, where such malleability is a hazard, so each one
 * accepts only the canonical encoding (the one our encoder would produce) and returns null
 * otherwise.
 */

const PADDED = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const UNPADDED = /^[A-Za-z0-9+/]*$/;

/** Canonical padded base64 (minisign's encoding), or null. */
export function decodeBase64Padded(s: string): Buffer | null {
  if (!PADDED.test(s)) return null;
  const bytes = Buffer.from(s, 'base64');
  return bytes.toString('base64') === s ? bytes : null;
}

/** Canonical unpadded base64 (age's encoding), or null. */
export function decodeBase64Unpadded(s: string): Buffer | null {
  if (!UNPADDED.test(s) || s.length % 4 === 1) return null;
  const bytes = Buffer.from(s, 'base64');
  return encodeBase64Unpadded(bytes) === s ? bytes : null;
}

export function encodeBase64Unpadded(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64').replace(/=+$/, '');
}
