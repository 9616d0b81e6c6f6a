import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DB_FILE_NAME } from './db-file';

/**
 * What a crash or a power cut can leave in the data folder, half written: a plain bundle being
 * exported (outbox-tmp/), a decrypted bundle being read (inbox/tmp/), a received file being
 * archived, the temporary file of an atomic write (the keys, the copy of the keys beside a
 * backup), a backup copy, the staged database of a restore. All hold personal data in clear,
 * and none is needed once the program that wrote it is gone.
 *
 * Called by openStore once it holds the data folder's exclusive lock: no other CST Desk
 * program is using the folder, and this one has not started any work yet, so everything
 * matched here is stale (the folder names are the sync layer's; only their temporaries are
 * named here, so that the sweep runs before any of that code).
 */
const WHOLE_FOLDERS = [join('outbox-tmp'), join('inbox', 'tmp')];
/** Atomic writes (platform/fs/atomic-write.ts) and half-copied archive files: `.<name>.tmp`. */
const DOT_TMP = /^\..+\.tmp$/;
const FOLDERS_WITH_DOT_TMP = ['.', join('inbox', 'archive'), 'keys', 'backups', 'attachments'];
const BACKUP_COPY = /^cst-desk-.*\.sqlite\.tmp(-journal|-wal|-shm)?$/;
const RESTORE_STAGED = new RegExp(`^${DB_FILE_NAME.replace('.', '\\.')}\\.restore\\.tmp(-wal|-shm|-journal)?$`);

export function sweepStaleTemporaries(dataDir: string): string[] {
  const removed: string[] = [];
  const remove = (path: string) => {
    try {
      rmSync(path, { recursive: true, force: true });
      removed.push(path);
    } catch {
      // in use by another program or not ours to remove: left for the next start
    }
  };
  for (const folder of WHOLE_FOLDERS) for (const name of names(join(dataDir, folder))) remove(join(dataDir, folder, name));
  for (const folder of FOLDERS_WITH_DOT_TMP) {
    for (const name of names(join(dataDir, folder))) {
      const stale =
        DOT_TMP.test(name) || (folder === 'backups' && BACKUP_COPY.test(name)) || (folder === '.' && RESTORE_STAGED.test(name));
      if (stale) remove(join(dataDir, folder, name));
    }
  }
  return removed;
}

function names(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
