/**
 * Shared fixtures for the crypto/container tests: the published vectors (the project's
 * copy in `test/fixtures/vectors/`), the bundle's name rules, and a raw ZIP builder that can write
 * every defect the strict reader must refuse (our own writer refuses to produce them).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';
import { ZipError, type ZipRules } from '../../electron/core/format/container/zip-reader';

export const VECTORS = process.env.CST_VECTORS_DIR ?? fileURLToPath(new URL('../fixtures/vectors/', import.meta.url));

export function vector(path: string): Buffer {
  return readFileSync(join(VECTORS, path));
}

export interface VectorSecret {
  kind: string;
  id: string;
  key_id: string;
  ed25519_seed: string;
  signing_key: string;
  age_identity: string;
  age_recipient: string;
}

export function vectorSecret(who: 'hub' | 'urbino'): VectorSecret {
  return JSON.parse(vector(`${who}/secret.json`).toString('utf8')) as VectorSecret;
}

export const BUNDLE_NAMES = (name: string): boolean =>
  name === 'manifest.json' || name === 'events.ndjson' || name === 'manifest.json.minisig' || /^files\/[0-9a-f]{64}$/.test(name);

export const BUNDLE_RULES: ZipRules = {
  allowedNames: BUNDLE_NAMES,
  maxEntries: 1003,
  maxEntryBytes: () => 1024 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
};

export const ANY_NAME_RULES: ZipRules = { ...BUNDLE_RULES, allowedNames: () => true };

export function withTmpDir<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'cst-test-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function withTmpDirAsync<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'cst-test-'));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface RawEntry {
  name: string;
  data: Buffer;
  method?: number;
  /** `data` is already the compressed body (for bombs and damaged streams). */
  rawBody?: Buffer;
  flags?: number;
  crc?: number;
  size?: number;
  compressedSize?: number;
  /** Local-header values where they should disagree with the central directory. */
  local?: { name?: string; flags?: number; method?: number; crc?: number; size?: number; compressedSize?: number };
  localExtra?: Buffer;
  centralExtra?: Buffer;
  versionMadeBy?: number;
  externalAttrs?: number;
  /** Bytes inserted before this entry's local header (offsets stay consistent). */
  gapBefore?: Buffer;
  /** Central directory's local-header offset, overriding the real one. */
  offset?: number;
  /** Bytes written right after the data (a data descriptor, see `dataDescriptor`). */
  descriptor?: Buffer;
}

/** A data descriptor (APPNOTE 4.3.9): optional signature, CRC-32, then 32- or 64-bit sizes. */
export function dataDescriptor(d: { crc: number; compressedSize: number; size: number; signature?: boolean; zip64?: boolean }): Buffer {
  const sizeBytes = d.zip64 ? 8 : 4;
  const b = Buffer.alloc(4 + 2 * sizeBytes);
  b.writeUInt32LE(d.crc >>> 0, 0);
  if (d.zip64) {
    b.writeBigUInt64LE(BigInt(d.compressedSize), 4);
    b.writeBigUInt64LE(BigInt(d.size), 12);
  } else {
    b.writeUInt32LE(d.compressedSize >>> 0, 4);
    b.writeUInt32LE(d.size >>> 0, 8);
  }
  if (d.signature === false) return b;
  const sig = Buffer.alloc(4);
  sig.writeUInt32LE(0x08074b50, 0);
  return Buffer.concat([sig, b]);
}

export interface RawZipOptions {
  prefix?: Buffer;
  suffix?: Buffer;
  comment?: Buffer;
  /** Inserted between the central directory and the end record. */
  beforeEnd?: Buffer;
  end?: { entries?: number; entriesOnDisk?: number; cdSize?: number; cdOffset?: number; disk?: number };
}

export function rawZip(entries: RawEntry[], opts: RawZipOptions = {}): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const put = (b: Buffer) => {
    parts.push(b);
    offset += b.length;
  };
  if (opts.prefix) put(opts.prefix);
  for (const e of entries) {
    if (e.gapBefore) put(e.gapBefore);
    const method = e.method ?? 8;
    const body = e.rawBody ?? (method === 8 ? deflateRawSync(e.data) : e.data);
    const c = {
      name: Buffer.from(e.name, 'utf8'),
      flags: e.flags ?? 0,
      method,
      crc: e.crc ?? crc32(e.data),
      size: e.size ?? e.data.length,
      compressedSize: e.compressedSize ?? body.length,
    };
    const l = {
      ...c,
      ...e.local,
      name: e.local?.name === undefined ? c.name : Buffer.from(e.local.name, 'utf8'),
    };
    const localExtra = e.localExtra ?? Buffer.alloc(0);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(l.flags, 6);
    lh.writeUInt16LE(l.method, 8);
    lh.writeUInt16LE(0x21, 12);
    lh.writeUInt32LE(l.crc >>> 0, 14);
    lh.writeUInt32LE(l.compressedSize >>> 0, 18);
    lh.writeUInt32LE(l.size >>> 0, 22);
    lh.writeUInt16LE(l.name.length, 26);
    lh.writeUInt16LE(localExtra.length, 28);
    const localAt = offset;
    put(Buffer.concat([lh, l.name, localExtra, body, e.descriptor ?? Buffer.alloc(0)]));
    const centralExtra = e.centralExtra ?? Buffer.alloc(0);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(e.versionMadeBy ?? (3 << 8) | 20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(c.flags, 8);
    ch.writeUInt16LE(c.method, 10);
    ch.writeUInt16LE(0x21, 14);
    ch.writeUInt32LE(c.crc >>> 0, 16);
    ch.writeUInt32LE(c.compressedSize >>> 0, 20);
    ch.writeUInt32LE(c.size >>> 0, 24);
    ch.writeUInt16LE(c.name.length, 28);
    ch.writeUInt16LE(centralExtra.length, 30);
    ch.writeUInt32LE((e.externalAttrs ?? 0o100644 << 16) >>> 0, 38);
    ch.writeUInt32LE((e.offset ?? localAt) >>> 0, 42);
    central.push(Buffer.concat([ch, c.name, centralExtra]));
  }
  const cd = Buffer.concat(central);
  const cdOffset = offset;
  put(cd);
  if (opts.beforeEnd) put(opts.beforeEnd);
  const comment = opts.comment ?? Buffer.alloc(0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(opts.end?.disk ?? 0, 4);
  end.writeUInt16LE(opts.end?.entriesOnDisk ?? opts.end?.entries ?? entries.length, 8);
  end.writeUInt16LE(opts.end?.entries ?? entries.length, 10);
  end.writeUInt32LE((opts.end?.cdSize ?? cd.length) >>> 0, 12);
  end.writeUInt32LE((opts.end?.cdOffset ?? cdOffset) >>> 0, 16);
  end.writeUInt16LE(comment.length, 20);
  put(Buffer.concat([end, comment]));
  if (opts.suffix) put(opts.suffix);
  return Buffer.concat(parts);
}

/** The ZipError `fn` throws (any other error, or none, fails the test). */
export function refusal(fn: () => unknown): ZipError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ZipError) return err;
    throw err;
  }
  throw new Error('expected a ZipError, got none');
}
