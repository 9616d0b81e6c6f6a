/**
 * The C2SP CCTV age test vectors (test/fixtures/cctv-age/, selection and licence in its README)
 * against our own age implementation: each vector's expected outcome, and the SHA-256 of every
 * byte the decryptor released (all of the payload on success, what came out before the error on
 * a payload failure, nothing on a header failure). Issue 14: the own implementation stays on
 * condition that these pass.
 *
 * Our decryptor has two error codes (AgeError: `no_match`, `format`); the README of the vectors
 * allows aliasing indistinguishable failures. The kinds of `format` are told apart by the
 * message: "MAC mismatch" = HMAC failure, "age payload: …" = payload failure, the rest = header
 * failure. A missing or short nonce ("age payload: truncated (nonce missing)") counts as a header
 * failure, as CCTV classes it: nothing can have been released.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AgeError, generateAgeIdentity } from '../../electron/core/format/crypto/age';
import { AgeDecryptor } from '../../electron/core/format/crypto/age-stream';

const DIR = new URL('../fixtures/cctv-age/testdata/', import.meta.url);

interface Vector {
  name: string;
  expect: string;
  payload: string | null;
  identities: string[];
  body: Buffer;
}

function readVector(name: string): Vector {
  const bytes = readFileSync(new URL(name, DIR));
  const end = bytes.indexOf('\n\n');
  const fields = bytes.subarray(0, end).toString('utf8').split('\n').map((l) => [l.slice(0, l.indexOf(': ')), l.slice(l.indexOf(': ') + 2)] as const);
  const get = (key: string) => fields.filter(([k]) => k === key).map(([, v]) => v);
  let body = bytes.subarray(end + 2);
  if (get('compressed')[0] === 'zlib') body = inflateSync(body);
  return {
    name,
    expect: get('expect')[0] ?? '',
    payload: get('payload')[0] ?? null,
    identities: get('identity').filter((i) => i.startsWith('AGE-SECRET-KEY-1')),
    body,
  };
}

type Outcome = 'success' | 'no match' | 'HMAC failure' | 'header failure' | 'payload failure';

function kindOf(err: unknown): Outcome {
  if (!(err instanceof AgeError)) throw err;
  if (err.code === 'no_match') return 'no match';
  if (/MAC mismatch/.test(err.message)) return 'HMAC failure';
  if (/^age payload: /.test(err.message) && !/nonce missing/.test(err.message)) return 'payload failure';
  return 'header failure';
}

/** Feeds the file in 1 KiB slices, as a stream would, keeping every byte the decryptor released. */
function decrypt(v: Vector): { outcome: Outcome; released: Buffer } {
  // `empty` names no identity: any X25519 identity will do, the file has no header at all.
  const dec = new AgeDecryptor(v.identities.length > 0 ? v.identities : [generateAgeIdentity().identity]);
  const released: Buffer[] = [];
  try {
    for (let p = 0; p < v.body.length; p += 1024) released.push(...dec.update(v.body.subarray(p, p + 1024)));
    released.push(...dec.final());
    return { outcome: 'success', released: Buffer.concat(released) };
  } catch (err) {
    return { outcome: kindOf(err), released: Buffer.concat(released) };
  }
}

const names = readdirSync(DIR).sort();

describe('C2SP CCTV age vectors (X25519, binary)', () => {
  it('are all here: 69 files, each outcome represented', () => {
    expect(names).toHaveLength(69);
    const outcomes = new Set(names.map((n) => readVector(n).expect));
    expect([...outcomes].sort()).toEqual(['HMAC failure', 'header failure', 'no match', 'payload failure', 'success']);
  });

  it.each(names)('%s', (name) => {
    const v = readVector(name);
    const { outcome, released } = decrypt(v);
    expect(outcome).toBe(v.expect);
    if (v.payload !== null) expect(createHash('sha256').update(released).digest('hex')).toBe(v.payload);
    if (v.expect !== 'success' && v.expect !== 'payload failure') expect(released.length).toBe(0);
  });
});
