/**
 * Reads and checks the structure of a ZIP through its central directory: every rule of
 * docs/bundle-format.md "Container" that can be decided without inflating. Nothing here trusts the
 * local headers except to compare them with the central directory.
 *
 * Decisions beyond the letter of the format:
 * - Data descriptors (flag bit 3) are read from the layout (zip-descriptor.ts): the bytes between
 *   an entry's data and the next structure are its descriptor, and must equal the central
 *   directory. With bit 3 each local CRC/size field may be zero or the central directory's value:
 *   Info-ZIP writing to a pipe fills in the uncompressed size it knows from stat.
 * - The entries must tile the file exactly: first local header at offset 0, each entry's data
 *   followed immediately by the next local header, the last followed immediately by the
 *   central directory, which is followed immediately by the end record, which ends the file
 *   (its comment included). So no byte of the file is outside a checked structure, and no two
 *   entries can share bytes.
 * - An end-record comment is allowed, but only one end record may fit the file's end.
 * - Directory entries are refused, except where the caller reads an archive a person made
 *   (`skipDirectories`: Explorer, `zip -r` and Archive Utility list each folder as an empty
 *   entry named `folder/`): there an empty one is checked like any entry, takes its place in the
 *   layout, and is left out of the entries returned.
 */
import { checkDescriptor, MAX_DESCRIPTOR_BYTES } from './zip-descriptor';
import { ZipError } from './zip-error';
import {
  CENTRAL_HEADER_BYTES,
  END_RECORD_BYTES,
  FLAG_DATA_DESCRIPTOR,
  FLAG_ENCRYPTED,
  FLAG_MASKED_HEADERS,
  FLAG_STRONG_ENCRYPTION,
  FLAG_UTF8,
  FLAGS_ALLOWED,
  LOCAL_HEADER_BYTES,
  MAX_COMMENT_BYTES,
  METHOD_DEFLATE,
  METHOD_STORED,
  SIG_CENTRAL,
  SIG_LOCAL,
  SIG_ZIP64_END,
  SIG_ZIP64_LOCATOR,
  unsafeNameReason,
  ZIP64_EXTRA_ID,
  ZIP64_LOCATOR_BYTES,
} from './zip-records';

export interface ZipEntryInfo {
  name: string;
  method: 0 | 8;
  /** Declared (central directory) sizes and CRC-32; checked again when the entry is read. */
  compressedSize: number;
  size: number;
  crc32: number;
  localHeaderOffset: number;
  /** Offset of the entry's compressed bytes in the file. */
  dataOffset: number;
}

/** Random access to the archive's bytes; `read` returns exactly `length` bytes or throws. */
export interface ByteSource {
  size: number;
  read(offset: number, length: number): Buffer;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const END_SIGNATURE = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

function fail(detail: string): never {
  throw new ZipError('format', detail);
}

function findEndRecord(src: ByteSource): number {
  const tailLength = Math.min(src.size, END_RECORD_BYTES + MAX_COMMENT_BYTES);
  const tailStart = src.size - tailLength;
  const tail = src.read(tailStart, tailLength);
  const candidates: number[] = [];
  let sawSignature = false;
  for (let p = tail.lastIndexOf(END_SIGNATURE); p >= 0; p = p > 0 ? tail.lastIndexOf(END_SIGNATURE, p - 1) : -1) {
    if (p + END_RECORD_BYTES > tail.length) continue;
    sawSignature = true;
    if (p + END_RECORD_BYTES + tail.readUInt16LE(p + 20) === tail.length) candidates.push(tailStart + p);
  }
  if (candidates.length === 0) {
    fail(sawSignature ? 'bytes after the end-of-central-directory record' : 'no end-of-central-directory record (not a ZIP, or truncated)');
  }
  if (candidates.length > 1) fail('ambiguous end-of-central-directory record (another one inside the comment)');
  return candidates[0] as number;
}

function checkExtraField(extra: Buffer, where: string): void {
  let p = 0;
  while (p < extra.length) {
    if (p + 4 > extra.length) fail(`${where}: malformed extra field`);
    const id = extra.readUInt16LE(p);
    const length = extra.readUInt16LE(p + 2);
    if (p + 4 + length > extra.length) fail(`${where}: malformed extra field`);
    if (id === ZIP64_EXTRA_ID) fail(`${where}: ZIP64 extra field (ZIP64 is not allowed)`);
    p += 4 + length;
  }
}

function decodeName(bytes: Buffer, flags: number, index: number): string {
  let name: string;
  try {
    name = utf8Strict.decode(bytes);
  } catch {
    fail(`entry #${index}: name is not valid UTF-8`);
  }
  if ((flags & FLAG_UTF8) === 0 && bytes.some((b) => b >= 0x80)) fail(`entry #${index}: non-ASCII name without the UTF-8 flag`);
  return name;
}

function checkFlags(flags: number, where: string): void {
  if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION | FLAG_MASKED_HEADERS)) fail(`${where}: encrypted entry`);
  if (flags & ~FLAGS_ALLOWED) fail(`${where}: unsupported general-purpose flags 0x${flags.toString(16).padStart(4, '0')}`);
}

/** Unix file type bits of the external attributes, when the archive was made on Unix. */
function checkFileType(versionMadeBy: number, external: number, where: string): void {
  if (external & 0x10) fail(`${where}: directory entry (MS-DOS directory attribute)`);
  if (versionMadeBy >> 8 !== 3) return;
  const type = (external >>> 16) & 0o170000;
  if (type !== 0 && type !== 0o100000) fail(`${where}: not a regular file (Unix mode ${(external >>> 16).toString(8)})`);
}

interface CentralEntry extends ZipEntryInfo {
  flags: number;
  nameBytes: Buffer;
  directory: boolean;
}

export interface DirectoryOptions {
  /** Empty `folder/` entries are allowed and left out (archives made by a person, not by us). */
  skipDirectories?: boolean;
}

function readCentralDirectory(cd: Buffer, count: number, allowedNames: (name: string) => boolean, options: DirectoryOptions): CentralEntry[] {
  const entries: CentralEntry[] = [];
  const names = new Set<string>();
  let p = 0;
  for (let i = 0; i < count; i += 1) {
    if (p + CENTRAL_HEADER_BYTES > cd.length || cd.readUInt32LE(p) !== SIG_CENTRAL) fail(`entry #${i}: bad central directory header`);
    const versionMadeBy = cd.readUInt16LE(p + 4);
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    const crc32 = cd.readUInt32LE(p + 16);
    const compressedSize = cd.readUInt32LE(p + 20);
    const size = cd.readUInt32LE(p + 24);
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const diskStart = cd.readUInt16LE(p + 34);
    const external = cd.readUInt32LE(p + 38);
    const localHeaderOffset = cd.readUInt32LE(p + 42);
    const end = p + CENTRAL_HEADER_BYTES + nameLength + extraLength + commentLength;
    if (end > cd.length) fail(`entry #${i}: central directory header runs past the directory`);
    const nameBytes = cd.subarray(p + CENTRAL_HEADER_BYTES, p + CENTRAL_HEADER_BYTES + nameLength);
    const extra = cd.subarray(p + CENTRAL_HEADER_BYTES + nameLength, p + CENTRAL_HEADER_BYTES + nameLength + extraLength);
    p = end;

    let where = `entry #${i}`;
    if (compressedSize === 0xffffffff || size === 0xffffffff || localHeaderOffset === 0xffffffff || diskStart === 0xffff) {
      fail(`${where}: ZIP64 marker (ZIP64 is not allowed)`);
    }
    checkExtraField(extra, where);
    if (diskStart !== 0) fail(`${where}: multi-disk archive`);
    const name = decodeName(nameBytes, flags, i);
    where = `entry ${JSON.stringify(name)}`;
    checkFlags(flags, where);
    if (method !== METHOD_STORED && method !== METHOD_DEFLATE) fail(`${where}: compression method ${method} not allowed (only 0 and 8)`);
    const directory = options.skipDirectories === true && name.endsWith('/') && name.length > 1;
    if (directory && size !== 0) fail(`${where}: directory entry with content`);
    const unsafe = unsafeNameReason(directory ? name.slice(0, -1) : name);
    if (unsafe) fail(`${where}: ${unsafe}`);
    if (!directory) checkFileType(versionMadeBy, external, where);
    if (names.has(name)) fail(`${where}: duplicate name`);
    names.add(name);
    if (!directory && !allowedNames(name)) fail(`${where}: name not allowed in this kind of file`);
    if (method === METHOD_STORED && compressedSize !== size) fail(`${where}: stored entry with compressed size ≠ size`);
    entries.push({ name, method, compressedSize, size, crc32, localHeaderOffset, dataOffset: 0, flags, nameBytes, directory });
  }
  if (p !== cd.length) fail('bytes after the last central directory header');
  return entries;
}

function checkLocalHeader(src: ByteSource, e: CentralEntry, cdOffset: number): void {
  const where = `entry ${JSON.stringify(e.name)}`;
  if (e.localHeaderOffset + LOCAL_HEADER_BYTES > cdOffset) fail(`${where}: local header outside the entries area`);
  const h = src.read(e.localHeaderOffset, LOCAL_HEADER_BYTES);
  if (h.readUInt32LE(0) !== SIG_LOCAL) fail(`${where}: no local header at offset ${e.localHeaderOffset}`);
  const disagree = (field: string) => fail(`${where}: local header disagrees with central directory (${field})`);
  if (h.readUInt16LE(6) !== e.flags) disagree('flags');
  if (h.readUInt16LE(8) !== e.method) disagree('method');
  // With a data descriptor the values follow the data; a zero here means "see the descriptor".
  const deferred = (e.flags & FLAG_DATA_DESCRIPTOR) !== 0;
  const agrees = (local: number, central: number) => local === central || (deferred && local === 0);
  if (!agrees(h.readUInt32LE(14), e.crc32)) disagree('CRC-32');
  if (!agrees(h.readUInt32LE(18), e.compressedSize)) disagree('compressed size');
  if (!agrees(h.readUInt32LE(22), e.size)) disagree('size');
  const nameLength = h.readUInt16LE(26);
  const extraLength = h.readUInt16LE(28);
  const dataOffset = e.localHeaderOffset + LOCAL_HEADER_BYTES + nameLength + extraLength;
  if (dataOffset > cdOffset) fail(`${where}: local header runs into the central directory`);
  const rest = src.read(e.localHeaderOffset + LOCAL_HEADER_BYTES, nameLength + extraLength);
  if (!rest.subarray(0, nameLength).equals(e.nameBytes)) disagree('name');
  checkExtraField(rest.subarray(nameLength), `${where} (local header)`);
  if (dataOffset + e.compressedSize > cdOffset) fail(`${where}: data runs into the central directory`);
  e.dataOffset = dataOffset;
}

function checkLayout(src: ByteSource, entries: CentralEntry[], cdOffset: number): void {
  const byOffset = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  let expected = 0;
  let previous: CentralEntry | null = null;
  // The bytes from the end of an entry's data to the next structure: its descriptor, if any.
  const closePrevious = (next: number) => {
    if (previous && previous.flags & FLAG_DATA_DESCRIPTOR && next >= expected) {
      checkDescriptor(src.read(expected, Math.min(next - expected, MAX_DESCRIPTOR_BYTES + 1)), previous);
      expected = next;
    }
  };
  for (const e of byOffset) {
    closePrevious(e.localHeaderOffset);
    if (e.localHeaderOffset < expected) {
      fail(`entries ${JSON.stringify(previous?.name)} and ${JSON.stringify(e.name)} overlap`);
    }
    if (e.localHeaderOffset > expected) {
      fail(previous ? `unaccounted bytes before entry ${JSON.stringify(e.name)}` : 'bytes before the first local header');
    }
    expected = e.dataOffset + e.compressedSize;
    previous = e;
  }
  closePrevious(cdOffset);
  if (expected !== cdOffset) fail(previous ? 'bytes between the last entry and the central directory' : 'bytes before the central directory');
}

/** All structural checks; returns the entries in central-directory order. */
export function readDirectory(src: ByteSource, allowedNames: (name: string) => boolean, options: DirectoryOptions = {}): ZipEntryInfo[] {
  if (src.size < END_RECORD_BYTES) fail('file too short to be a ZIP');
  const endAt = findEndRecord(src);
  const end = src.read(endAt, END_RECORD_BYTES);
  const disk = end.readUInt16LE(4);
  const cdDisk = end.readUInt16LE(6);
  const entriesOnDisk = end.readUInt16LE(8);
  const count = end.readUInt16LE(10);
  const cdSize = end.readUInt32LE(12);
  const cdOffset = end.readUInt32LE(16);
  if ([disk, cdDisk, entriesOnDisk, count].includes(0xffff) || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    fail('ZIP64 marker in the end record (ZIP64 is not allowed)');
  }
  if (endAt >= ZIP64_LOCATOR_BYTES && src.read(endAt - ZIP64_LOCATOR_BYTES, 4).readUInt32LE(0) === SIG_ZIP64_LOCATOR) {
    fail('ZIP64 end-of-central-directory locator (ZIP64 is not allowed)');
  }
  if (disk !== 0 || cdDisk !== 0 || entriesOnDisk !== count) fail('multi-disk archive');
  if (cdOffset + cdSize !== endAt) {
    fail(cdOffset + cdSize > endAt ? 'central directory overlaps the end record' : 'bytes between the central directory and the end record');
  }
  const cd = src.read(cdOffset, cdSize);
  if (cd.length >= 4 && cd.readUInt32LE(0) === SIG_ZIP64_END) fail('ZIP64 end record (ZIP64 is not allowed)');
  const entries = readCentralDirectory(cd, count, allowedNames, options);
  for (const e of entries) checkLocalHeader(src, e, cdOffset);
  checkLayout(src, entries, cdOffset);
  return entries.filter((e) => !e.directory).map(({ name, method, compressedSize, size, crc32, localHeaderOffset, dataOffset }) => ({
    name,
    method,
    compressedSize,
    size,
    crc32,
    localHeaderOffset,
    dataOffset,
  }));
}
