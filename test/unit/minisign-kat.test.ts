/**
 * Known-answer minisign signatures from the test suites of minisign's author's verifiers
 * (test/fixtures/minisign-kat/, sources and licences there) against our verifier
 * (electron/core/format/crypto/minisign.ts). Prehashed `ED` signatures verify and give their
 * trusted comment; legacy `Ed` ones are refused by design (reason `legacy`); every bit of the
 * message, key id, signature and trusted comment matters.
 */
import { createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMinisignPublicKey, parseMinisignPublicKeyFile, verifyMinisign } from '../../electron/core/format/crypto/minisign';

interface Kat {
  name: string;
  message: string;
  signature: string;
  expect: 'valid' | 'valid-legacy';
  trusted_comment: string;
}
const data = JSON.parse(readFileSync(new URL('../fixtures/minisign-kat/vectors.json', import.meta.url), 'utf8')) as {
  public_key: string;
  public_key_file: string;
  signatures: Kat[];
  public_keys: { key: string; expect: 'valid' | 'invalid' }[];
};
const key = parseMinisignPublicKey(data.public_key);

/** The same signature text with one line replaced. */
const withLine = (sig: string, index: number, line: string) => sig.split('\n').map((l, i) => (i === index ? line : l)).join('\n');
const flipLastBase64Char = (line: string) => line.slice(0, -4) + (line.at(-4) === 'A' ? 'B' : 'A') + line.slice(-3);

describe('minisign known-answer signatures', () => {
  it('the public key file and the key id as minisign prints it', () => {
    expect(parseMinisignPublicKeyFile(data.public_key_file)).toEqual(key);
    expect(Buffer.from(key.keyId).reverse().toString('hex').toUpperCase()).toBe('E7620F1842B4E81F');
  });

  it.each(data.public_keys)('public key $key: $expect', ({ key: k, expect: outcome }) => {
    if (outcome === 'valid') expect(() => parseMinisignPublicKey(k)).not.toThrow();
    else expect(() => parseMinisignPublicKey(k)).toThrow();
  });

  const prehashed = data.signatures.filter((s) => s.expect === 'valid');
  const legacy = data.signatures.filter((s) => s.expect === 'valid-legacy');

  it('has both kinds', () => {
    expect([prehashed.length, legacy.length]).toEqual([2, 2]);
  });

  it.each(prehashed)('$name: verifies, with its trusted comment', (kat) => {
    const r = verifyMinisign(Buffer.from(kat.message), kat.signature, key);
    expect(r).toEqual({ ok: true, trustedComment: kat.trusted_comment, keyId: key.keyId });
    expect(verifyMinisign(Buffer.from(kat.message), Buffer.from(kat.signature), key).ok).toBe(true);
  });

  it.each(prehashed)('$name: refused once anything signed changes', (kat) => {
    const msg = Buffer.from(kat.message);
    expect(verifyMinisign(Buffer.from('Test'), kat.signature, key)).toEqual({ ok: false, reason: 'signature' });
    const lines = kat.signature.split('\n');
    expect(verifyMinisign(msg, withLine(kat.signature, 2, `${lines[2]}x`), key)).toEqual({ ok: false, reason: 'trusted_comment' });
    expect(verifyMinisign(msg, withLine(kat.signature, 1, flipLastBase64Char(lines[1]!)), key)).toEqual({ ok: false, reason: 'signature' });
    expect(verifyMinisign(msg, withLine(kat.signature, 3, flipLastBase64Char(lines[3]!)), key)).toEqual({ ok: false, reason: 'trusted_comment' });
    const otherId = { ...key, keyId: Buffer.from(key.keyId).fill(0, 0, 1) };
    expect(verifyMinisign(msg, kat.signature, otherId)).toEqual({ ok: false, reason: 'key_id' });
    // The untrusted comment is not signed: changing it changes nothing.
    expect(verifyMinisign(msg, withLine(kat.signature, 0, 'untrusted comment: altro'), key).ok).toBe(true);
  });

  it.each(legacy)('$name: refused as legacy by design, though its Ed25519 signature is right', (kat) => {
    expect(verifyMinisign(Buffer.from(kat.message), kat.signature, key)).toEqual({ ok: false, reason: 'legacy' });
    const block = Buffer.from(kat.signature.split('\n')[1]!, 'base64');
    const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), key.publicKey]);
    const pub = createPublicKey({ key: spki, format: 'der', type: 'spki' });
    expect(verify(null, Buffer.from(kat.message), pub, block.subarray(10, 74))).toBe(true);
  });
});
