import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * A file's bytes if it holds at most `maxBytes`, else null, having read at most `maxBytes + 1`.
 * The size on disk is checked first, but a device or a pipe (`/dev/zero`, a FIFO) says 0, so the
 * limit is also kept while reading: a file too large is never read whole, nor held in memory.
 */
export function readFileUpTo(path: string, maxBytes: number): Buffer | null {
  const fd = openSync(path, 'r');
  try {
    const stat = fstatSync(fd);
    if (stat.isFile() && stat.size > maxBytes) return null;
    const buf = Buffer.allocUnsafe(maxBytes + 1);
    let total = 0;
    while (total < buf.length) {
      const n = readSync(fd, buf, total, buf.length - total, null);
      if (n === 0) break;
      total += n;
    }
    return total > maxBytes ? null : buf.subarray(0, total);
  } finally {
    closeSync(fd);
  }
}
