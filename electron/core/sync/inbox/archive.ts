import { createHash, randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

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

/**
 * Copies a received file, unchanged, into inbox/archive/<sha256>.cstb before anything checks
 * it (docs/bundle-format.md: "archived unchanged before it is checked, whatever the outcome"). The
 * copy is streamed (a file of any size, hashed while copying), flushed, then renamed.
 */
export function archiveFile(dataDir: string, source: { path: string } | { bytes: Buffer }): { sha256: string; size: number; path: string } {
  const dir = archiveDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${randomUUID()}.tmp`);
  const hash = createHash('sha256');
  let size = 0;
  const out = openSync(tmp, 'w', 0o600);
  try {
    const write = (b: Buffer) => {
      hash.update(b);
      size += b.length;
      let off = 0;
      while (off < b.length) off += writeSync(out, b, off, b.length - off);
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
    fsyncSync(out);
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
