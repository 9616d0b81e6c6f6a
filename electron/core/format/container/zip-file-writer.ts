/**
 * Writes a ZIP to a file entry by entry, streaming each entry's bytes through deflate, for
 * archives too big to build in memory (a bundle may carry 1 GiB of events).
 *
 * Hazard: the local header carries the same CRC and sizes as the central directory (readers of
 * docs/bundle-format.md also accept data descriptors, but older readers of this format refuse them,
 * and "writers of this project need not use them"). Those values are known only after the data
 * is written, so the local header is written as a placeholder and patched in place afterwards:
 * this needs a seekable file, not a generic Writable. The
 * output is byte-identical to writeZip() on the same entries.
 */
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createDeflateRaw, crc32 } from 'node:zlib';
import { nameFields } from './zip-writer';
import {
  encodeCentralHeader,
  encodeEndRecord,
  encodeLocalHeader,
  MAX_ENTRIES,
  MAX_ZIP32,
  METHOD_DEFLATE,
  METHOD_STORED,
} from './zip-records';
import type { RecordFields } from './zip-records';

export interface ZipFileWriter {
  /** Adds one entry; entries are written in call order, one at a time (await each call). */
  addEntry(name: string, data: Buffer | Readable | AsyncIterable<Uint8Array>, method?: 0 | 8): Promise<void>;
  /** Writes the central directory and closes the file; returns the archive's size. */
  finish(): Promise<number>;
  /** Closes the file without finishing it (the caller deletes it). */
  abort(): Promise<void>;
}

const BATCH_BYTES = 64 * 1024;

/** Input in batches of ≥ 64 KiB: per-write overhead dominates with small chunks (event lines). */
async function* chunksOf(data: Buffer | Readable | AsyncIterable<Uint8Array>): AsyncIterable<Buffer> {
  if (Buffer.isBuffer(data)) {
    yield data;
    return;
  }
  let batch: Buffer[] = [];
  let batched = 0;
  for await (const chunk of data) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    batch.push(b);
    batched += b.length;
    if (batched >= BATCH_BYTES) {
      yield batch.length === 1 ? b : Buffer.concat(batch, batched);
      batch = [];
      batched = 0;
    }
  }
  if (batched > 0) yield Buffer.concat(batch, batched);
}

export async function createZipFileWriter(path: string): Promise<ZipFileWriter> {
  const fh: FileHandle = await open(path, 'wx');
  const names = new Set<string>();
  const central: Buffer[] = [];
  let offset = 0;
  let busy = false;
  let closed = false;

  async function writeAt(buf: Buffer, position: number): Promise<void> {
    let done = 0;
    while (done < buf.length) {
      const { bytesWritten } = await fh.write(buf, done, buf.length - done, position + done);
      done += bytesWritten;
    }
  }

  async function addEntry(name: string, data: Buffer | Readable | AsyncIterable<Uint8Array>, method: 0 | 8 = METHOD_DEFLATE) {
    if (busy || closed) throw new Error('zip: addEntry while another entry is being written, or after finish');
    if (names.has(name)) throw new Error(`zip: duplicate entry ${JSON.stringify(name)}`);
    if (method !== METHOD_DEFLATE && method !== METHOD_STORED) throw new Error('zip: method must be 0 or 8');
    if (central.length + 1 >= MAX_ENTRIES) throw new Error('zip: too many entries for a non-ZIP64 archive');
    busy = true;
    let deflater: ReturnType<typeof createDeflateRaw> | null = null;
    try {
      const fields: RecordFields = { ...nameFields(name), method, crc32: 0, compressedSize: 0, size: 0 };
      const headerAt = offset;
      const placeholder = encodeLocalHeader(fields);
      await writeAt(placeholder, headerAt);
      let position = headerAt + placeholder.length;
      let crc = 0;
      let size = 0;
      const z = method === METHOD_DEFLATE ? createDeflateRaw() : null;
      deflater = z;
      const pending: Buffer[] = [];
      z?.on('data', (chunk: Buffer) => pending.push(chunk));
      const flushPending = async () => {
        for (let c = pending.shift(); c; c = pending.shift()) {
          await writeAt(c, position);
          position += c.length;
        }
      };
      for await (const chunk of chunksOf(data)) {
        crc = crc32(chunk, crc);
        size += chunk.length;
        if (size >= MAX_ZIP32) throw new Error('zip: entry too large for a non-ZIP64 archive');
        if (!z) {
          await writeAt(chunk, position);
          position += chunk.length;
          continue;
        }
        await new Promise<void>((resolve, reject) => z.write(chunk, (err) => (err ? reject(err) : resolve())));
        await flushPending();
      }
      if (z) {
        await new Promise<void>((resolve, reject) => {
          z.once('end', resolve);
          z.once('error', reject);
          z.end();
        });
        await flushPending();
      }
      const done: RecordFields = { ...fields, crc32: crc, size, compressedSize: position - headerAt - placeholder.length };
      if (position >= MAX_ZIP32) throw new Error('zip: archive too large for a non-ZIP64 archive');
      await writeAt(encodeLocalHeader(done), headerAt);
      central.push(encodeCentralHeader(done, headerAt));
      names.add(name);
      offset = position;
    } finally {
      // A failed entry leaves `offset` where it was: the next entry or finish() overwrites it.
      deflater?.destroy();
      busy = false;
    }
  }

  async function finish(): Promise<number> {
    if (busy || closed) throw new Error('zip: finish while an entry is being written, or twice');
    closed = true;
    try {
      const cd = Buffer.concat(central);
      if (offset + cd.length >= MAX_ZIP32) throw new Error('zip: archive too large for a non-ZIP64 archive');
      await writeAt(Buffer.concat([cd, encodeEndRecord(central.length, cd.length, offset)]), offset);
      await fh.truncate(offset + cd.length + 22);
      await fh.sync();
      return offset + cd.length + 22;
    } finally {
      await fh.close();
    }
  }

  async function abort(): Promise<void> {
    if (closed) return;
    closed = true;
    await fh.close();
  }

  return { addEntry, finish, abort };
}
