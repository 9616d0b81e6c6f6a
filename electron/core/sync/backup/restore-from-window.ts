/**
 * Impostazioni › Copie di sicurezza › Ripristina: the same restore as `cst backup restore`, from
 * the running app (issue 13, item 12). The window names a copy of the backups folder (a name
 * from `backup.list`, never a path) or uploads a file's bytes (a copy kept on a USB stick).
 *
 * `backup.restorePreview` checks the copy exactly as the CLI does (checkBackupCopy) and says what
 * it holds, without changing anything. `backup.restore` checks it again, takes a backup of the
 * current data (listed like any other, so the restore itself can be undone from the same list),
 * closes this backend's connection (the app holds the database's EXCLUSIVE lock: restoreBackup
 * needs it, exactly as the CLI with the app closed), installs the copy with restoreBackup (the
 * current database is also moved aside, never deleted) and reopens the store on the restored
 * database (migrations and integrity check run as at start). The window then reloads: every
 * screen's data came from the database that was replaced.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupRestorePreview, BackupRestoreResult, BackupRestoreSource } from '../../../../shared/domain/backup';
import type { AppContext } from '../../platform/context';
import { appError } from '../../platform/errors';
import { copyPrivate, makePrivateDir, PRIVATE_FILE_MODE } from '../../platform/fs/private-files';
import { requireInstallation } from '../../platform/installation/installation-store';
import { openStore } from '../../platform/store/open-store';
import { damageOf } from '../../platform/store/store-damage';
import { parseBackupName } from './backup-names';
import { backupsFolder, takeBackup } from './backup-service';
import { checkBackupCopy, restoreBackup, type CurrentInstallation } from './restore-backup';

interface Staged {
  path: string;
  shownAs: string;
  takenAt: string | null;
  drop(): void;
}

/**
 * A private copy of the chosen backup, in the data folder's own temporary folder (swept at start
 * after a crash). A listed backup is copied too: the backup taken just before restoring may
 * rotate an older copy of the same day away, the very one being restored.
 */
function stage(ctx: AppContext, source: BackupRestoreSource): Staged {
  const dir = join(ctx.dataDir, 'outbox-tmp');
  makePrivateDir(dir);
  const path = join(dir, `restore-${randomUUID()}.sqlite`);
  const drop = () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
  };
  try {
    if ('name' in source) {
      const parsed = parseBackupName(source.name);
      const file = parsed ? join(backupsFolder(ctx.dataDir), parsed.name) : null;
      if (!parsed || !file || !existsSync(file)) throw appError('restore.unknownBackup', { name: source.name });
      copyPrivate(file, path);
      return { path, shownAs: source.name, takenAt: parsed.takenAt, drop };
    }
    writeFileSync(path, Buffer.from(source.contentBase64, 'base64'), { mode: PRIVATE_FILE_MODE });
    return { path, shownAs: source.fileName, takenAt: parseBackupName(source.fileName)?.takenAt ?? null, drop };
  } catch (err) {
    drop();
    throw err;
  }
}

function currentOf(ctx: AppContext): CurrentInstallation {
  const us = requireInstallation(ctx.db);
  return { ours: { role: us.role, id: us.id, signingKey: us.signingKey }, ourKey: us.signingKey };
}

interface Contents {
  name: string;
  events: number;
  lastEventAt: string | null;
}

function contentsOf(db: Database.Database): Contents {
  const name = (db.prepare('SELECT name FROM installation WHERE singleton = 1').pluck().get() as string | undefined) ?? '';
  const last = db.prepare('SELECT seq, at FROM outbox ORDER BY seq DESC LIMIT 1').get() as { seq: number; at: string } | undefined;
  return { name, events: last?.seq ?? 0, lastEventAt: last?.at ?? null };
}

function contentsOfFile(path: string): Contents {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return contentsOf(db);
  } finally {
    db.close();
  }
}

/** The checks of `cst backup restore`, and what the copy holds beside what is here now. Changes nothing. */
export function previewRestore(ctx: AppContext, source: BackupRestoreSource): BackupRestorePreview {
  const staged = stage(ctx, source);
  try {
    const { theirs } = checkBackupCopy(staged.path, staged.shownAs, () => currentOf(ctx), { force: false, fromWindow: true });
    const copy = contentsOfFile(staged.path);
    const now = contentsOf(ctx.db);
    return {
      source: 'name' in source ? { kind: 'listed', name: source.name } : { kind: 'file', fileName: source.fileName },
      takenAt: staged.takenAt,
      installation: { role: theirs?.role ?? requireInstallation(ctx.db).role, id: theirs?.id ?? '', name: copy.name },
      copy: { events: copy.events, lastEventAt: copy.lastEventAt },
      current: { events: now.events, lastEventAt: now.lastEventAt },
    };
  } finally {
    staged.drop();
  }
}

export async function restoreFromWindow(ctx: AppContext, source: BackupRestoreSource): Promise<BackupRestoreResult> {
  const staged = stage(ctx, source);
  try {
    // Refused here, the app goes on untouched: nothing is closed for a copy that cannot be used.
    checkBackupCopy(staged.path, staged.shownAs, () => currentOf(ctx), { force: false, fromWindow: true });
    // A damaged store (store-damage.ts) cannot give a sound copy: it is moved aside, never deleted.
    const savedFirst = damageOf(ctx.db) ? null : await takeBackup(ctx);
    ctx.db.close();
    let restored: ReturnType<typeof restoreBackup> | null = null;
    try {
      restored = restoreBackup({ dataDir: ctx.dataDir, file: staged.path, force: false, now: ctx.clock.now(), shownAs: staged.shownAs, fromWindow: true });
    } finally {
      // Whatever happened, the backend goes on with the database now in place: the restored
      // copy, or the current one when restoreBackup refused (it puts it back before throwing).
      ctx.db = openStore(ctx.dataDir);
    }
    ctx.log.info('backup restored from the window', { source: staged.shownAs, savedFirst: savedFirst?.name ?? null });
    const now = contentsOf(ctx.db);
    return {
      restored: staged.shownAs,
      takenAt: staged.takenAt,
      savedFirst: savedFirst?.name ?? null,
      movedAside: restored.movedAside ? restored.movedAside.slice(ctx.dataDir.length + 1) : null,
      events: now.events,
      role: requireInstallation(ctx.db).role,
    };
  } finally {
    staged.drop();
  }
}
