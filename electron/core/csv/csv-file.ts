import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { csvLine, UTF8_BOM, type CsvCell } from './csv-text';

/** Lines are gathered up to this many UTF-16 code units, then written in one call. */
const CHUNK_CHARS = 1 << 20;

/**
 * Streams a CSV (UTF-8 with BOM, `;`, CRLF) to `path` row by row: only one chunk of about
 * 1 MB is held at a time, whatever the number of rows. Written to a temporary file beside the
 * target, flushed, then renamed over it (and the folder flushed): a cut leaves the old file or
 * the whole new one. Returns the rows and bytes written.
 */
export function writeCsvFile(path: string, header: readonly string[], rows: Iterable<readonly CsvCell[]>, onRows?: (rows: number) => void): { rows: number; bytes: number } {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const fd = openSync(tmp, 'w', 0o644);
  let bytes = 0;
  let count = 0;
  let chunk = '';
  const write = (data: Buffer) => {
    let offset = 0;
    while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
    bytes += data.length;
  };
  try {
    write(UTF8_BOM);
    chunk = `${csvLine(header)}\r\n`;
    for (const row of rows) {
      chunk += `${csvLine(row)}\r\n`;
      count += 1;
      if (chunk.length >= CHUNK_CHARS) {
        write(Buffer.from(chunk, 'utf8'));
        chunk = '';
        onRows?.(count);
      }
    }
    write(Buffer.from(chunk, 'utf8'));
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
  closeSync(fd);
  renameSync(tmp, path);
  syncFolder(dirname(path));
  return { rows: count, bytes };
}

/** The same CSV in memory (for the UI's download), with a bound on the rows it may hold. */
export function csvBytes(header: readonly string[], rows: Iterable<readonly CsvCell[]>, maxRows: number, tooMany: () => Error): { bytes: Buffer; rows: number } {
  const parts: Buffer[] = [UTF8_BOM];
  let chunk = `${csvLine(header)}\r\n`;
  let count = 0;
  for (const row of rows) {
    if (++count > maxRows) throw tooMany();
    chunk += `${csvLine(row)}\r\n`;
    if (chunk.length >= CHUNK_CHARS) {
      parts.push(Buffer.from(chunk, 'utf8'));
      chunk = '';
    }
  }
  parts.push(Buffer.from(chunk, 'utf8'));
  return { bytes: Buffer.concat(parts), rows: count };
}

function syncFolder(dir: string): void {
  // Folders cannot be opened for fsync on Windows; there NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
