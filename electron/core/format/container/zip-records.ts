/**
 * ZIP record layouts (APPNOTE.TXT 4.3), shared by the writer and the reader. Only the plain,
 * non-ZIP64 subset used by docs/bundle-format.md "Container".
 */

export const SIG_LOCAL = 0x04034b50;
export const SIG_CENTRAL = 0x02014b50;
export const SIG_END = 0x06054b50;
export const SIG_ZIP64_END = 0x06064b50;
export const SIG_ZIP64_LOCATOR = 0x07064b50;
/** Optional signature of a data descriptor (APPNOTE 4.3.9.3). */
export const SIG_DESCRIPTOR = 0x08074b50;

export const LOCAL_HEADER_BYTES = 30;
export const CENTRAL_HEADER_BYTES = 46;
export const END_RECORD_BYTES = 22;
export const ZIP64_LOCATOR_BYTES = 20;
export const MAX_COMMENT_BYTES = 0xffff;

export const METHOD_STORED = 0;
export const METHOD_DEFLATE = 8;

/** General-purpose flag bits (APPNOTE 4.4.4). */
export const FLAG_ENCRYPTED = 0x0001;
export const FLAG_DATA_DESCRIPTOR = 0x0008;
export const FLAG_STRONG_ENCRYPTION = 0x0040;
export const FLAG_UTF8 = 0x0800;
export const FLAG_MASKED_HEADERS = 0x2000;
/**
 * Bits 1–2 (deflate level hints), 3 (data descriptor, checked against the central directory)
 * and 11 (UTF-8 names) are allowed; every other bit is refused.
 */
export const FLAGS_ALLOWED = 0x0006 | FLAG_DATA_DESCRIPTOR | FLAG_UTF8;

export const ZIP64_EXTRA_ID = 0x0001;

/** 1980-01-01 00:00:00, the DOS epoch: fixed so that the same entries give the same bytes. */
export const DOS_TIME = 0;
export const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** "Made by" Unix, spec 2.0; version needed 2.0 (deflate). */
export const VERSION_MADE_BY = (3 << 8) | 20;
export const VERSION_NEEDED = 20;
/** Unix regular file, rw-r--r--. */
export const EXTERNAL_ATTRS = (0o100644 << 16) >>> 0;

export interface RecordFields {
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  name: Buffer;
}

export function encodeLocalHeader(f: RecordFields): Buffer {
  const b = Buffer.alloc(LOCAL_HEADER_BYTES + f.name.length);
  b.writeUInt32LE(SIG_LOCAL, 0);
  b.writeUInt16LE(VERSION_NEEDED, 4);
  b.writeUInt16LE(f.flags, 6);
  b.writeUInt16LE(f.method, 8);
  b.writeUInt16LE(DOS_TIME, 10);
  b.writeUInt16LE(DOS_DATE, 12);
  b.writeUInt32LE(f.crc32, 14);
  b.writeUInt32LE(f.compressedSize, 18);
  b.writeUInt32LE(f.size, 22);
  b.writeUInt16LE(f.name.length, 26);
  b.writeUInt16LE(0, 28);
  f.name.copy(b, LOCAL_HEADER_BYTES);
  return b;
}

export function encodeCentralHeader(f: RecordFields, localOffset: number): Buffer {
  const b = Buffer.alloc(CENTRAL_HEADER_BYTES + f.name.length);
  b.writeUInt32LE(SIG_CENTRAL, 0);
  b.writeUInt16LE(VERSION_MADE_BY, 4);
  b.writeUInt16LE(VERSION_NEEDED, 6);
  b.writeUInt16LE(f.flags, 8);
  b.writeUInt16LE(f.method, 10);
  b.writeUInt16LE(DOS_TIME, 12);
  b.writeUInt16LE(DOS_DATE, 14);
  b.writeUInt32LE(f.crc32, 16);
  b.writeUInt32LE(f.compressedSize, 20);
  b.writeUInt32LE(f.size, 24);
  b.writeUInt16LE(f.name.length, 28);
  // extra length, comment length, disk number start, internal attributes: all 0.
  b.writeUInt32LE(EXTERNAL_ATTRS, 38);
  b.writeUInt32LE(localOffset, 42);
  f.name.copy(b, CENTRAL_HEADER_BYTES);
  return b;
}

export function encodeEndRecord(entries: number, cdSize: number, cdOffset: number): Buffer {
  const b = Buffer.alloc(END_RECORD_BYTES);
  b.writeUInt32LE(SIG_END, 0);
  b.writeUInt16LE(entries, 8);
  b.writeUInt16LE(entries, 10);
  b.writeUInt32LE(cdSize, 12);
  b.writeUInt32LE(cdOffset, 16);
  return b;
}

/**
 * The structural name rules every ZIP here obeys, whatever names the caller allows: the
 * reason a name is unsafe, or null. Checked by the writer too, so we never produce what we
 * would refuse.
 */
export function unsafeNameReason(name: string): string | null {
  if (name === '') return 'empty name';
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control character in name';
  if (name.includes('\\')) return 'backslash in name';
  if (name.endsWith('/')) return 'directory entry';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'absolute path';
  if (name.split('/').some((seg) => seg === '.' || seg === '..' || seg === '')) return '"./", "../" or empty path segment';
  return null;
}

/** Non-ZIP64 means every size and offset below 0xFFFFFFFF and fewer than 0xFFFF entries. */
export const MAX_ZIP32 = 0xffffffff;
export const MAX_ENTRIES = 0xffff;
