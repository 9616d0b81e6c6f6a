import { createPrivateKey, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  contentDigest,
  ed25519PrivateKey,
  parseContentDigest,
  parseSignature,
  requireOurProfile,
  signRequest,
  SignatureError,
  verifyRequestSignature,
  type SignableRequest,
} from '../../electron/core/sync/network/http-signature';

// RFC 9421 Appendix B.1.4 (test-key-ed25519) and B.2.6 (its signed example request).
const RFC_PRIVATE_KEY = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF\n-----END PRIVATE KEY-----\n';
const RFC_REQUEST: SignableRequest = {
  method: 'POST',
  targetUri: 'https://example.com/foo?param=Value&Pet=dog',
  headers: { date: 'Tue, 20 Apr 2021 02:07:55 GMT', 'content-type': 'application/json', 'content-length': '18' },
};
const RFC_COMPONENTS = ['date', '@method', '@path', '@authority', 'content-type', 'content-length'];
const RFC_SIGNATURE = 'wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==';

describe('HTTP Message Signatures (RFC 9421) with Ed25519', () => {
  it('reproduces the RFC example B.2.6 byte for byte and verifies it', () => {
    const key = createPrivateKey(RFC_PRIVATE_KEY);
    const fields = signRequest(RFC_REQUEST, key, { created: 1618884473, keyid: 'test-key-ed25519' }, RFC_COMPONENTS, 'sig-b26');
    expect(fields.signature).toBe(`sig-b26=:${RFC_SIGNATURE}:`);
    expect(fields['signature-input']).toBe(
      'sig-b26=("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"',
    );
    const parsed = parseSignature({ ...RFC_REQUEST.headers, ...fields }, 'sig-b26');
    expect(() => verifyRequestSignature(RFC_REQUEST, parsed, createPublicKey(key))).not.toThrow();
  });

  const seed = Buffer.alloc(32, 7);
  const body = Buffer.from('{"a":1}');
  const request: SignableRequest = {
    method: 'PUT',
    targetUri: 'http://127.0.0.1:8080/v1/send/hub/' + 'a'.repeat(64),
    headers: { 'content-digest': contentDigest(body) },
  };

  it('signs our profile and refuses any change to method, target or body digest', () => {
    const key = ed25519PrivateKey(seed);
    const fields = signRequest(request, key, { created: 1_800_000_000, keyid: '0123456789ABCDEF', alg: 'ed25519', nonce: 'bm9uY2Utbm9uY2UtMTIz' });
    const parsed = parseSignature({ ...request.headers, ...fields });
    expect(() => requireOurProfile(parsed)).not.toThrow();
    const pub = createPublicKey(key);
    expect(() => verifyRequestSignature(request, parsed, pub)).not.toThrow();
    for (const changed of [
      { ...request, method: 'DELETE' },
      { ...request, targetUri: request.targetUri.replace('/hub/', '/001001/') },
      { ...request, headers: { 'content-digest': contentDigest(Buffer.from('{"a":2}')) } },
    ]) {
      expect(() => verifyRequestSignature(changed, parsed, pub)).toThrow(SignatureError);
    }
  });

  it('refuses unsigned, malformed and other-profile signatures', () => {
    expect(() => parseSignature({})).toThrow(/unsigned/);
    expect(() => parseSignature({ 'signature-input': 'cst=("@method");created=x', signature: 'cst=:AA==:' })).toThrow(/malformed/);
    const key = ed25519PrivateKey(seed);
    const noNonce = signRequest(request, key, { created: 1, keyid: 'K', alg: 'ed25519' });
    expect(() => requireOurProfile(parseSignature(noNonce))).toThrow(/not_our_profile/);
  });

  it('reads the sha-256 member of Content-Digest', () => {
    expect(parseContentDigest(contentDigest(body))?.toString('hex')).toMatch(/^[0-9a-f]{64}$/);
    expect(parseContentDigest('sha-512=:AAAA:')).toBeNull();
    expect(parseContentDigest(undefined)).toBeNull();
  });
});
