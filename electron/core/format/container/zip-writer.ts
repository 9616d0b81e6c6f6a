/**
 * Writes a plain ZIP in memory: no ZIP64, no data descriptors, no extra fields, fixed DOS
 * timestamp, entries in the given order. The same entries always give the same bytes (for a
 * given zlib), and the result passes our own strict reader (zip-reader.ts) and `unzip -t`.
 * For archives too big for memory, see zip-file-writer.ts.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import {
  encodeCentralHeader,
  encodeEndRecord,
  encodeLocalHeader,
  FLAG_UTF8,
  MAX_ENTRIES,
  MAX_ZIP32,
  METHOD_DEFLATE,
  METHOD_STORED,
  unsafeNameReason,
} from './zip-records';
import type { RecordFields } from './zip-records';

export interface ZipInputEntry {
  name: string;
  data: Buffer;
  /** 8 (deflate, the default) or 0 (stored). */
  method?: 0 | 8;
}

/** Validates a name and returns the record fields that depend on it only. */
export function nameFields(name: string): { name: Buffer; flags: number } {
  const reason = unsafeNameReason(name);
  if (reason) throw new Error(`zip: refusing to write ${JSON.stringify(name)}: ${reason}`);
  const bytes = Buffer.from(name, 'utf8');
  if (bytes.length > 0xffff) throw new Error('zip: name too long');
  // Bit 11 tells readers the name is UTF-8; pure ASCII names need no flag.
  return { name: bytes, flags: bytes.length === name.length ? 0 : FLAG_UTF8 };
}

export function writeZip(entries: ZipInputEntry[]): Buffer {
  if (entries.length >= MAX_ENTRIES) throw new Error('zip: too many entries for a non-ZIP64 archive');
  const seen = new Set<string>();
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    if (seen.has(entry.name)) throw new Error(`zip: duplicate entry ${JSON.stringify(entry.name)}`);
    seen.add(entry.name);
    const method = entry.method ?? METHOD_DEFLATE;
    if (method !== METHOD_DEFLATE && method !== METHOD_STORED) throw new Error('zip: method must be 0 or 8');
    const body = method === METHOD_DEFLATE ? deflateRawSync(entry.data) : entry.data;
    const fields: RecordFields = {
      ...nameFields(entry.name),
      method,
      crc32: crc32(entry.data),
      compressedSize: body.length,
      size: entry.data.length,
    };
    if (fields.size >= MAX_ZIP32 || fields.compressedSize >= MAX_ZIP32) throw new Error('zip: entry too large for a non-ZIP64 archive');
    const local = encodeLocalHeader(fields);
    central.push(encodeCentralHeader(fields, offset));
    parts.push(local, body);
    offset += local.length + body.length;
  }
  const cd = Buffer.concat(central);
  if (offset + cd.length >= MAX_ZIP32) throw new Error('zip: archive too large for a non-ZIP64 archive');
  return Buffer.concat([...parts, cd, encodeEndRecord(entries.length, cd.length, offset)]);
}
