import { describe, expect, it } from 'vitest';
import { createCipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  AGE_MAGIC,
  AgeError,
  ageDecrypt,
  ageEncrypt,
  ageRecipientFromIdentity,
  createAgeDecryptStream,
  createAgeEncryptStream,
  generateAgeIdentity,
  isAgeRecipient,
  parseAgeKeyFile,
} from '../../electron/core/format/crypto/age';
import { parseAgeRecipient, wrapFileKeyX25519 } from '../../electron/core/format/crypto/age-keys';
import { bech32Decode, bech32Encode } from '../../electron/core/format/crypto/bech32';
import { vector, vectorSecret } from './container-fixtures';

const KiB = 1024;
const me = generateAgeIdentity();
const someoneElse = generateAgeIdentity();

function refusal(fn: () => unknown): AgeError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AgeError) return err;
    throw err;
  }
  throw new Error('expected an AgeError');
}

function expectFormat(fn: () => unknown, detail: RegExp): void {
  const err = refusal(fn);
  expect(err.code).toBe('format');
  expect(err.message).toMatch(detail);
}

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

function pieces(buf: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let p = 0; p < buf.length; p += size) out.push(buf.subarray(p, p + size));
  return out;
}

// An independent writer of age files from the spec, with a file key we know, to craft the
// files our encryptor never writes.
const b64u = (b: Buffer) => b.toString('base64').replace(/=+$/, '');
function wrap64(s: string): string {
  let out = '';
  let i = 0;
  for (; i + 64 <= s.length; i += 64) out += `${s.slice(i, i + 64)}\n`;
  return `${out}${s.slice(i)}\n`;
}
function x25519Stanza(fileKey: Buffer, recipient: string): string {
  const s = wrapFileKeyX25519(fileKey, parseAgeRecipient(recipient));
  return `-> X25519 ${s.args[0]}\n${wrap64(b64u(s.body))}`;
}
function header(fileKey: Buffer, stanzas: string, version = 'age-encryption.org/v1'): Buffer {
  const macInput = `${version}\n${stanzas}---`;
  const key = Buffer.from(hkdfSync('sha256', fileKey, Buffer.alloc(0), 'header', 32));
  return Buffer.from(`${macInput} ${b64u(createHmac('sha256', key).update(macInput).digest())}\n`, 'latin1');
}
function payload(fileKey: Buffer, chunks: { data: Buffer; last: boolean }[]): Buffer {
  const nonce = randomBytes(16);
  const key = Buffer.from(hkdfSync('sha256', fileKey, nonce, 'payload', 32));
  const sealed = chunks.map((c, i) => {
    const n = Buffer.alloc(12);
    n.writeUIntBE(i, 5, 6);
    n[11] = c.last ? 1 : 0;
    const cipher = createCipheriv('chacha20-poly1305', key, n, { authTagLength: 16 });
    return Buffer.concat([cipher.update(c.data), cipher.final(), cipher.getAuthTag()]);
  });
  return Buffer.concat([nonce, ...sealed]);
}
function crafted(stanzas: (fileKey: Buffer) => string, chunks = [{ data: Buffer.from('hello'), last: true }], version?: string): Buffer {
  const fileKey = randomBytes(16);
  return Buffer.concat([header(fileKey, stanzas(fileKey), version), payload(fileKey, chunks)]);
}

describe('age keys', () => {
  it('derives the vector recipients from the vector identities', () => {
    for (const who of ['hub', 'urbino'] as const) {
      const s = vectorSecret(who);
      expect(ageRecipientFromIdentity(s.age_identity)).toBe(s.age_recipient);
      expect(parseAgeKeyFile(vector(`${who}/age.txt`).toString())).toEqual([s.age_identity]);
    }
  });

  it('generates upper-case identities and lower-case recipients that match', () => {
    expect(me.identity).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/);
    expect(me.recipient).toMatch(/^age1[0-9a-z]{58}$/);
    expect(ageRecipientFromIdentity(me.identity)).toBe(me.recipient);
    expect(ageRecipientFromIdentity(me.identity.toLowerCase())).toBe(me.recipient);
  });

  it('checks recipients: prefix, checksum, length, case', () => {
    expect(isAgeRecipient(me.recipient)).toBe(true);
    const flipped = `${me.recipient.slice(0, -1)}${me.recipient.endsWith('q') ? 'p' : 'q'}`;
    expect(isAgeRecipient(flipped)).toBe(false);
    expect(isAgeRecipient(me.recipient.toUpperCase())).toBe(false);
    expect(isAgeRecipient(me.identity)).toBe(false);
    expect(isAgeRecipient(bech32Encode('age', Buffer.alloc(31)))).toBe(false);
    expect(isAgeRecipient('')).toBe(false);
  });

  it('bech32 round-trips and refuses mixed case and bad checksums', () => {
    const data = randomBytes(40);
    const s = bech32Encode('test', data);
    expect(bech32Decode(s)).toEqual({ hrp: 'test', data });
    expect(bech32Decode(s.toUpperCase())).toEqual({ hrp: 'test', data });
    expect(bech32Decode(`${s.slice(0, 6).toUpperCase()}${s.slice(6)}`)).toBeNull();
    expect(bech32Decode(s.replace(/.$/, (c) => (c === 'q' ? 'p' : 'q')))).toBeNull();
  });
});

describe('age encryption', () => {
  it.each([0, 1, 64 * KiB - 1, 64 * KiB, 64 * KiB + 1, 128 * KiB, 1024 * KiB + 123])('round-trips %i bytes', (n) => {
    const plain = randomBytes(n);
    const ct = ageEncrypt(plain, [me.recipient]);
    expect(ct.subarray(0, AGE_MAGIC.length).toString()).toBe(AGE_MAGIC);
    expect(ageDecrypt(ct, [me.identity]).equals(plain)).toBe(true);
  });

  it('ends a multiple of 64 KiB with a full final chunk, and an empty plaintext with one empty chunk', () => {
    const headerLength = (ct: Buffer) => ct.indexOf('\n', ct.indexOf('---')) + 1;
    const empty = ageEncrypt(Buffer.alloc(0), [me.recipient]);
    expect(empty.length - headerLength(empty)).toBe(16 + 16);
    const exact = ageEncrypt(Buffer.alloc(128 * KiB), [me.recipient]);
    expect(exact.length - headerLength(exact)).toBe(16 + 2 * (64 * KiB + 16));
  });

  it('streams in both directions with arbitrary chunking', async () => {
    const plain = randomBytes(300 * KiB + 5);
    const ct = await collect(Readable.from(pieces(plain, 10_000)).pipe(createAgeEncryptStream([me.recipient])));
    const back = await collect(Readable.from(pieces(ct, 777)).pipe(createAgeDecryptStream([someoneElse.identity, me.identity])));
    expect(back.equals(plain)).toBe(true);
    const empty = await collect(Readable.from([]).pipe(createAgeEncryptStream([me.recipient])));
    expect(ageDecrypt(empty, [me.identity]).length).toBe(0);
  });

  it('encrypts to several recipients, each of which can decrypt', () => {
    const ct = ageEncrypt(Buffer.from('x'), [me.recipient, someoneElse.recipient]);
    expect(ageDecrypt(ct, [me.identity]).toString()).toBe('x');
    expect(ageDecrypt(ct, [someoneElse.identity]).toString()).toBe('x');
  });

  it('refuses invalid recipients and identities up front', () => {
    expect(() => ageEncrypt(Buffer.alloc(0), [])).toThrow();
    expect(() => ageEncrypt(Buffer.alloc(0), ['age1nope'])).toThrow();
    expect(() => createAgeDecryptStream(['AGE-SECRET-KEY-1NOPE'])).toThrow();
  });
});

describe('age decryption: refusals', () => {
  const plain = randomBytes(200 * KiB);
  const ct = ageEncrypt(plain, [me.recipient]);
  const headerEnd = ct.indexOf('\n', ct.indexOf('\n---') + 1) + 1;

  it('no stanza for us → no_match; the stream emits the same error', async () => {
    expect(refusal(() => ageDecrypt(ct, [someoneElse.identity])).code).toBe('no_match');
    await expect(collect(Readable.from([ct]).pipe(createAgeDecryptStream([someoneElse.identity])))).rejects.toMatchObject({ code: 'no_match' });
  });

  it('a flipped byte in the header MAC', () => {
    const bad = Buffer.from(ct);
    const at = ct.indexOf('--- ') + 10;
    bad[at] = bad[at] === 0x41 ? 0x42 : 0x41;
    expectFormat(() => ageDecrypt(bad, [me.identity]), /MAC mismatch/);
  });

  it('a flipped byte in the payload, in a middle chunk and in the final one', async () => {
    for (const at of [headerEnd + 16 + 100, ct.length - 5]) {
      const bad = Buffer.from(ct);
      bad[at] = (bad[at] ?? 0) ^ 1;
      expectFormat(() => ageDecrypt(bad, [me.identity]), /payload/);
      await expect(collect(Readable.from([bad]).pipe(createAgeDecryptStream([me.identity])))).rejects.toMatchObject({ code: 'format' });
    }
  });

  it('truncation: inside a chunk, at a chunk boundary, inside the nonce, inside the header', () => {
    expectFormat(() => ageDecrypt(ct.subarray(0, ct.length - 10), [me.identity]), /payload/);
    const threeChunks = headerEnd + 16 + 3 * (64 * KiB + 16);
    expectFormat(() => ageDecrypt(ct.subarray(0, threeChunks), [me.identity]), /final chunk missing/);
    expectFormat(() => ageDecrypt(ct.subarray(0, headerEnd + 16), [me.identity]), /no final chunk/);
    expectFormat(() => ageDecrypt(ct.subarray(0, headerEnd + 5), [me.identity]), /nonce missing/);
    expectFormat(() => ageDecrypt(ct.subarray(0, headerEnd - 3), [me.identity]), /header: truncated/);
  });

  it('trailing bytes after the final chunk, short or full', () => {
    expectFormat(() => ageDecrypt(Buffer.concat([ct, Buffer.from('x')]), [me.identity]), /payload/);
    const full = ageEncrypt(randomBytes(64 * KiB), [me.recipient]);
    expectFormat(() => ageDecrypt(Buffer.concat([full, Buffer.from('x')]), [me.identity]), /trailing data after the final chunk/);
    const empty = ageEncrypt(Buffer.alloc(0), [me.recipient]);
    expectFormat(() => ageDecrypt(Buffer.concat([empty, Buffer.alloc(16)]), [me.identity]), /payload/);
  });

  it('an empty final chunk after a full one', () => {
    const file = crafted((k) => x25519Stanza(k, me.recipient), [
      { data: randomBytes(64 * KiB), last: false },
      { data: Buffer.alloc(0), last: true },
    ]);
    expectFormat(() => ageDecrypt(file, [me.identity]), /empty final chunk/);
  });

  it('accepts a file from an independent writer, skipping unknown (grease) stanzas', () => {
    const file = crafted((k) => `-> x-grease a!b "c\n${wrap64(b64u(randomBytes(48)))}${x25519Stanza(k, me.recipient)}`);
    expect(ageDecrypt(file, [me.identity]).toString()).toBe('hello');
  });

  it('refuses malformed stanzas, known or unknown', () => {
    const cases: [string, (k: Buffer) => string, RegExp][] = [
      // A body made of full lines must end with an empty line.
      ['missing final short line', (k) => `-> x-grease\n${b64u(randomBytes(48))}\n${x25519Stanza(k, me.recipient)}`, /body line/],
      ['non-canonical base64 in a body', (k) => `-> x-grease\nAB\n${x25519Stanza(k, me.recipient)}`, /body line/],
      ['padding in a body', (k) => `-> x-grease\nAA==\n${x25519Stanza(k, me.recipient)}`, /body line/],
      ['body line over 64 columns', (k) => `-> x-grease\n${'A'.repeat(68)}\n\n${x25519Stanza(k, me.recipient)}`, /body line/],
      ['empty argument', (k) => `-> x-grease  a\n\n${x25519Stanza(k, me.recipient)}`, /arguments/],
      ['no arguments', (k) => `->\n\n${x25519Stanza(k, me.recipient)}`, /opening line/],
      ['X25519 with an extra argument', (k) => x25519Stanza(k, me.recipient).replace('\n', ' extra\n'), /wrong number of arguments/],
      ['X25519 share not 32 bytes', (k) => x25519Stanza(k, me.recipient).replace(/^-> X25519 \S+/, `-> X25519 ${b64u(randomBytes(31))}`), /share/],
      ['X25519 body not 32 bytes', () => `-> X25519 ${b64u(randomBytes(32))}\n${b64u(randomBytes(31))}\n`, /body is not 32 bytes/],
      ['X25519 low-order share', () => `-> X25519 ${b64u(Buffer.alloc(32))}\n${b64u(randomBytes(32))}\n`, /low-order|all-zero/],
      ['no stanza at all', () => '', /no recipient stanza/],
    ];
    for (const [, stanzas, detail] of cases) expectFormat(() => ageDecrypt(crafted(stanzas), [me.identity]), detail);
  });

  it('refuses an unknown version line, another file type, a bad closing line', () => {
    expectFormat(() => ageDecrypt(crafted((k) => x25519Stanza(k, me.recipient), undefined, 'age-encryption.org/v2'), [me.identity]), /unsupported version/);
    expectFormat(() => ageDecrypt(Buffer.from('PK\x03\x04 not age at all\n'), [me.identity]), /not an age v1 file/);
    const good = crafted((k) => x25519Stanza(k, me.recipient));
    const text = good.toString('latin1');
    expectFormat(() => ageDecrypt(Buffer.from(text.replace('--- ', '---'), 'latin1'), [me.identity]), /closing line/);
  });

  it('refuses a header that never ends', () => {
    const endless = Buffer.concat([Buffer.from(`${AGE_MAGIC}-> x-grease\n`), Buffer.alloc(2 * 1024 * 1024, 'A')]);
    expectFormat(() => ageDecrypt(endless, [me.identity]), /longer than/);
  });
});
