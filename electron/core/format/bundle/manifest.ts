/**
 * manifest.json of a bundle (docs/bundle-format.md "Bundle"): writing it exactly (members in the
 * order the format shows, compact JSON) and checking a received one (step 4).
 */
import type { Role } from '../../../../shared/domain/ids';
import { IJsonError, parseIJson } from '../container/ijson';
import type { BundleLimits } from './limits';

export interface PartyRef {
  kind: Role;
  id: string;
}

export interface ManifestFile {
  sha256: string;
  bytes: number;
  name: string;
  type: string;
}

export interface Manifest {
  format: 'cst-bundle';
  version: 1;
  schema: 1;
  bundle_id: string;
  created_at: string;
  sender: PartyRef;
  recipient: PartyRef;
  key_id: string;
  events: {
    sha256: string;
    bytes: number;
    count: number;
    first_seq: number;
    last_seq: number;
    prev_hash: string;
    last_hash: string;
  };
  files: ManifestFile[];
  ack: { seq: number; hash: string } | null;
  app: { name: string; version: string };
}

/** The record schemas version this reader understands (`schema`), and the format version. */
export const SUPPORTED_FORMAT_VERSION = 1;
export const SUPPORTED_SCHEMA = 1;

/** Compact JSON, members in the format's order (JSON.stringify keeps insertion order). */
export function manifestBytes(m: Manifest): Buffer {
  const ordered: Manifest = {
    format: m.format,
    version: m.version,
    schema: m.schema,
    bundle_id: m.bundle_id,
    created_at: m.created_at,
    sender: { kind: m.sender.kind, id: m.sender.id },
    recipient: { kind: m.recipient.kind, id: m.recipient.id },
    key_id: m.key_id,
    events: {
      sha256: m.events.sha256,
      bytes: m.events.bytes,
      count: m.events.count,
      first_seq: m.events.first_seq,
      last_seq: m.events.last_seq,
      prev_hash: m.events.prev_hash,
      last_hash: m.events.last_hash,
    },
    files: m.files.map((f) => ({ sha256: f.sha256, bytes: f.bytes, name: f.name, type: f.type })),
    ack: m.ack === null ? null : { seq: m.ack.seq, hash: m.ack.hash },
    app: { name: m.app.name, version: m.app.version },
  };
  return Buffer.from(JSON.stringify(ordered), 'utf8');
}

export type ManifestCheck =
  | { ok: true; manifest: Manifest }
  | { ok: false; code: 'E_FORMAT' | 'E_VERSION' | 'E_LIMIT'; detail: string; appVersion: string | null; partial: Partial<Manifest> | null };

const HASH = /^[0-9a-f]{64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const KEY_ID = /^[0-9A-F]{16}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ID_PATTERN: Record<Role, RegExp> = { municipality: /^[0-9]{6}$/, hub: /^[A-Z0-9-]{1,32}$/ };

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const d2 = (s: string, i: number) => (s.charCodeAt(i) - 48) * 10 + (s.charCodeAt(i + 1) - 48);

/** RFC 3339 UTC with milliseconds, a real date and time (runs on every event line: no Date objects). */
export function isTimestamp(v: unknown): v is string {
  if (typeof v !== 'string' || v.length !== 24 || !TIMESTAMP.test(v)) return false;
  const year = d2(v, 0) * 100 + d2(v, 2);
  const month = d2(v, 5);
  const day = d2(v, 8);
  if (month < 1 || month > 12 || day < 1 || d2(v, 11) > 23 || d2(v, 14) > 59 || d2(v, 17) > 59) return false;
  const leap = month === 2 && (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 1 : 0;
  return day <= (DAYS[month - 1] as number) + leap;
}

class FieldError extends Error {}

function obj(v: unknown, where: string, fields: readonly string[]): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new FieldError(`${where} is not an object`);
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  const missing = fields.filter((f) => !keys.includes(f));
  const extra = keys.filter((k) => !fields.includes(k));
  if (missing.length) throw new FieldError(`${where}: missing ${missing.join(', ')}`);
  if (extra.length) throw new FieldError(`${where}: unexpected ${extra.join(', ')}`);
  return o;
}

function str(v: unknown, where: string, pattern?: RegExp): string {
  if (typeof v !== 'string') throw new FieldError(`${where} is not a string`);
  if (pattern && !pattern.test(v)) throw new FieldError(`${where} ${JSON.stringify(v.slice(0, 80))} does not match ${pattern}`);
  return v;
}

function int(v: unknown, where: string, min: number): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) throw new FieldError(`${where} is not an integer ≥ ${min}`);
  return v;
}

function party(v: unknown, where: string): PartyRef {
  const o = obj(v, where, ['kind', 'id']);
  const kind = o.kind;
  if (kind !== 'municipality' && kind !== 'hub') throw new FieldError(`${where}.kind is neither "municipality" nor "hub"`);
  return { kind, id: str(o.id, `${where}.id`, ID_PATTERN[kind]) };
}

const TOP = ['format', 'version', 'schema', 'bundle_id', 'created_at', 'sender', 'recipient', 'key_id', 'events', 'files', 'ack', 'app'] as const;
const EVENTS = ['sha256', 'bytes', 'count', 'first_seq', 'last_seq', 'prev_hash', 'last_hash'] as const;

/**
 * Step 4, in the format's order: I-JSON and `format` (E_FORMAT), then `version` and `schema`
 * (E_VERSION, naming the sender's app.version when it can be read), then every field
 * (E_FORMAT), then the limits on `count` and attachments (E_LIMIT).
 */
export function checkManifest(bytes: Buffer, limits: BundleLimits): ManifestCheck {
  let value: unknown;
  try {
    value = parseIJson(bytes, 'manifest.json');
  } catch (err) {
    if (err instanceof IJsonError) return { ok: false, code: 'E_FORMAT', detail: err.message, appVersion: null, partial: null };
    throw err;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, code: 'E_FORMAT', detail: 'manifest.json is not a JSON object', appVersion: null, partial: null };
  }
  const o = value as Record<string, unknown>;
  const app = o.app as Record<string, unknown> | undefined;
  const appVersion = typeof app === 'object' && app !== null && typeof app.version === 'string' ? app.version.slice(0, 64) : null;
  const partial = value as Partial<Manifest>;
  if (o.format !== 'cst-bundle') return { ok: false, code: 'E_FORMAT', detail: 'format is not "cst-bundle"', appVersion, partial };
  if ('version' in o && o.version !== SUPPORTED_FORMAT_VERSION) {
    return { ok: false, code: 'E_VERSION', detail: `version ${JSON.stringify(o.version)} (this reader: ${SUPPORTED_FORMAT_VERSION})`, appVersion, partial };
  }
  if ('schema' in o && o.schema !== SUPPORTED_SCHEMA) {
    return { ok: false, code: 'E_VERSION', detail: `schema ${JSON.stringify(o.schema)} (this reader: ${SUPPORTED_SCHEMA})`, appVersion, partial };
  }
  let m: Manifest;
  try {
    m = fields(o);
  } catch (err) {
    if (err instanceof FieldError) return { ok: false, code: 'E_FORMAT', detail: `manifest.json: ${err.message}`, appVersion, partial };
    throw err;
  }
  if (m.events.count > limits.events) {
    return { ok: false, code: 'E_LIMIT', detail: `events.count ${m.events.count} > ${limits.events}`, appVersion, partial: m };
  }
  if (m.files.length > limits.attachments) {
    return { ok: false, code: 'E_LIMIT', detail: `${m.files.length} attachments > ${limits.attachments}`, appVersion, partial: m };
  }
  const big = m.files.find((f) => f.bytes > limits.attachmentBytes);
  if (big) return { ok: false, code: 'E_LIMIT', detail: `attachment ${big.sha256} declares ${big.bytes} bytes > ${limits.attachmentBytes}`, appVersion, partial: m };
  if (m.events.bytes > limits.totalInflatedBytes) {
    return { ok: false, code: 'E_LIMIT', detail: `events.bytes ${m.events.bytes} > ${limits.totalInflatedBytes}`, appVersion, partial: m };
  }
  return { ok: true, manifest: m };
}

function fields(o: Record<string, unknown>): Manifest {
  obj(o, 'manifest', TOP);
  const ev = obj(o.events, 'events', EVENTS);
  const files = o.files;
  if (!Array.isArray(files)) throw new FieldError('files is not an array');
  const seen = new Set<string>();
  const list = files.map((f, i) => {
    const fo = obj(f, `files[${i}]`, ['sha256', 'bytes', 'name', 'type']);
    const sha = str(fo.sha256, `files[${i}].sha256`, HASH);
    if (seen.has(sha)) throw new FieldError(`files[${i}].sha256 listed twice`);
    seen.add(sha);
    return { sha256: sha, bytes: int(fo.bytes, `files[${i}].bytes`, 0), name: str(fo.name, `files[${i}].name`), type: str(fo.type, `files[${i}].type`) };
  });
  let ack: Manifest['ack'] = null;
  if (o.ack !== null) {
    const a = obj(o.ack, 'ack', ['seq', 'hash']);
    ack = { seq: int(a.seq, 'ack.seq', 0), hash: str(a.hash, 'ack.hash', HASH) };
  }
  const app = obj(o.app, 'app', ['name', 'version']);
  if (!isTimestamp(o.created_at)) throw new FieldError('created_at is not an RFC 3339 UTC timestamp with milliseconds');
  return {
    format: 'cst-bundle',
    version: 1,
    schema: 1,
    bundle_id: str(o.bundle_id, 'bundle_id', UUID),
    created_at: o.created_at,
    sender: party(o.sender, 'sender'),
    recipient: party(o.recipient, 'recipient'),
    key_id: str(o.key_id, 'key_id', KEY_ID),
    events: {
      sha256: str(ev.sha256, 'events.sha256', HASH),
      bytes: int(ev.bytes, 'events.bytes', 0),
      count: int(ev.count, 'events.count', 0),
      first_seq: int(ev.first_seq, 'events.first_seq', 1),
      last_seq: int(ev.last_seq, 'events.last_seq', 0),
      prev_hash: str(ev.prev_hash, 'events.prev_hash', HASH),
      last_hash: str(ev.last_hash, 'events.last_hash', HASH),
    },
    files: list,
    ack,
    app: { name: str(app.name, 'app.name'), version: str(app.version, 'app.version') },
  };
}
