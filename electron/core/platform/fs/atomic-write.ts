import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { asDiskFull } from './disk-errors';
import { PRIVATE_FILE_MODE } from './private-files';

/**
 * Writes a file so that a power cut or a pulled USB stick leaves either the old file or the
 * whole new one, never a half: write a temporary file beside it, flush it to the device,
 * rename it over the target, then flush the folder so the rename itself is durable.
 */
export function writeFileAtomic(path: string, data: Uint8Array | string, mode = PRIVATE_FILE_MODE): void {
  writeFileAtomicWith(path, (write) => write(typeof data === 'string' ? Buffer.from(data, 'utf8') : data), mode);
}

/**
 * The same, for content produced piece by piece (a CSV of a million rows): `fill` receives a
 * `write` that appends bytes to the temporary file; what `fill` returns is returned once the
 * file is in place. Private by default (private-files.ts); a full disk is E_DISK_FULL, naming the
 * folder, and leaves the old file in place.
 */
export function writeFileAtomicWith<T>(path: string, fill: (write: (bytes: Uint8Array) => void) => T, mode = PRIVATE_FILE_MODE): T {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, 'w', mode);
  } catch (err) {
    throw asDiskFull(dirname(path), err, 'file');
  }
  let result: T;
  try {
    result = fill((bytes) => {
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    });
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw asDiskFull(dirname(path), err, 'file');
  }
  closeSync(fd);
  renameSync(tmp, path);
  syncFolder(dirname(path));
  return result;
}

/** Makes a rename or a new file in `dir` durable (the folder's own entry list flushed). */
export function syncFolder(dir: string): void {
  // Folders cannot be opened for fsync on Windows; there NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * The same, off the event loop (libuv's thread pool): a server or the sync agent keeps serving
 * while the disk works, and concurrent flushes of one folder are merged by the file system.
 */
export async function syncFolderAsync(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  await syncFileAsync(dir);
}

/** fsync of a file (or folder) by its path, off the event loop. */
export async function syncFileAsync(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
