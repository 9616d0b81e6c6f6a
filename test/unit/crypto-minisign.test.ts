import { describe, expect, it } from 'vitest';
import {
  generateSigningKeyPair,
  keyIdHex,
  minisignPublicKeyString,
  parseMinisignPublicKey,
  parseMinisignPublicKeyFile,
  publicKeyFile,
  signingKeyPairFromSeed,
  signMinisign,
  verifyMinisign,
} from '../../electron/core/format/crypto/minisign';
import { vector, vectorSecret } from './container-fixtures';

const message = Buffer.from('{"format":"cst-bundle"}');

describe('minisign keys', () => {
  it('reproduces the vectors: signing_key from the seed, key ids as 16 upper-case hex digits', () => {
    for (const who of ['hub', 'urbino'] as const) {
      const s = vectorSecret(who);
      const parsed = parseMinisignPublicKey(s.signing_key);
      const pair = signingKeyPairFromSeed(Buffer.from(s.ed25519_seed, 'hex'), parsed.keyId);
      expect(minisignPublicKeyString(pair.publicKey, pair.keyId)).toBe(s.signing_key);
      expect(keyIdHex(pair.keyId)).toBe(s.key_id);
      expect(parseMinisignPublicKeyFile(vector(`${who}/minisign.pub`).toString())).toEqual(parsed);
    }
    expect(keyIdHex(parseMinisignPublicKey(vectorSecret('hub').signing_key).keyId)).toBe('5E85F8966369CF7E');
    expect(keyIdHex(parseMinisignPublicKey(vectorSecret('urbino').signing_key).keyId)).toBe('57008239706C3488');
  });

  it('pads the key id with zeros and reads it little-endian', () => {
    expect(keyIdHex(Buffer.from([0x01, 0, 0, 0, 0, 0, 0, 0]))).toBe('0000000000000001');
    expect(keyIdHex(Buffer.from([0xef, 0xcd, 0xab, 0x89, 0x67, 0x45, 0x23, 0x01]))).toBe('0123456789ABCDEF');
  });

  it('generates random key ids and round-trips the public key string and file', () => {
    const a = generateSigningKeyPair();
    const b = generateSigningKeyPair();
    expect(a.keyId.equals(b.keyId)).toBe(false);
    const s = minisignPublicKeyString(a.publicKey, a.keyId);
    expect(parseMinisignPublicKey(s)).toEqual({ keyId: a.keyId, publicKey: a.publicKey });
    expect(parseMinisignPublicKeyFile(publicKeyFile(a.publicKey, a.keyId))).toEqual({ keyId: a.keyId, publicKey: a.publicKey });
  });

  it('refuses malformed public keys', () => {
    const s = vectorSecret('hub').signing_key;
    for (const bad of ['', s.slice(1), `${s}=`, ` ${s}`, `${s}\n`, Buffer.from(`Xd${'a'.repeat(40)}`).toString('base64')]) {
      expect(() => parseMinisignPublicKey(bad)).toThrow();
    }
  });
});

describe('minisign signatures', () => {
  const key = generateSigningKeyPair();
  const pub = { keyId: key.keyId, publicKey: key.publicKey };
  const sig = signMinisign(message, key, 'cst-bundle v1 sender=041067 recipient=CST-PU first=1 last=3');

  it('signs with the prehashed ED algorithm and verifies, returning the trusted comment', () => {
    const block = Buffer.from(sig.split('\n')[1] ?? '', 'base64');
    expect(block.toString('latin1', 0, 2)).toBe('ED');
    expect(verifyMinisign(message, sig, pub)).toEqual({
      ok: true,
      trustedComment: 'cst-bundle v1 sender=041067 recipient=CST-PU first=1 last=3',
      keyId: key.keyId,
    });
    expect(verifyMinisign(message, Buffer.from(sig), pub).ok).toBe(true);
  });

  it('refuses another message, another key id, another key', () => {
    expect(verifyMinisign(Buffer.from('other'), sig, pub)).toEqual({ ok: false, reason: 'signature' });
    const other = generateSigningKeyPair();
    expect(verifyMinisign(message, sig, { keyId: other.keyId, publicKey: key.publicKey })).toEqual({ ok: false, reason: 'key_id' });
    expect(verifyMinisign(message, sig, { keyId: key.keyId, publicKey: other.publicKey })).toEqual({ ok: false, reason: 'signature' });
  });

  it('refuses an altered trusted comment (global signature)', () => {
    const altered = sig.replace('last=3', 'last=4');
    expect(verifyMinisign(message, altered, pub)).toEqual({ ok: false, reason: 'trusted_comment' });
  });

  it('accepts any untrusted comment (it is not signed)', () => {
    expect(verifyMinisign(message, sig.replace(/^untrusted comment: .*/, 'untrusted comment: whatever'), pub).ok).toBe(true);
  });

  it('refuses the legacy Ed algorithm even with a valid signature', async () => {
    const { sign, createPrivateKey } = await import('node:crypto');
    const priv = createPrivateKey({
      key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), key.seed]),
      format: 'der',
      type: 'pkcs8',
    });
    const raw = sign(null, message, priv);
    const lines = sig.split('\n');
    lines[1] = Buffer.concat([Buffer.from('Ed'), key.keyId, raw]).toString('base64');
    expect(verifyMinisign(message, lines.join('\n'), pub)).toEqual({ ok: false, reason: 'legacy' });
  });

  it('is strict about the line structure', () => {
    const lines = sig.split('\n');
    const variants = [
      sig.replace(/\n/g, '\r\n'),
      sig.slice(0, -1),
      `${sig}\n`,
      `${sig}extra\n`,
      lines.slice(1).join('\n'),
      sig.replace('untrusted comment: ', 'untrusted comment:'),
      sig.replace('trusted comment: cst', 'trusted comment:cst'),
      sig.replace(lines[1] ?? '', `${lines[1]} `),
      sig.replace(lines[3] ?? '', (lines[3] ?? '').replace(/=+$/, '')),
      sig.replace(lines[1] ?? '', Buffer.concat([Buffer.from('EX'), Buffer.alloc(72)]).toString('base64')),
      Buffer.concat([Buffer.from(sig), Buffer.from([0xff])]),
      '',
    ];
    for (const v of variants) expect(verifyMinisign(message, v, pub)).toEqual({ ok: false, reason: 'format' });
  });

  it('refuses newlines in comments when signing', () => {
    expect(() => signMinisign(message, key, 'a\nb')).toThrow();
    expect(() => signMinisign(message, key, 'ok', 'a\rb')).toThrow();
  });
});
