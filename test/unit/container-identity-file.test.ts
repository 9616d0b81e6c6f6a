import { describe, expect, it } from 'vitest';
import { buildIdentityFile, IdentityFileError, readIdentityFile } from '../../electron/core/format/container/identity-file';
import type { IdentityJson } from '../../electron/core/format/container/identity-file';
import { openZip } from '../../electron/core/format/container/zip-reader';
import { writeZip } from '../../electron/core/format/container/zip-writer';
import { generateAgeIdentity } from '../../electron/core/format/crypto/age';
import { generateSigningKeyPair, minisignPublicKeyString, signMinisign } from '../../electron/core/format/crypto/minisign';
import type { SigningKeyPair } from '../../electron/core/format/crypto/minisign';
import { ANY_NAME_RULES, vector } from './container-fixtures';

const key = generateSigningKeyPair();
const identity: IdentityJson = {
  format: 'cst-identity',
  version: 1,
  kind: 'municipality',
  id: '041067',
  name: 'Urbino',
  signing_key: minisignPublicKeyString(key.publicKey, key.keyId),
  age_recipient: generateAgeIdentity().recipient,
  created_at: '2026-11-26T09:00:00.000Z',
};

/** An identity file with arbitrary JSON text, signer and trusted comment. */
function custom(json: string, signer: SigningKeyPair = key, comment = 'cst-identity v1 id=041067', extra: { name: string; data: Buffer }[] = []): Buffer {
  const bytes = Buffer.from(json, 'utf8');
  return writeZip([{ name: 'identity.json', data: bytes }, { name: 'identity.json.minisig', data: Buffer.from(signMinisign(bytes, signer, comment)) }, ...extra]);
}

function codeOf(bytes: Buffer): { code: string; message: string; detail: string } {
  try {
    readIdentityFile(bytes);
  } catch (err) {
    expect(err).toBeInstanceOf(IdentityFileError);
    const e = err as IdentityFileError;
    return { code: e.code, message: e.message, detail: e.detail };
  }
  throw new Error('accepted');
}

const withField = (patch: Record<string, unknown>) => JSON.stringify({ ...identity, ...patch });

describe('identity file', () => {
  it('reads both vector identity files', () => {
    expect(readIdentityFile(vector('hub/identity.cstid'))).toMatchObject({ kind: 'hub', id: 'CST-PU', name: 'CST Pesaro-Urbino' });
    expect(readIdentityFile(vector('urbino/identity.cstid'))).toMatchObject({ kind: 'municipality', id: '041067', name: 'Urbino' });
  });

  it('round-trips, writing compact JSON in the order of the spec with the right trusted comment', () => {
    const file = buildIdentityFile({ ...identity }, key);
    expect(readIdentityFile(file)).toEqual(identity);
    const zip = openZip(file, ANY_NAME_RULES);
    expect(zip.entries.map((e) => e.name)).toEqual(['identity.json', 'identity.json.minisig']);
    const json = zip.readEntry('identity.json').toString();
    expect(json).toBe(
      `{"format":"cst-identity","version":1,"kind":"municipality","id":"041067","name":"Urbino","signing_key":"${identity.signing_key}","age_recipient":"${identity.age_recipient}","created_at":"2026-11-26T09:00:00.000Z"}`,
    );
    expect(zip.readEntry('identity.json.minisig').toString()).toContain('\ntrusted comment: cst-identity v1 id=041067\n');
  });

  it('refuses to build with a key other than signing_key', () => {
    expect(() => buildIdentityFile(identity, generateSigningKeyPair())).toThrow();
  });

  it('E_SIGNATURE: altered content, another signer, another key id, a wrong trusted comment', () => {
    // The JSON says one key, the signature comes from another one.
    const other = generateSigningKeyPair();
    expect(codeOf(custom(withField({}), other))).toMatchObject({ code: 'E_SIGNATURE', detail: expect.stringContaining('key_id') as string });
    const sameKeyOtherId = { ...other, keyId: key.keyId };
    expect(codeOf(custom(withField({}), sameKeyOtherId))).toMatchObject({ code: 'E_SIGNATURE', detail: expect.stringContaining('signature') as string });
    expect(codeOf(custom(withField({}), key, 'cst-identity v1 id=041068'))).toMatchObject({ code: 'E_SIGNATURE', detail: expect.stringContaining('trusted comment') as string });
    expect(codeOf(custom(withField({}), key, 'cst-identity v1 id=041067 '))).toMatchObject({ code: 'E_SIGNATURE' });
    // Content signed, then changed after signing.
    const signed = Buffer.from(withField({}));
    const tampered = writeZip([
      { name: 'identity.json', data: Buffer.from(withField({ name: 'Pesaro' })) },
      { name: 'identity.json.minisig', data: Buffer.from(signMinisign(signed, key, 'cst-identity v1 id=041067')) },
    ]);
    expect(codeOf(tampered)).toMatchObject({ code: 'E_SIGNATURE', detail: expect.stringContaining('signature') as string });
    expect(codeOf(tampered).message).toMatch(/firma del file di identità non è valida/);
  });

  it('E_FORMAT: fields missing, extra, mistyped or out of pattern', () => {
    const { created_at: _omit, ...missing } = identity;
    const cases = [
      JSON.stringify(missing),
      withField({ extra: 1 }),
      withField({ format: 'cst-bundle' }),
      withField({ version: 2 }),
      withField({ version: '1' }),
      withField({ kind: 'province' }),
      withField({ id: 'CST-PU' }),
      withField({ id: 41067 }),
      withField({ kind: 'hub', id: 'cst-pu' }),
      withField({ name: '' }),
      withField({ name: 'a\u0000b' }),
      withField({ signing_key: 'RWQ' }),
      withField({ age_recipient: identity.age_recipient.toUpperCase() }),
      withField({ created_at: '2026-11-26T09:00:00Z' }),
      withField({ created_at: '2026-02-30T09:00:00.000Z' }),
      '[]',
    ];
    for (const json of cases) expect(codeOf(custom(json)).code, json).toBe('E_FORMAT');
  });

  it('E_FORMAT: not I-JSON, and container defects', () => {
    expect(codeOf(custom(withField({}).replace('"name":"Urbino"', '"name":"Urbino","name":"Urbino"'))).code).toBe('E_FORMAT');
    expect(codeOf(custom(`\ufeff${withField({})}`)).code).toBe('E_FORMAT');
    expect(codeOf(custom(withField({}), key, 'cst-identity v1 id=041067', [{ name: 'readme.txt', data: Buffer.from('x') }]))).toMatchObject({
      code: 'E_FORMAT',
      detail: expect.stringContaining('name not allowed') as string,
    });
    expect(codeOf(writeZip([{ name: 'identity.json', data: Buffer.from(withField({})) }]))).toMatchObject({
      code: 'E_FORMAT',
      detail: expect.stringContaining('missing entry "identity.json.minisig"') as string,
    });
    expect(codeOf(Buffer.from('not a zip at all, clearly')).code).toBe('E_FORMAT');
    expect(codeOf(Buffer.concat([buildIdentityFile(identity, key), Buffer.from('x')])).code).toBe('E_FORMAT');
  });

  it('E_LIMIT: a file or an entry far bigger than an identity', () => {
    expect(codeOf(Buffer.alloc(65 * 1024)).code).toBe('E_LIMIT');
    const big = custom(withField({ name: 'x'.repeat(20_000) }));
    expect(codeOf(big)).toMatchObject({ code: 'E_LIMIT', message: expect.stringContaining('troppo grande') as string });
  });
});
