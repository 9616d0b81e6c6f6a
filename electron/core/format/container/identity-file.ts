/**
 * The identity file (.cstid) of docs/bundle-format.md: a ZIP with `identity.json` and
 * `identity.json.minisig`, signed by the key it introduces, trusted comment
 * `cst-identity v1 id=<id>`. Reading runs every check; accepting the keys still needs a
 * person to confirm the fingerprint (not this module's business).
 */
import { parseMinisignPublicKey, minisignPublicKeyString, signMinisign, verifyMinisign } from '../crypto/minisign';
import type { SigningKeyPair } from '../crypto/minisign';
import { isAgeRecipient } from '../crypto/age';
import { IJsonError, parseIJson } from './ijson';
import { openZip, ZipError } from './zip-reader';
import { writeZip } from './zip-writer';
import { readFileUpTo } from '../../platform/fs/bounded-read';
import { messageFor, type MessageKey } from '../../../../shared/errors/catalogue';

export interface IdentityJson {
  format: 'cst-identity';
  version: 1;
  kind: 'municipality' | 'hub';
  id: string;
  name: string;
  signing_key: string;
  age_recipient: string;
  created_at: string;
}

export type IdentityFileErrorCode = 'E_FORMAT' | 'E_SIGNATURE' | 'E_LIMIT';
type IdentityFileMessageKey = Extract<MessageKey, `identityFile.${string}`>;

/**
 * `key` names the clerk's sentence in the error catalogue (`message` is its Italian text);
 * `detail` is the technical reason, for logs.
 */
export class IdentityFileError extends Error {
  constructor(
    readonly code: IdentityFileErrorCode,
    readonly key: IdentityFileMessageKey,
    readonly detail: string,
  ) {
    super(messageFor(key));
    this.name = 'IdentityFileError';
  }
}

export const IDENTITY_ENTRY = 'identity.json';
export const IDENTITY_SIGNATURE_ENTRY = 'identity.json.minisig';
/** Field order as docs/bundle-format.md shows it; we write in this order, we accept any order. */
const FIELDS = ['format', 'version', 'kind', 'id', 'name', 'signing_key', 'age_recipient', 'created_at'] as const;
/** Far above a real identity file (~1 KB); a bigger file is not one of ours. */
export const MAX_IDENTITY_FILE_BYTES = 64 * 1024;
const MAX_ENTRY_BYTES = 16 * 1024;
const MAX_NAME_CHARS = 256;
const ID_PATTERN = { municipality: /^[0-9]{6}$/, hub: /^[A-Z0-9-]{1,32}$/ } as const;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
// C0, DEL, C1 and the bidirectional overrides, as for every typed name (shared/records/common.ts).
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

// The clerk's sentences are the catalogue's (shared/errors/sync-messages.ts, identityFile.*).
const MSG_FORMAT = 'identityFile.format';
const MSG_FIELDS = 'identityFile.fields';
const MSG_SIGNATURE = 'identityFile.signature';
const MSG_LIMIT = 'identityFile.limit';

export function identityTrustedComment(id: string): string {
  return `cst-identity v1 id=${id}`;
}

export function buildIdentityFile(identity: IdentityJson, key: SigningKeyPair): Buffer {
  if (minisignPublicKeyString(key.publicKey, key.keyId) !== identity.signing_key) {
    throw new Error('buildIdentityFile: signing_key is not the key that signs');
  }
  const ordered = Object.fromEntries(FIELDS.map((f) => [f, identity[f]]));
  const json = Buffer.from(JSON.stringify(ordered), 'utf8');
  checkFields(parseIJson(json, IDENTITY_ENTRY));
  const sig = signMinisign(json, key, identityTrustedComment(identity.id));
  return writeZip([
    { name: IDENTITY_ENTRY, data: json },
    { name: IDENTITY_SIGNATURE_ENTRY, data: Buffer.from(sig, 'utf8') },
  ]);
}

function fieldError(detail: string): never {
  throw new IdentityFileError('E_FORMAT', MSG_FIELDS, `identity.json: ${detail}`);
}

function isString(v: unknown): v is string {
  return typeof v === 'string';
}

/** Exactly the fields, with the right types and patterns. */
function checkFields(value: unknown): IdentityJson {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fieldError('not a JSON object');
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  const extra = keys.filter((k) => !(FIELDS as readonly string[]).includes(k));
  const missing = FIELDS.filter((f) => !keys.includes(f));
  if (extra.length > 0) fieldError(`unexpected field(s) ${extra.join(', ')}`);
  if (missing.length > 0) fieldError(`missing field(s) ${missing.join(', ')}`);
  const { format, version, kind, id, name, signing_key, age_recipient, created_at } = obj;
  if (format !== 'cst-identity') fieldError('format is not "cst-identity"');
  if (version !== 1) fieldError(`unsupported version ${JSON.stringify(version)}`);
  if (kind !== 'municipality' && kind !== 'hub') fieldError('kind is neither "municipality" nor "hub"');
  if (!isString(id) || !ID_PATTERN[kind].test(id)) fieldError(`id does not match the pattern for kind ${kind}`);
  if (!isString(name) || name.length < 1 || name.length > MAX_NAME_CHARS || CONTROL_CHARS.test(name)) {
    fieldError(`name must be 1–${MAX_NAME_CHARS} characters without control characters`);
  }
  if (!isString(signing_key)) fieldError('signing_key is not a string');
  try {
    parseMinisignPublicKey(signing_key);
  } catch {
    fieldError('signing_key is not a minisign Ed25519 public key');
  }
  if (!isString(age_recipient) || !isAgeRecipient(age_recipient)) fieldError('age_recipient is not an age X25519 recipient');
  if (!isString(created_at) || !TIMESTAMP.test(created_at) || Number.isNaN(Date.parse(created_at)) || new Date(created_at).toISOString() !== created_at) {
    fieldError('created_at is not an RFC 3339 UTC timestamp with milliseconds');
  }
  return { format, version, kind, id, name, signing_key, age_recipient, created_at };
}

/**
 * The bytes of the identity file at `path`, refused (E_LIMIT) once past the limit without
 * reading the rest: a 3 GB file or `/dev/zero` given by mistake costs 64 KiB, not the memory.
 * Errors of the file system (missing, unreadable) are thrown as they are.
 */
export function readIdentityFileBytes(path: string): Buffer {
  const bytes = readFileUpTo(path, MAX_IDENTITY_FILE_BYTES);
  if (!bytes) throw new IdentityFileError('E_LIMIT', MSG_LIMIT, `more than ${MAX_IDENTITY_FILE_BYTES} bytes`);
  return bytes;
}

export function readIdentityFile(bytes: Buffer): IdentityJson {
  if (bytes.length > MAX_IDENTITY_FILE_BYTES) {
    throw new IdentityFileError('E_LIMIT', MSG_LIMIT, `file is ${bytes.length} bytes, limit ${MAX_IDENTITY_FILE_BYTES}`);
  }
  let json: Buffer;
  let sig: Buffer;
  try {
    const zip = openZip(bytes, {
      allowedNames: (n) => n === IDENTITY_ENTRY || n === IDENTITY_SIGNATURE_ENTRY,
      maxEntries: 2,
      maxEntryBytes: () => MAX_ENTRY_BYTES,
      maxTotalBytes: 2 * MAX_ENTRY_BYTES,
    });
    json = zip.readEntry(IDENTITY_ENTRY);
    sig = zip.readEntry(IDENTITY_SIGNATURE_ENTRY);
  } catch (err) {
    if (!(err instanceof ZipError)) throw err;
    throw new IdentityFileError(err.code === 'limit' ? 'E_LIMIT' : 'E_FORMAT', err.code === 'limit' ? MSG_LIMIT : MSG_FORMAT, err.message);
  }
  let value: unknown;
  try {
    value = parseIJson(json, IDENTITY_ENTRY);
  } catch (err) {
    if (!(err instanceof IJsonError)) throw err;
    throw new IdentityFileError('E_FORMAT', MSG_FIELDS, err.message);
  }
  const identity = checkFields(value);
  const verdict = verifyMinisign(json, sig, parseMinisignPublicKey(identity.signing_key));
  if (!verdict.ok) throw new IdentityFileError('E_SIGNATURE', MSG_SIGNATURE, `identity.json.minisig: ${verdict.reason}`);
  const expected = identityTrustedComment(identity.id);
  if (verdict.trustedComment !== expected) {
    throw new IdentityFileError('E_SIGNATURE', MSG_SIGNATURE, `trusted comment ${JSON.stringify(verdict.trustedComment)} ≠ ${JSON.stringify(expected)}`);
  }
  return identity;
}
