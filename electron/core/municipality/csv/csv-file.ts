import { writeFileAtomicWith } from '../../platform/fs/atomic-write';
import { csvLine, UTF8_BOM, type CsvCell } from '../../format/csv/csv-text';

/** Lines are gathered up to this many UTF-16 code units, then written in one call. */
const CHUNK_CHARS = 1 << 20;

/**
 * Streams a CSV (UTF-8 with BOM, `;`, CRLF) to `path` row by row: only one chunk of about
 * 1 MB is held at a time, whatever the number of rows. Written to a temporary file beside the
 * target, flushed, then renamed over it (and the folder flushed): a cut leaves the old file or
 * the whole new one. Returns the rows and bytes written.
 */
export function writeCsvFile(path: string, header: readonly string[], rows: Iterable<readonly CsvCell[]>, onRows?: (rows: number) => void): { rows: number; bytes: number } {
  return writeFileAtomicWith(path, (write) => {
    let count = 0;
    let bytes = 0;
    for (const chunk of csvChunks(header, rows, (n) => (count = n))) {
      write(chunk);
      bytes += chunk.length;
      onRows?.(count);
    }
    return { rows: count, bytes };
  });
}

/** The same CSV in memory (for the UI's download), with a bound on the rows it may hold. */
export function csvBytes(header: readonly string[], rows: Iterable<readonly CsvCell[]>, maxRows: number, tooMany: () => Error): { bytes: Buffer; rows: number } {
  let count = 0;
  const chunks = [
    ...csvChunks(header, rows, (n) => {
      if (n > maxRows) throw tooMany();
      count = n;
    }),
  ];
  return { bytes: Buffer.concat(chunks), rows: count };
}

/** The file's bytes in chunks of about 1 MB (BOM, header, rows); `counted` hears each row's number. */
function* csvChunks(header: readonly string[], rows: Iterable<readonly CsvCell[]>, counted: (rows: number) => void): Generator<Buffer> {
  yield UTF8_BOM;
  let chunk = `${csvLine(header)}\r\n`;
  let count = 0;
  for (const row of rows) {
    counted(++count);
    chunk += `${csvLine(row)}\r\n`;
    if (chunk.length >= CHUNK_CHARS) {
      yield Buffer.from(chunk, 'utf8');
      chunk = '';
    }
  }
  yield Buffer.from(chunk, 'utf8');
}
