/**
 * minisign signatures (https://jedisct1.github.io/minisign/), Ed25519 on node:crypto.
 *
 * We only ever produce the prehashed "ED" algorithm (Ed25519 over BLAKE2b-512 of the message)
 * and refuse the legacy "Ed" one, as docs/bundle-format.md "Signatures" requires: `minisign -V -H`
 * accepts what we write. A signature file is exactly four LF-terminated lines:
 *
 *     untrusted comment: <anything>
 *     base64("ED" ‖ key id (8) ‖ signature (64))
 *     trusted comment: <trusted comment>
 *     base64(global signature (64))      — Ed25519 over signature ‖ trusted comment bytes
 *
 * The reader is strict about that structure (no CR, no extra lines, canonical base64) so that
 * the signed file has a single textual form besides its untrusted comment.
 */
import { createHash, createPrivateKey, createPublicKey, randomBytes, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { decodeBase64Padded } from './base64';

export interface SigningKeyPair {
  /** The 32-byte Ed25519 seed: the secret. */
  seed: Buffer;
  publicKey: Buffer;
  /** 8 random bytes chosen at creation; minisign's key id. */
  keyId: Buffer;
}

export interface MinisignPublicKey {
  keyId: Buffer;
  publicKey: Buffer;
}

export type MinisignFailure = 'format' | 'legacy' | 'key_id' | 'signature' | 'trusted_comment';

export type MinisignVerification =
  | { ok: true; trustedComment: string; keyId: Buffer }
  | { ok: false; reason: MinisignFailure };

// DER wrappings of raw Ed25519 keys (RFC 8410): node:crypto only imports keys as DER/PEM/JWK.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

const ALG_PREHASHED = 'ED';
const ALG_LEGACY = 'Ed';
const UNTRUSTED_PREFIX = 'untrusted comment: ';
const TRUSTED_PREFIX = 'trusted comment: ';
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

function privateKeyObject(seed: Buffer): KeyObject {
  if (seed.length !== 32) throw new Error('Ed25519 seed must be 32 bytes');
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

function publicKeyObject(publicKey: Buffer): KeyObject {
  if (publicKey.length !== 32) throw new Error('Ed25519 public key must be 32 bytes');
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, publicKey]), format: 'der', type: 'spki' });
}

export function signingKeyPairFromSeed(seed: Buffer, keyId: Buffer): SigningKeyPair {
  if (keyId.length !== 8) throw new Error('minisign key id must be 8 bytes');
  const spki = createPublicKey(privateKeyObject(seed)).export({ format: 'der', type: 'spki' });
  return { seed: Buffer.from(seed), publicKey: Buffer.from(spki.subarray(spki.length - 32)), keyId: Buffer.from(keyId) };
}

export function generateSigningKeyPair(): SigningKeyPair {
  return signingKeyPairFromSeed(randomBytes(32), randomBytes(8));
}

/** The key id as minisign prints it, but always 16 upper-case digits: the 8 bytes as a little-endian integer. */
export function keyIdHex(keyId: Buffer): string {
  if (keyId.length !== 8) throw new Error('minisign key id must be 8 bytes');
  return Buffer.from(keyId).reverse().toString('hex').toUpperCase();
}

/** base64("Ed" ‖ key id ‖ public key): the `signing_key` of identity.json. */
export function minisignPublicKeyString(publicKey: Buffer, keyId: Buffer): string {
  if (publicKey.length !== 32 || keyId.length !== 8) throw new Error('bad minisign public key parts');
  return Buffer.concat([Buffer.from(ALG_LEGACY, 'latin1'), keyId, publicKey]).toString('base64');
}

/** Parses the base64 line of a minisign public key (no comment, no whitespace); throws on anything else. */
export function parseMinisignPublicKey(s: string): MinisignPublicKey {
  const bytes = decodeBase64Padded(s);
  if (!bytes || bytes.length !== 42) throw new Error('minisign public key: not canonical base64 of 42 bytes');
  // Public keys always carry "Ed", whichever algorithm the signatures use.
  if (bytes.toString('latin1', 0, 2) !== ALG_LEGACY) throw new Error('minisign public key: unknown algorithm');
  return { keyId: Buffer.from(bytes.subarray(2, 10)), publicKey: Buffer.from(bytes.subarray(10, 42)) };
}

/** The text of a minisign.pub file. */
export function publicKeyFile(publicKey: Buffer, keyId: Buffer): string {
  return `${UNTRUSTED_PREFIX}minisign public key ${keyIdHex(keyId)}\n${minisignPublicKeyString(publicKey, keyId)}\n`;
}

/** Parses a minisign.pub file: exactly an untrusted-comment line and the key line. */
export function parseMinisignPublicKeyFile(text: string): MinisignPublicKey {
  const lines = text.split('\n');
  if (lines.length !== 3 || lines[2] !== '' || !lines[0]?.startsWith(UNTRUSTED_PREFIX)) {
    throw new Error('minisign public key file: expected two LF-terminated lines');
  }
  return parseMinisignPublicKey(lines[1] ?? '');
}

function assertOneLine(s: string, what: string): void {
  if (/[\r\n]/.test(s)) throw new Error(`minisign ${what} must be a single line`);
}

function blake2b512(message: Buffer): Buffer {
  return createHash('blake2b512').update(message).digest();
}

/** Signs with the prehashed "ED" algorithm; returns the text of the .minisig file. */
export function signMinisign(
  message: Buffer,
  key: SigningKeyPair,
  trustedComment: string,
  untrustedComment = `signature from cst-desk secret key ${keyIdHex(key.keyId)}`,
): string {
  assertOneLine(trustedComment, 'trusted comment');
  assertOneLine(untrustedComment, 'untrusted comment');
  const priv = privateKeyObject(key.seed);
  const signature = sign(null, blake2b512(message), priv);
  const sigLine = Buffer.concat([Buffer.from(ALG_PREHASHED, 'latin1'), key.keyId, signature]).toString('base64');
  const globalSig = sign(null, Buffer.concat([signature, Buffer.from(trustedComment, 'utf8')]), priv);
  return (
    `${UNTRUSTED_PREFIX}${untrustedComment}\n${sigLine}\n` +
    `${TRUSTED_PREFIX}${trustedComment}\n${globalSig.toString('base64')}\n`
  );
}

/**
 * Verifies a .minisig text against `message` and the expected signer key. The checks run in
 * the order of the failure reasons: structure, algorithm, key id, signature, then the global
 * signature that binds the trusted comment. The caller still has to compare the returned
 * trusted comment with the one it expects.
 */
export function verifyMinisign(
  message: Buffer,
  sigText: string | Buffer,
  publicKey: MinisignPublicKey,
): MinisignVerification {
  let text: string;
  if (typeof sigText === 'string') {
    text = sigText;
  } else {
    try {
      text = utf8Strict.decode(sigText);
    } catch {
      return { ok: false, reason: 'format' };
    }
  }
  if (text.includes('\r') || !text.endsWith('\n')) return { ok: false, reason: 'format' };
  const lines = text.slice(0, -1).split('\n');
  if (lines.length !== 4) return { ok: false, reason: 'format' };
  const [untrusted, sigB64, trusted, globalB64] = lines as [string, string, string, string];
  if (!untrusted.startsWith(UNTRUSTED_PREFIX) || !trusted.startsWith(TRUSTED_PREFIX)) {
    return { ok: false, reason: 'format' };
  }
  const sigBlock = decodeBase64Padded(sigB64);
  const globalSig = decodeBase64Padded(globalB64);
  if (!sigBlock || sigBlock.length !== 74 || !globalSig || globalSig.length !== 64) {
    return { ok: false, reason: 'format' };
  }
  const alg = sigBlock.toString('latin1', 0, 2);
  if (alg === ALG_LEGACY) return { ok: false, reason: 'legacy' };
  if (alg !== ALG_PREHASHED) return { ok: false, reason: 'format' };
  const keyId = Buffer.from(sigBlock.subarray(2, 10));
  if (publicKey.keyId.length !== 8 || !keyId.equals(publicKey.keyId)) return { ok: false, reason: 'key_id' };
  const signature = sigBlock.subarray(10, 74);
  let pub: KeyObject;
  try {
    pub = publicKeyObject(publicKey.publicKey);
  } catch {
    return { ok: false, reason: 'signature' };
  }
  if (!verify(null, blake2b512(message), pub, signature)) return { ok: false, reason: 'signature' };
  const trustedComment = trusted.slice(TRUSTED_PREFIX.length);
  const globalMessage = Buffer.concat([signature, Buffer.from(trustedComment, 'utf8')]);
  if (!verify(null, globalMessage, pub, globalSig)) return { ok: false, reason: 'trusted_comment' };
  return { ok: true, trustedComment, keyId };
}
