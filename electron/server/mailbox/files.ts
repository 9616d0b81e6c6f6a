/**
 * The bundle files of the mailbox: `bundles/<recipient>-<sha256>.cstb` once complete, and
 * `bundles/<recipient>-<sha256>.part` while an upload is under way. Each chunk is written at its
 * offset and fsynced before the index counts it; a complete upload is hashed, renamed into place
 * and the folder fsynced before the index says `waiting` (store.ts). At start, `sweep` makes the
 * folder and the index agree again after a crash.
 *
 * What requests do here is asynchronous (fs/promises: libuv's thread pool): while one request's
 * fsync waits for the disk, the server's only thread serves the others.
 */
import { syncFolderAsync } from '../../core/platform/fs/atomic-write';
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, fsyncSync, ftruncateSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../../core/platform/fs/private-files';
import type { MailboxStore } from './store';

export const BUNDLES_DIR = 'bundles';

export class BundleFiles {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, BUNDLES_DIR);
    makePrivateDir(this.dir);
  }

  finalPath(recipient: string, sha256: string): string {
    return join(this.dir, `${recipient}-${sha256}.cstb`);
  }

  partPath(recipient: string, sha256: string): string {
    return join(this.dir, `${recipient}-${sha256}.part`);
  }

  /**
   * Writes `chunk` at `offset` of the partial file, cutting anything a crash left beyond it, and
   * flushes it; a new partial file's folder entry too, unless `last` (the rename that follows
   * flushes the folder anyway).
   */
  async writeChunk(recipient: string, sha256: string, offset: number, chunk: Buffer, last: boolean): Promise<void> {
    const file = await open(this.partPath(recipient, sha256), offset === 0 ? 'w' : 'r+', PRIVATE_FILE_MODE);
    try {
      await file.truncate(offset);
      let done = 0;
      while (done < chunk.length) done += (await file.write(chunk, done, chunk.length - done, offset + done)).bytesWritten;
      await file.sync();
    } finally {
      await file.close();
    }
    if (offset === 0 && !last) await syncFolderAsync(this.dir);
  }

  /** SHA-256 of the partial file, read as a stream (a 256 MiB bundle must not block the server). */
  async hashPart(recipient: string, sha256: string): Promise<string> {
    const hash = createHash('sha256');
    for await (const piece of createReadStream(this.partPath(recipient, sha256))) hash.update(piece as Buffer);
    return hash.digest('hex');
  }

  /** The complete, checked upload takes its final name; the folder is flushed so the rename survives a power cut. */
  async publish(recipient: string, sha256: string): Promise<void> {
    await rename(this.partPath(recipient, sha256), this.finalPath(recipient, sha256));
    await syncFolderAsync(this.dir);
  }

  async remove(recipient: string, sha256: string): Promise<void> {
    await rm(this.finalPath(recipient, sha256), { force: true });
    await rm(this.partPath(recipient, sha256), { force: true });
  }

  size(path: string): number | null {
    try {
      return statSync(path).size;
    } catch {
      return null;
    }
  }

  /**
   * After a crash: a partial file longer than the index says is cut back (its last chunk was not
   * counted), a shorter or missing one sets the index back; a complete upload renamed but not yet
   * recorded is recorded; a `waiting` row without its file is dropped; files no row names go.
   */
  sweep(store: MailboxStore, now: number): void {
    const expected = new Set<string>();
    for (const row of store.allBundles()) {
      const part = this.partPath(row.recipient, row.sha256);
      const final = this.finalPath(row.recipient, row.sha256);
      if (row.state === 'partial') {
        if (row.received === row.bytes || this.size(final) === row.bytes) {
          if (this.size(final) === row.bytes) {
            store.complete(row.recipient, row.sha256, now);
            expected.add(final);
          } else store.drop(row.recipient, row.sha256);
          continue;
        }
        const size = this.size(part);
        if (size === null) store.setReceived(row.recipient, row.sha256, 0);
        else if (size > row.received) truncate(part, row.received);
        else if (size < row.received) store.setReceived(row.recipient, row.sha256, size);
        expected.add(part);
      } else if (row.state === 'waiting') {
        if (this.size(final) === row.bytes) expected.add(final);
        else store.drop(row.recipient, row.sha256);
      }
    }
    for (const name of readdirSync(this.dir)) {
      const path = join(this.dir, name);
      if (!expected.has(path)) rmSync(path, { force: true, recursive: true });
    }
  }
}

function truncate(path: string, length: number): void {
  const fd = openSync(path, 'r+');
  try {
    ftruncateSync(fd, length);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

