/**
 * The strict ZIP reader of docs/bundle-format.md "Container". `openZip` runs every structural check
 * (zip-directory.ts), then the caller's limits on the declared sizes, before a single byte is
 * inflated. Reading an entry inflates with the declared size as a hard cap (stopping as soon as
 * more comes out) and checks the size, the CRC-32 and that the deflate stream ends exactly at
 * the entry's end. Entries are returned as bytes or streams, never written to disk by name.
 *
 * For a file on disk only the tail, the central directory and the local headers are read at
 * open; each read reopens the file. The caller reads an archived copy nobody else modifies;
 * even so, sizes and CRC are checked again on every read.
 */
import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';
import { readDirectory } from './zip-directory';
import type { ByteSource, ZipEntryInfo } from './zip-directory';
import { ZipError } from './zip-error';
import { METHOD_STORED } from './zip-records';

export { ZipError } from './zip-error';
export type { ZipEntryInfo } from './zip-directory';

export interface ZipRules {
  /** The exact names this kind of file may contain. */
  allowedNames: (name: string) => boolean;
  maxEntries: number;
  /** Limit on one entry's declared inflated size. */
  maxEntryBytes: (name: string) => number;
  /** Limit on the sum of the declared inflated sizes. */
  maxTotalBytes: number;
  /** Empty `folder/` entries allowed and left out: for an archive a person made (zip-directory.ts). */
  skipDirectories?: boolean;
}

export interface ZipArchive {
  readonly entries: readonly ZipEntryInfo[];
  has(name: string): boolean;
  /** Whole entry in memory, checked; for small entries (manifest, signature, attachments). */
  readEntry(name: string): Buffer;
  /** Streaming inflate with the same checks; errors (ZipError) arrive at the end at the latest. */
  entryStream(name: string): Readable;
}

const STREAM_CHUNK = 64 * 1024;
const INFLATE_CHUNK = 256 * 1024;

function fail(detail: string): never {
  throw new ZipError('format', detail);
}

function readExactly(fd: number, offset: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, offset + done);
    if (n === 0) fail('file shorter than its directory says (changed while reading?)');
    done += n;
  }
  return buf;
}

interface Source extends ByteSource {
  stream(offset: number, length: number): Readable;
}

function bufferSource(bytes: Buffer): Source {
  const read = (offset: number, length: number) => {
    if (offset < 0 || offset + length > bytes.length) fail('read beyond the end of the archive');
    return bytes.subarray(offset, offset + length);
  };
  return {
    size: bytes.length,
    read,
    stream(offset, length) {
      const slice = read(offset, length);
      return Readable.from(
        (function* chunks() {
          for (let p = 0; p < slice.length; p += STREAM_CHUNK) yield slice.subarray(p, p + STREAM_CHUNK);
        })(),
        { objectMode: false },
      );
    },
  };
}

function checkLimits(entries: readonly ZipEntryInfo[], rules: ZipRules): void {
  if (entries.length > rules.maxEntries) throw new ZipError('limit', `${entries.length} entries, limit ${rules.maxEntries}`);
  let total = 0;
  for (const e of entries) {
    const max = rules.maxEntryBytes(e.name);
    if (e.size > max) throw new ZipError('limit', `entry ${JSON.stringify(e.name)} declares ${e.size} bytes, limit ${max}`);
    total += e.size;
  }
  if (total > rules.maxTotalBytes) throw new ZipError('limit', `entries declare ${total} bytes in all, limit ${rules.maxTotalBytes}`);
}

function inflateChecked(e: ZipEntryInfo, compressed: Buffer): Buffer {
  const where = `entry ${JSON.stringify(e.name)}`;
  let data: Buffer;
  if (e.method === METHOD_STORED) {
    data = compressed;
  } else {
    let consumed: number;
    try {
      // maxOutputLength makes zlib stop as soon as the output exceeds the declared size.
      const r = inflateRawSync(compressed, { maxOutputLength: Math.max(1, e.size), info: true }) as unknown as {
        buffer: Buffer;
        engine: { bytesWritten: number };
      };
      data = r.buffer;
      consumed = r.engine.bytesWritten;
    } catch (err) {
      const code = (err as { code?: string }).code;
      fail(code === 'ERR_BUFFER_TOO_LARGE' ? `${where}: inflates to more than its declared ${e.size} bytes` : `${where}: deflate data damaged (${(err as Error).message})`);
    }
    if (consumed !== compressed.length) fail(`${where}: bytes after the end of the deflate stream`);
  }
  if (data.length !== e.size) fail(`${where}: inflated size ${data.length} ≠ declared ${e.size}`);
  if (crc32(data) !== e.crc32) fail(`${where}: CRC-32 mismatch`);
  return data;
}

/** Pass-through that enforces the declared size and CRC; `consumed` reports the inflater's input. */
function checker(e: ZipEntryInfo, consumed: () => number): Transform {
  const where = `entry ${JSON.stringify(e.name)}`;
  let produced = 0;
  let crc = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      produced += chunk.length;
      if (produced > e.size) {
        callback(new ZipError('format', `${where}: inflates to more than its declared ${e.size} bytes`));
        return;
      }
      crc = crc32(chunk, crc);
      callback(null, chunk);
    },
    flush(callback: TransformCallback) {
      if (produced !== e.size) callback(new ZipError('format', `${where}: inflated size ${produced} ≠ declared ${e.size}`));
      else if (crc !== e.crc32) callback(new ZipError('format', `${where}: CRC-32 mismatch`));
      else if (consumed() !== e.compressedSize) callback(new ZipError('format', `${where}: bytes after the end of the deflate stream`));
      else callback();
    },
  });
}

function streamChecked(e: ZipEntryInfo, raw: Readable): Readable {
  if (e.method === METHOD_STORED) {
    const out = checker(e, () => e.compressedSize);
    raw.on('error', (err) => out.destroy(err));
    out.on('close', () => raw.destroy());
    return raw.pipe(out);
  }
  // 256 KiB output chunks, not zlib's 16 KiB: a million-event entry inflates ~23× (repeated
  // keys), and each chunk costs a callback and a pass through the checker and the consumer.
  const inflater = createInflateRaw({ chunkSize: INFLATE_CHUNK });
  const out = checker(e, () => inflater.bytesWritten);
  raw.on('error', (err) => out.destroy(err));
  inflater.on('error', (err) => out.destroy(new ZipError('format', `entry ${JSON.stringify(e.name)}: deflate data damaged (${err.message})`)));
  // Whoever stops reading (consumer or checker) stops the inflater and the file read too.
  out.on('close', () => {
    raw.destroy();
    inflater.destroy();
  });
  return raw.pipe(inflater).pipe(out);
}

export function openZip(source: Buffer | { path: string }, rules: ZipRules): ZipArchive {
  let src: Source;
  let entries: ZipEntryInfo[];
  if (Buffer.isBuffer(source)) {
    src = bufferSource(source);
    entries = readDirectory(src, rules.allowedNames, { skipDirectories: rules.skipDirectories === true });
  } else {
    const { path } = source;
    const fd = openSync(path, 'r');
    try {
      const size = fstatSync(fd).size;
      entries = readDirectory(
        {
          size,
          read: (offset, length) => {
            if (offset < 0 || offset + length > size) fail('read beyond the end of the archive');
            return readExactly(fd, offset, length);
          },
        },
        rules.allowedNames,
        { skipDirectories: rules.skipDirectories === true },
      );
    } finally {
      closeSync(fd);
    }
    src = {
      size: 0,
      read(offset, length) {
        const f = openSync(path, 'r');
        try {
          return readExactly(f, offset, length);
        } finally {
          closeSync(f);
        }
      },
      stream(offset, length) {
        if (length === 0) return Readable.from([], { objectMode: false });
        return createReadStream(path, { start: offset, end: offset + length - 1, highWaterMark: STREAM_CHUNK });
      },
    };
  }
  checkLimits(entries, rules);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const entry = (name: string): ZipEntryInfo => byName.get(name) ?? fail(`missing entry ${JSON.stringify(name)}`);
  return {
    entries,
    has: (name) => byName.has(name),
    readEntry(name) {
      const e = entry(name);
      return inflateChecked(e, src.read(e.dataOffset, e.compressedSize));
    },
    entryStream(name) {
      const e = entry(name);
      return streamChecked(e, src.stream(e.dataOffset, e.compressedSize));
    },
  };
}
