import { closeSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { makeFolders } from './make-folders';

/**
 * Everything CST Desk writes in its data folder holds personal data (names of staff, usage of
 * a town hall, secret keys): files are created readable by their owner only, folders likewise.
 * The mode given at creation is only ever narrowed by the umask, so 0600/0700 hold whatever
 * umask the process inherited (a desktop session with umask 000 included), while a default
 * mode (0666/0777, or 0644 for SQLite) would leave the data readable by every local user.
 */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Creates a folder (and its missing parents) readable by the owner only; an existing one is left as it is. */
export function makePrivateDir(path: string): void {
  makeFolders(path, PRIVATE_DIR_MODE);
}

/**
 * Copies a file into a private one (copyFileSync would carry the source's mode: a backup
 * copied from a USB stick formatted FAT comes in 0755). Streamed, flushed before returning.
 */
export function copyPrivate(from: string, to: string): void {
  const src = openSync(from, 'r');
  try {
    const out = openSync(to, 'w', PRIVATE_FILE_MODE);
    try {
      const buf = Buffer.allocUnsafe(1 << 20);
      for (let n = readSync(src, buf, 0, buf.length, null); n > 0; n = readSync(src, buf, 0, buf.length, null)) {
        let off = 0;
        while (off < n) off += writeSync(out, buf, off, n - off);
      }
      fsyncSync(out);
    } finally {
      closeSync(out);
    }
  } finally {
    closeSync(src);
  }
}
