import { createHash, randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { appError, type AppError } from '../../platform/errors';
import { diskFullError, errorCode, isDiskFull } from '../../platform/fs/disk-errors';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../../platform/fs/private-files';

export const INBOX_DIR = 'inbox';

export function archiveDir(dataDir: string): string {
  return join(dataDir, INBOX_DIR, 'archive');
}

export function inboxTempDir(dataDir: string): string {
  return join(dataDir, INBOX_DIR, 'tmp');
}

export function archivedPath(dataDir: string, sha256: string): string {
  return join(archiveDir(dataDir), `${sha256}.cstb`);
}

/** A received file longer than the limit: the copy stopped there and was removed. */
export class ArchiveLimitError extends Error {
  constructor(readonly maxBytes: number) {
    super(`file longer than ${maxBytes} bytes: copy stopped at the limit`);
  }
}

/**
 * Copies a received file, unchanged, into inbox/archive/<sha256>.cstb before anything checks
 * it (docs/bundle-format.md: "archived unchanged before it is checked, whatever the outcome"). The
 * copy is streamed (hashed while copying), flushed, then renamed.
 *
 * The size limit of step 1 is applied while copying, not after: a 300 MB file, or /dev/zero,
 * stops at `maxBytes` + 1, its partial copy is removed, and ArchiveLimitError says so — nothing
 * of it stays in the archive and the disk does not fill. Errors writing the archive are the
 * data folder's (AppError: E_DISK_FULL, E_IO), not the received file's; errors reading the
 * source are thrown as they are, for the caller to put in the file's own words.
 */
export function archiveFile(dataDir: string, source: { path: string } | { bytes: Buffer }, maxBytes: number): { sha256: string; size: number; path: string } {
  const dir = archiveDir(dataDir);
  const tmp = join(dir, `.${randomUUID()}.tmp`);
  const hash = createHash('sha256');
  let size = 0;
  let out: number;
  try {
    makePrivateDir(dir);
    out = openSync(tmp, 'w', PRIVATE_FILE_MODE);
  } catch (err) {
    throw archiveWriteError(dir, err);
  }
  try {
    const write = (b: Buffer) => {
      if (size + b.length > maxBytes) throw new ArchiveLimitError(maxBytes);
      hash.update(b);
      size += b.length;
      try {
        let off = 0;
        while (off < b.length) off += writeSync(out, b, off, b.length - off);
      } catch (err) {
        throw archiveWriteError(dir, err);
      }
    };
    if ('bytes' in source) {
      write(source.bytes);
    } else {
      const fd = openSync(source.path, 'r');
      try {
        const buf = Buffer.allocUnsafe(1 << 20);
        for (let n = readSync(fd, buf, 0, buf.length, null); n > 0; n = readSync(fd, buf, 0, buf.length, null)) write(buf.subarray(0, n));
      } finally {
        closeSync(fd);
      }
    }
    try {
      fsyncSync(out);
    } catch (err) {
      throw archiveWriteError(dir, err);
    }
  } catch (err) {
    closeSync(out);
    rmSync(tmp, { force: true });
    throw err;
  }
  closeSync(out);
  const sha256 = hash.digest('hex');
  const path = archivedPath(dataDir, sha256);
  if (existsSync(path)) rmSync(tmp, { force: true });
  else renameSync(tmp, path);
  return { sha256, size, path };
}

function archiveWriteError(dir: string, err: unknown): AppError {
  if (isDiskFull(err)) return diskFullError(dir, err, 'archive');
  return appError('archive.cannotWrite', { folder: dir }, { params: { reason: errorCode(err) || 'unknown' } });
}

/**
 * Removes what an interrupted import left in inbox/tmp (decrypted plaintexts, extracted events)
 * and half-copied archive files: anything untouched for a day (a running import touches its
 * own files continuously and never lasts that long).
 */
export function sweepInboxTemp(dataDir: string, nowMs: number, maxAgeMs = 24 * 3600 * 1000): void {
  for (const dir of [inboxTempDir(dataDir), archiveDir(dataDir)]) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (dir === archiveDir(dataDir) && !name.endsWith('.tmp')) continue;
      const p = join(dir, name);
      try {
        if (nowMs - statSync(p).mtimeMs > maxAgeMs) rmSync(p, { recursive: true, force: true });
      } catch {
        // vanished meanwhile
      }
    }
  }
}
