/**
 * The shared-folder courier (docs/sync.md "Shared folder"): the consortium's network share, or
 * a folder Nextcloud or OneDrive keeps in sync, with the mailbox's semantics.
 *
 *     <folder>/<recipient>/<sha256>.cstb
 *
 * A writer writes `<recipient>/.<sha256>.<random>.tmp`, flushes it and renames it: a reader
 * never sees a half-written file under a real name. A reader takes only `<64 hex>.cstb` (a sync
 * client's conflict copies, `… (1).cstb`, and temp files are ignored) and checks the SHA-256 of
 * what it copied before renaming it into place. A folder cannot say "delivered": a file that
 * was there and is gone was taken by its recipient, so the agent reads `absent` after a
 * complete upload as delivered (sync-round.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PRIVATE_FILE_MODE } from '../../platform/fs/private-files';
import { CourierError, type Courier, type OutgoingFile, type Progress, type Recipient, type SendState, type WaitingFile } from './courier';

const BUNDLE_NAME = /^[0-9a-f]{64}\.cstb$/;
const SHA256 = /^[0-9a-f]{64}$/;
const RECIPIENT = /^(hub|[0-9]{6})$/;
const CHUNK = 1 << 20;

export interface FolderCourierOptions {
  folder: string;
  /** Our own inbox: `hub`, or our ISTAT code. */
  self: Recipient;
}

/** What a file-system failure means to the agent: a share that is not there is "offline". */
function courierError(err: unknown, what: string): CourierError {
  if (err instanceof CourierError) return err;
  const code = (err as NodeJS.ErrnoException).code ?? '';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new CourierError('refused', `${what}: ${code}`);
  return new CourierError('offline', `${what}: ${code || String(err)}`);
}

function checkName(recipient: string, sha256: string): void {
  // Never a path built from anything but these two shapes (no `..`, no separators).
  if (!RECIPIENT.test(recipient) || !SHA256.test(sha256)) throw new CourierError('refused', 'bad recipient or sha256');
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}

/** Copies `from` to a new file `to`, flushed; the SHA-256 of what was written. */
async function copyFlushed(from: string, to: string, total: number, onProgress?: Progress): Promise<string> {
  const hash = createHash('sha256');
  const out = await open(to, 'w', PRIVATE_FILE_MODE);
  let done = 0;
  try {
    for await (const chunk of createReadStream(from, { highWaterMark: CHUNK })) {
      const b = chunk as Buffer;
      hash.update(b);
      let off = 0;
      while (off < b.length) off += (await out.write(b, off, b.length - off)).bytesWritten;
      done += b.length;
      onProgress?.(done, total);
    }
    await out.sync();
  } finally {
    await out.close();
  }
  return hash.digest('hex');
}

export function createFolderCourier(options: FolderCourierOptions): Courier {
  const root = options.folder;
  const fileOf = (recipient: string, sha256: string) => join(root, recipient, `${sha256}.cstb`);

  async function requireRoot(): Promise<void> {
    // The share itself missing (not mounted, the sync client not running) is "offline": the
    // agent backs off; recipients' subfolders are made on demand.
    try {
      if (!(await stat(root)).isDirectory()) throw new CourierError('offline', 'shared folder is not a folder');
    } catch (err) {
      throw courierError(err, 'shared folder');
    }
  }

  async function sendState(to: Recipient, sha256: string): Promise<SendState> {
    checkName(to, sha256);
    await requireRoot();
    try {
      return (await exists(fileOf(to, sha256))) ? 'waiting' : 'absent';
    } catch (err) {
      throw courierError(err, 'state');
    }
  }

  async function remove(sha256: string): Promise<void> {
    checkName(options.self, sha256);
    try {
      await rm(fileOf(options.self, sha256), { force: true });
    } catch (err) {
      throw courierError(err, 'remove');
    }
  }

  return {
    kind: 'folder',

    // `fresh` (SendOptions) is ignored: asking a folder where a file stands costs no request.
    async send(to, file: OutgoingFile, onProgress) {
      checkName(to, file.sha256);
      if ((await sendState(to, file.sha256)) === 'waiting') return 'waiting';
      const dir = join(root, to);
      const tmp = join(dir, `.${file.sha256}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        await mkdir(dir, { recursive: true });
        const written = await copyFlushed(file.path, tmp, file.bytes, onProgress);
        if (written !== file.sha256) throw new CourierError('corrupt', 'the outgoing file does not hash to its name');
        await rename(tmp, fileOf(to, file.sha256));
      } catch (err) {
        await rm(tmp, { force: true }).catch(() => undefined);
        throw courierError(err, 'send');
      }
      return 'waiting';
    },

    sendState,

    async list(after, limit = 100) {
      await requireRoot();
      let names: string[];
      try {
        names = await readdir(join(root, options.self));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { items: [], more: false };
        throw courierError(err, 'list');
      }
      // Ordered by name (the SHA-256): a folder has no reliable arrival order across sync
      // clients, and the import orders a sender's bundles by their sequence numbers anyway.
      const shas = names.filter((n) => BUNDLE_NAME.test(n)).map((n) => n.slice(0, 64)).sort();
      const start = after ? shas.findIndex((s) => s > after) : 0;
      const page = start < 0 ? [] : shas.slice(start, start + limit);
      const items: WaitingFile[] = [];
      for (const sha256 of page) {
        try {
          const s = await stat(fileOf(options.self, sha256));
          items.push({ sha256, bytes: s.size, from: options.self === 'hub' ? 'member' : 'hub', receivedAt: s.mtime.toISOString() });
        } catch {
          // taken away between readdir and stat: not waiting any more
        }
      }
      return { items, more: start >= 0 && start + limit < shas.length };
    },

    async fetch(item: WaitingFile, dest: string, onProgress) {
      checkName(options.self, item.sha256);
      const part = `${dest}.part`;
      try {
        const got = await copyFlushed(fileOf(options.self, item.sha256), part, item.bytes, onProgress);
        if (got !== item.sha256) throw new CourierError('corrupt', 'the file does not hash to its name');
        await rename(part, dest);
      } catch (err) {
        await rm(part, { force: true }).catch(() => undefined);
        throw courierError(err, 'fetch');
      }
    },

    remove,

    async removeMany(sha256s) {
      // A folder has no batch: one file after the other.
      for (const sha256 of sha256s) await remove(sha256);
    },
  };
}
