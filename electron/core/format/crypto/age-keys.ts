/**
 * age X25519 identities and recipients (C2SP age, "The X25519 recipient type") on node:crypto,
 * and the wrapping of a file key into / out of an X25519 stanza.
 */
import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, diffieHellman, hkdfSync, randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { AgeError } from './age-error';
import { decodeBase64Unpadded, encodeBase64Unpadded } from './base64';
import { bech32Decode, bech32Encode } from './bech32';

const RECIPIENT_HRP = 'age';
const IDENTITY_HRP = 'age-secret-key-';
const X25519_INFO = 'age-encryption.org/v1/X25519';
const PKCS8_X25519_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_X25519_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');
const ZERO_NONCE = Buffer.alloc(12);

export interface AgeStanza {
  type: string;
  args: string[];
  body: Buffer;
}

/** A parsed X25519 identity: the secret scalar bytes and our own recipient (used in the HKDF salt). */
export interface X25519Identity {
  secret: KeyObject;
  recipient: Buffer;
}

function x25519Private(raw: Buffer): KeyObject {
  return createPrivateKey({ key: Buffer.concat([PKCS8_X25519_PREFIX, raw]), format: 'der', type: 'pkcs8' });
}

function x25519Public(raw: Buffer): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_X25519_PREFIX, raw]), format: 'der', type: 'spki' });
}

function rawPublic(priv: KeyObject): Buffer {
  const spki = createPublicKey(priv).export({ format: 'der', type: 'spki' });
  return Buffer.from(spki.subarray(spki.length - 32));
}

function decodeRecipient(s: string): Buffer | null {
  // Recipients are written in lower case only (age refuses upper-case ones as well).
  if (s !== s.toLowerCase()) return null;
  const decoded = bech32Decode(s);
  if (!decoded || decoded.hrp !== RECIPIENT_HRP || decoded.data.length !== 32) return null;
  return decoded.data;
}

export function isAgeRecipient(s: string): boolean {
  return decodeRecipient(s) !== null;
}

export function parseAgeRecipient(s: string): Buffer {
  const raw = decodeRecipient(s);
  if (!raw) throw new Error('not an age X25519 recipient (age1…)');
  return raw;
}

export function parseAgeIdentity(s: string): X25519Identity {
  const decoded = bech32Decode(s);
  if (!decoded || decoded.hrp !== IDENTITY_HRP || decoded.data.length !== 32) {
    throw new Error('not an age X25519 identity (AGE-SECRET-KEY-1…)');
  }
  const secret = x25519Private(decoded.data);
  return { secret, recipient: rawPublic(secret) };
}

export function ageRecipientFromIdentity(identity: string): string {
  return bech32Encode(RECIPIENT_HRP, parseAgeIdentity(identity).recipient);
}

/** A new identity; `raw` (32 bytes) makes it reproducible (the national demo's members, tests). */
export function generateAgeIdentity(raw: Buffer = randomBytes(32)): { identity: string; recipient: string } {
  if (raw.length !== 32) throw new Error('age identity needs 32 bytes');
  const identity = bech32Encode(IDENTITY_HRP, raw).toUpperCase();
  return { identity, recipient: bech32Encode(RECIPIENT_HRP, rawPublic(x25519Private(raw))) };
}

/** The identities of an age key file (age-keygen's output): comment and blank lines skipped. */
export function parseAgeKeyFile(text: string): string[] {
  const identities = text
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line !== '' && !line.startsWith('#'));
  for (const id of identities) parseAgeIdentity(id);
  return identities;
}

function wrapKey(sharedSecret: Buffer, share: Buffer, recipient: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', sharedSecret, Buffer.concat([share, recipient]), X25519_INFO, 32));
}

/** Wraps the 16-byte file key for one recipient, with a fresh ephemeral key. */
export function wrapFileKeyX25519(fileKey: Buffer, recipientRaw: Buffer): AgeStanza {
  const ephemeral = x25519Private(randomBytes(32));
  const share = rawPublic(ephemeral);
  const shared = diffieHellman({ privateKey: ephemeral, publicKey: x25519Public(recipientRaw) });
  const cipher = createCipheriv('chacha20-poly1305', wrapKey(shared, share, recipientRaw), ZERO_NONCE, { authTagLength: 16 });
  const body = Buffer.concat([cipher.update(fileKey), cipher.final(), cipher.getAuthTag()]);
  return { type: 'X25519', args: [encodeBase64Unpadded(share)], body };
}

/**
 * Finds the file key in the X25519 stanzas. Other stanza types are ignored (spec: identities
 * MUST ignore unrecognised stanzas). A malformed X25519 stanza, or a share giving an all-zero
 * shared secret, aborts with `format` (spec: MUST reject / MUST abort); a stanza that simply
 * does not open with any of our identities is for someone else, and none opening is `no_match`.
 */
export function unwrapFileKeyX25519(stanzas: AgeStanza[], identities: X25519Identity[]): Buffer {
  // Spec ("scrypt recipient stanza"): it MUST be the only stanza, or the header is rejected,
  // whoever reads it (CCTV vector scrypt_and_x25519).
  if (stanzas.length > 1 && stanzas.some((s) => s.type === 'scrypt')) throw new AgeError('format', 'scrypt stanza together with other stanzas');
  for (const stanza of stanzas) {
    if (stanza.type !== 'X25519') continue;
    const shareArg = stanza.args[0];
    if (stanza.args.length !== 1 || shareArg === undefined) throw new AgeError('format', 'X25519 stanza: wrong number of arguments');
    const share = decodeBase64Unpadded(shareArg);
    if (!share || share.length !== 32) throw new AgeError('format', 'X25519 stanza: share is not canonical base64 of 32 bytes');
    // Checked before any decryption attempt, against partitioning-oracle attacks (spec).
    if (stanza.body.length !== 32) throw new AgeError('format', 'X25519 stanza: body is not 32 bytes');
    for (const identity of identities) {
      let shared: Buffer;
      try {
        shared = diffieHellman({ privateKey: identity.secret, publicKey: x25519Public(share) });
      } catch {
        // OpenSSL refuses to derive an all-zero secret (low-order share).
        throw new AgeError('format', 'X25519 stanza: low-order share (all-zero shared secret)');
      }
      if (shared.every((b) => b === 0)) throw new AgeError('format', 'X25519 stanza: all-zero shared secret');
      const decipher = createDecipheriv('chacha20-poly1305', wrapKey(shared, share, identity.recipient), ZERO_NONCE, {
        authTagLength: 16,
      });
      decipher.setAuthTag(stanza.body.subarray(16));
      const fileKey = decipher.update(stanza.body.subarray(0, 16));
      try {
        decipher.final();
      } catch {
        continue;
      }
      return fileKey;
    }
  }
  throw new AgeError('no_match', 'no X25519 stanza opens with the given identities');
}
