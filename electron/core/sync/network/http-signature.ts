/**
 * HTTP Message Signatures (RFC 9421) with Ed25519, and Content-Digest (RFC 9530): how every
 * request to the consortium's mailbox proves who sent it (docs/sync.md "Signed requests").
 *
 * Our profile covers `"@method" "@target-uri" "content-digest"` with the parameters `created`,
 * `keyid`, `alg="ed25519"` and `nonce`, under the label `cst`. The signature base is built by the
 * general rules of RFC 9421 §2.5 for any list of derived components and header fields, so the
 * RFC's own example (Appendix B.2.6) is a test of this code.
 *
 * Pure: no clock, no I/O. The caller passes `created` and the nonce; the verifier's caller
 * checks the time window and the nonce's freshness (the mailbox's store).
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

export const SIGNATURE_LABEL = 'cst';
export const COVERED_COMPONENTS = ['@method', '@target-uri', 'content-digest'] as const;

/** The request as the signer sends it and the verifier sees it. */
export interface SignableRequest {
  method: string;
  /** The full target URI: scheme, authority, path and query, as sent. */
  targetUri: string;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
}

export interface SignatureParams {
  created: number;
  keyid: string;
  alg?: 'ed25519';
  nonce?: string;
}

const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function ed25519PrivateKey(seed: Buffer): KeyObject {
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

export function ed25519PublicKey(raw: Buffer): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** RFC 9530: `sha-256=:<base64>:` of the body as sent (empty body included). */
export function contentDigest(body: Buffer | Uint8Array = Buffer.alloc(0)): string {
  return `sha-256=:${createHash('sha256').update(body).digest('base64')}:`;
}

/** Parses a Content-Digest field and returns its sha-256 value (bytes), or null. */
export function parseContentDigest(field: string | undefined): Buffer | null {
  if (!field) return null;
  for (const member of field.split(',')) {
    const m = /^\s*sha-256=:([A-Za-z0-9+/]+={0,2}):\s*$/.exec(member);
    if (m) {
      const bytes = Buffer.from(m[1] as string, 'base64');
      return bytes.length === 32 ? bytes : null;
    }
  }
  return null;
}

/** The serialized inner list with its parameters (RFC 9421 §2.3), in the order given. */
export function signatureParamsValue(components: readonly string[], params: SignatureParams): string {
  const list = `(${components.map((c) => `"${c}"`).join(' ')})`;
  let out = `${list};created=${params.created}`;
  out += `;keyid="${params.keyid}"`;
  if (params.alg) out += `;alg="${params.alg}"`;
  if (params.nonce !== undefined) out += `;nonce="${params.nonce}"`;
  return out;
}

function componentValue(req: SignableRequest, name: string): string {
  const url = new URL(req.targetUri);
  switch (name) {
    case '@method':
      return req.method.toUpperCase();
    case '@target-uri':
      return req.targetUri;
    case '@authority':
      return url.host.toLowerCase();
    case '@path':
      return url.pathname;
    case '@query':
      return url.search === '' ? '?' : url.search;
    case '@scheme':
      return url.protocol.replace(/:$/, '');
    default: {
      if (name.startsWith('@')) throw new SignatureError('unsupported_component', name);
      const value = req.headers[name];
      if (value === undefined) throw new SignatureError('missing_component', name);
      // RFC 9421 §2.1: leading and trailing whitespace removed.
      return value.trim();
    }
  }
}

/** RFC 9421 §2.5: one line per covered component, then the `@signature-params` line; no final LF. */
export function signatureBase(req: SignableRequest, components: readonly string[], paramsValue: string): string {
  const lines = components.map((c) => `"${c}": ${componentValue(req, c)}`);
  lines.push(`"@signature-params": ${paramsValue}`);
  return lines.join('\n');
}

export class SignatureError extends Error {
  constructor(
    readonly reason: 'unsigned' | 'malformed' | 'unsupported_component' | 'missing_component' | 'not_our_profile' | 'bad_signature',
    detail = '',
  ) {
    super(`${reason}${detail ? `: ${detail}` : ''}`);
  }
}

/** The `Signature-Input` and `Signature` fields to add to a request. */
export function signRequest(
  req: SignableRequest,
  key: KeyObject,
  params: SignatureParams,
  components: readonly string[] = COVERED_COMPONENTS,
  label = SIGNATURE_LABEL,
): { 'signature-input': string; signature: string } {
  const paramsValue = signatureParamsValue(components, params);
  const sig = sign(null, Buffer.from(signatureBase(req, components, paramsValue), 'utf8'), key);
  return { 'signature-input': `${label}=${paramsValue}`, signature: `${label}=:${sig.toString('base64')}:` };
}

export interface ParsedSignature {
  components: string[];
  params: { created: number; keyid: string; alg: string | undefined; nonce: string | undefined };
  paramsValue: string;
  signature: Buffer;
}

/**
 * Reads our label's entry from `Signature-Input` and `Signature`. Strict: one label, known
 * parameters, integer `created`, quoted strings without escapes (all we ever send).
 */
export function parseSignature(headers: Record<string, string | undefined>, label = SIGNATURE_LABEL): ParsedSignature {
  const input = headers['signature-input'];
  const sigField = headers.signature;
  if (!input || !sigField) throw new SignatureError('unsigned');
  const inputMatch = new RegExp(`^\\s*${label}=(\\(([^)]*)\\)((?:;[a-z]+=(?:"[^"\\\\]*"|-?[0-9]+))*))\\s*$`).exec(input);
  const sigMatch = new RegExp(`^\\s*${label}=:([A-Za-z0-9+/]+={0,2}):\\s*$`).exec(sigField);
  if (!inputMatch || !sigMatch) throw new SignatureError('malformed');
  const components = (inputMatch[2] as string).trim() === '' ? [] : (inputMatch[2] as string).trim().split(/\s+/);
  if (!components.every((c) => /^"[a-z0-9@_.-]+"$/.test(c))) throw new SignatureError('malformed');
  const params: Record<string, string> = {};
  for (const m of (inputMatch[3] as string).matchAll(/;([a-z]+)=("[^"\\]*"|-?[0-9]+)/g)) {
    const k = m[1] as string;
    if (k in params) throw new SignatureError('malformed', `duplicate ${k}`);
    params[k] = m[2] as string;
  }
  const unquote = (v: string | undefined) => (v !== undefined && v.startsWith('"') ? v.slice(1, -1) : undefined);
  const created = params.created !== undefined && /^-?[0-9]+$/.test(params.created) ? Number(params.created) : NaN;
  const keyid = unquote(params.keyid);
  if (!Number.isSafeInteger(created) || keyid === undefined) throw new SignatureError('malformed', 'created or keyid');
  const signature = Buffer.from(sigMatch[1] as string, 'base64');
  return {
    components: components.map((c) => c.slice(1, -1)),
    params: { created, keyid, alg: unquote(params.alg), nonce: unquote(params.nonce) },
    paramsValue: inputMatch[1] as string,
    signature,
  };
}

/** Checks that the parsed signature follows our profile: the three components, ed25519, a nonce. */
export function requireOurProfile(parsed: ParsedSignature): void {
  const same = parsed.components.length === COVERED_COMPONENTS.length && COVERED_COMPONENTS.every((c, i) => parsed.components[i] === c);
  if (!same || parsed.params.alg !== 'ed25519' || !parsed.params.nonce || !/^[A-Za-z0-9_-]{16,64}$/.test(parsed.params.nonce)) {
    throw new SignatureError('not_our_profile');
  }
}

/** Verifies the signature over the request as received; throws SignatureError when it does not hold. */
export function verifyRequestSignature(req: SignableRequest, parsed: ParsedSignature, key: KeyObject): void {
  const base = signatureBase(req, parsed.components, parsed.paramsValue);
  if (parsed.signature.length !== 64 || !verify(null, Buffer.from(base, 'utf8'), key, parsed.signature)) {
    throw new SignatureError('bad_signature');
  }
}
