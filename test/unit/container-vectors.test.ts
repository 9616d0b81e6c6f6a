/**
 * The published vectors (`test/fixtures/vectors/`, the project's copy), for the layers this code owns: keys,
 * fingerprints, identity files, age, the ZIP container, the manifest signature and I-JSON.
 * The chain, history and record steps belong to the bundle reader's own tests.
 */
import { describe, expect, it } from 'vitest';
import { IJsonError, parseIJson } from '../../electron/core/format/container/ijson';
import { readIdentityFile } from '../../electron/core/format/container/identity-file';
import { openZip, ZipError } from '../../electron/core/format/container/zip-reader';
import type { ZipArchive } from '../../electron/core/format/container/zip-reader';
import { AGE_MAGIC, AgeError, ageDecrypt, parseAgeKeyFile } from '../../electron/core/format/crypto/age';
import { fingerprint } from '../../electron/core/format/crypto/fingerprint';
import { keyIdHex, parseMinisignPublicKey, verifyMinisign } from '../../electron/core/format/crypto/minisign';
import { BUNDLE_RULES, VECTORS, vector, vectorSecret } from './container-fixtures';
import { join } from 'node:path';

const hubIdentities = () => parseAgeKeyFile(vector('hub/age.txt').toString('utf8'));
const urbinoKey = () => parseMinisignPublicKey(vectorSecret('urbino').signing_key);

function openBundle(path: string): ZipArchive {
  const bytes = vector(path);
  const plain = bytes.subarray(0, AGE_MAGIC.length).toString('latin1') === AGE_MAGIC ? ageDecrypt(bytes, hubIdentities()) : bytes;
  return openZip(plain, BUNDLE_RULES);
}

function manifestSignature(zip: ZipArchive) {
  return verifyMinisign(zip.readEntry('manifest.json'), zip.readEntry('manifest.json.minisig'), urbinoKey());
}

describe('vectors: identities', () => {
  it.each([
    ['hub', 'CST-PU', '5E85F8966369CF7E', '52680 40966 60774 80524 66126 89294'],
    ['urbino', '041067', '57008239706C3488', '01180 20306 32007 75456 39963 57214'],
  ] as const)('%s: id, key id and fingerprint from the .cstid', (who, id, keyId, print) => {
    const identity = readIdentityFile(vector(`${who}/identity.cstid`));
    expect(identity.id).toBe(id);
    expect(keyIdHex(parseMinisignPublicKey(identity.signing_key).keyId)).toBe(keyId);
    expect(fingerprint(identity.signing_key, identity.age_recipient)).toBe(print);
    expect(identity.signing_key).toBe(vectorSecret(who).signing_key);
    expect(identity.age_recipient).toBe(vectorSecret(who).age_recipient);
  });
});

describe('vectors: valid bundles', () => {
  it('valid-plain-1-3: the ZIP opens, the manifest signature verifies, events are the published ones', () => {
    const zip = openZip({ path: join(VECTORS, 'valid-plain-1-3.cstb') }, BUNDLE_RULES);
    expect(zip.entries.map((e) => e.name).sort()).toEqual(['events.ndjson', 'manifest.json', 'manifest.json.minisig']);
    expect(manifestSignature(zip)).toMatchObject({ ok: true, trustedComment: 'cst-bundle v1 sender=041067 recipient=CST-PU first=1 last=3' });
    expect(zip.readEntry('events.ndjson').equals(vector('events-1-3.ndjson'))).toBe(true);
    expect(parseIJson(zip.readEntry('manifest.json'), 'manifest.json')).toMatchObject({ format: 'cst-bundle', key_id: '57008239706C3488' });
  });

  it('valid-encrypted-1-3: decrypts with the hub identity to a ZIP with the same events', () => {
    const plain = ageDecrypt(vector('valid-encrypted-1-3.cstb'), hubIdentities());
    expect(plain.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    const zip = openZip(plain, BUNDLE_RULES);
    expect(manifestSignature(zip).ok).toBe(true);
    expect(zip.readEntry('events.ndjson').equals(vector('events-1-3.ndjson'))).toBe(true);
  });

  it('valid-ack-only-after-3: opens and verifies', () => {
    const zip = openBundle('valid-ack-only-after-3.cstb');
    expect(manifestSignature(zip)).toMatchObject({ ok: true });
    expect(zip.readEntry('events.ndjson').length).toBe(0);
  });

  it('the defects of later steps pass these layers', () => {
    for (const name of ['E_CHAIN__line-reordered-and-resigned', 'E_DIGEST__events-modified-after-signing', 'E_RECIPIENT__addressed-to-other-hub']) {
      const zip = openBundle(`invalid/${name}.cstb`);
      expect(manifestSignature(zip).ok, name).toBe(true);
      expect(() => parseIJson(zip.readEntry('manifest.json'), 'manifest.json')).not.toThrow();
    }
  });
});

describe('vectors: invalid bundles', () => {
  it('E_DECRYPT: encrypted to another recipient → no_match', () => {
    let err: unknown;
    try {
      ageDecrypt(vector('invalid/E_DECRYPT__encrypted-to-other-recipient.cstb'), hubIdentities());
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AgeError);
    expect((err as AgeError).code).toBe('no_match');
  });

  it('E_SIGNATURE: legacy Ed algorithm → legacy; flipped signature byte → signature', () => {
    expect(manifestSignature(openBundle('invalid/E_SIGNATURE__legacy-Ed-algorithm.cstb'))).toEqual({ ok: false, reason: 'legacy' });
    expect(manifestSignature(openBundle('invalid/E_SIGNATURE__flipped-signature-byte.cstb'))).toEqual({ ok: false, reason: 'signature' });
  });

  it('E_FORMAT: duplicate JSON key in the manifest → IJsonError', () => {
    const zip = openBundle('invalid/E_FORMAT__duplicate-json-key-in-manifest.cstb');
    expect(() => parseIJson(zip.readEntry('manifest.json'), 'manifest.json')).toThrow(IJsonError);
  });

  it('E_FORMAT: path traversal entry → ZipError format', () => {
    let err: unknown;
    try {
      openBundle('invalid/E_FORMAT__path-traversal-entry.cstb');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ZipError);
    expect((err as ZipError).code).toBe('format');
    expect((err as ZipError).message).toMatch(/\.\.\//);
  });
});
