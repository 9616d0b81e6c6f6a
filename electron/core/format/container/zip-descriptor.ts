/**
 * Data descriptors (APPNOTE 4.3.9): an entry with general-purpose flag bit 3 carries its CRC-32
 * and sizes after its data, because a streaming writer (Info-ZIP writing to a pipe, Python's
 * zipfile on a stream, Go's archive/zip, Java's ZipOutputStream) learns them only there.
 * docs/bundle-format.md "Container": with or without its signature, the descriptor MUST equal the
 * central directory's CRC and sizes.
 *
 * The descriptor's length is not guessed from its first bytes (a CRC-32 may equal the
 * signature): the strict layout says an entry's bytes end exactly where the next structure
 * begins, so the length is the gap, and each length has one meaning:
 *   12 = CRC, sizes (32-bit)          16 = signature, CRC, sizes (32-bit)
 *   20 = CRC, sizes (64-bit)          24 = signature, CRC, sizes (64-bit)
 * 64-bit sizes belong to ZIP64 entries (APPNOTE 4.3.9.1: only with a ZIP64 extra field), which
 * the format refuses; they are named as such rather than as a damaged descriptor.
 */
import { ZipError } from './zip-error';
import { SIG_DESCRIPTOR } from './zip-records';

export const MAX_DESCRIPTOR_BYTES = 24;

export interface DescribedEntry {
  name: string;
  crc32: number;
  compressedSize: number;
  size: number;
}

function fail(detail: string): never {
  throw new ZipError('format', detail);
}

/** `bytes`: everything between the entry's data and the next structure (at most 25 bytes read). */
export function checkDescriptor(bytes: Buffer, e: DescribedEntry): void {
  const where = `entry ${JSON.stringify(e.name)}`;
  const signed = bytes.length >= 4 && bytes.readUInt32LE(0) === SIG_DESCRIPTOR;
  if (bytes.length === 20 || (bytes.length === 24 && signed)) fail(`${where}: ZIP64 data descriptor (ZIP64 is not allowed)`);
  if (bytes.length === 16 && !signed) fail(`${where}: data descriptor of 16 bytes without its signature`);
  if (bytes.length !== 12 && bytes.length !== 16) {
    fail(bytes.length === 0 ? `${where}: data descriptor missing (flag bit 3 set)` : `${where}: data descriptor malformed (${bytes.length > MAX_DESCRIPTOR_BYTES ? 'more than 24' : bytes.length} bytes after the data)`);
  }
  // A 12-byte descriptor starts with the CRC even when that CRC happens to equal the signature.
  const p = bytes.length === 16 ? 4 : 0;
  const disagree = (field: string) => fail(`${where}: data descriptor disagrees with central directory (${field})`);
  if (bytes.readUInt32LE(p) !== e.crc32) disagree('CRC-32');
  if (bytes.readUInt32LE(p + 4) !== e.compressedSize) disagree('compressed size');
  if (bytes.readUInt32LE(p + 8) !== e.size) disagree('size');
}
