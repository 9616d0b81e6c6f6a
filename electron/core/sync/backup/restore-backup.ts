/**
 * Restoring a backup (`cst backup restore FILE`): only while no program holds the data
 * directory, and never destroying anything — the current database is moved aside as
 * `cst-desk.sqlite.before-restore-<UTC>`, never deleted. The running app holds the database's
 * EXCLUSIVE lock for its whole life: Impostazioni › Ripristina (restore-from-window.ts) checks
 * the copy with the same checkBackupCopy, closes its own connection, calls restoreBackup and
 * reopens the store.
 */
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { copyPrivate, makePrivateDir } from '../../platform/fs/private-files';
import { isAbsolute, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Role } from '../../../../shared/domain/ids';
import { appError, AppError } from '../../platform/errors';
import { writeFileAtomic } from '../../platform/fs/atomic-write';
import { KEYS_FILE } from '../identity/keys';
import { DB_FILE_NAME } from '../../platform/store/open-store';
import { holdDataDirLock, tieLockTo } from '../../platform/store/data-dir-lock';
import { DAMAGE_MARKER_SUFFIX } from '../../platform/store/store-damage';
import { backupsFolder, verifyCopy } from './backup-service';
import { keysFileFor } from './backup-names';

/** What belongs to the database in place and moves aside with it (never to the restored copy). */
const MOVED_WITH_THE_DATABASE = ['-wal', '-shm', DAMAGE_MARKER_SUFFIX];

export interface RestoreResult {
  restored: string;
  /** Where the database that was here went (null when there was none). */
  movedAside: string | null;
  schemaVersion: number;
  installation: { role: Role; id: string } | null;
  keysRestored: boolean;
  /** What to do next, in Italian. */
  next: string;
}

export interface Identity {
  role: Role;
  id: string;
  signingKey: string;
}

export interface RestoreOptions {
  dataDir: string;
  file: string;
  force: boolean;
  now: string;
  /** How the file is named in messages (the window: the name of the uploaded file, not its temporary copy). */
  shownAs?: string;
  /** The window offers no --force: its refusal says to choose a copy of this installation instead. */
  fromWindow?: boolean;
}

/** What is here now: the installation in the database (null: none or unreadable) and the signing key in keys/. */
export interface CurrentInstallation {
  ours: Identity | null;
  ourKey: string | null;
}

/**
 * Every check a copy must pass before it may replace the database, the same for `cst backup
 * restore` and Impostazioni › Ripristina (one function, so the window can never accept what the
 * CLI refuses): quick_check and a schema this version reads (E_DB_CORRUPT, E_DB_NEWER), an
 * installation that was set up (unless forced), and this same installation — same role, id and
 * signing key — unless forced. `current` is read only after the copy's own checks (the CLI takes
 * the data folder's lock there).
 */
export function checkBackupCopy(staged: string, shownAs: string, current: () => CurrentInstallation, options: { force: boolean; fromWindow?: boolean }): { schemaVersion: number; theirs: Identity | null; current: CurrentInstallation } {
  const { force } = options;
  const schemaVersion = verifyCopy(staged, shownAs).schemaVersion;
  const theirs = readIdentity(staged);
  if (!theirs && !force) {
    throw appError('restore.notABackup', { file: shownAs }, { params: { reason: 'not_an_installation' } });
  }
  const here = current();
  const { ours, ourKey } = here;
  const sameInstallation = !theirs || ((!ours || (ours.id === theirs.id && ours.role === theirs.role)) && (!ourKey || ourKey === theirs.signingKey));
  if (!sameInstallation && !force) {
    throw appError(
      options.fromWindow ? 'restore.otherInstallationWindow' : 'restore.otherInstallation',
      {
        file: shownAs,
        theirs: theirs?.id ?? '?',
        theirsRole: theirs?.role === 'hub' ? 'consorzio' : 'comune',
        theirsRoleEn: theirs?.role === 'hub' ? 'consortium' : 'municipality',
        oursText: ours ? ` (${ours.role === 'hub' ? 'consorzio' : 'comune'} ${ours.id})` : '',
        oursTextEn: ours ? ` (${ours.role === 'hub' ? 'consortium' : 'municipality'} ${ours.id})` : '',
      },
      { params: { reason: 'other_installation', ours: ours?.id ?? '' } },
    );
  }
  return { schemaVersion, theirs, current: here };
}

export function restoreBackup(options: RestoreOptions): RestoreResult {
  const { dataDir, force } = options;
  const file = locate(dataDir, options.file);
  const shownAs = options.shownAs ?? file;
  const dbPath = join(dataDir, DB_FILE_NAME);
  // The file is copied in first and every check runs on that copy: what is installed is exactly
  // what was checked, and the operator's file (perhaps on a USB stick) is only ever read.
  const staged = `${dbPath}.restore.tmp`;
  const dropStaged = () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(staged + suffix, { force: true });
  };
  dropStaged();
  try {
    makePrivateDir(dataDir);
    copyPrivate(file, staged);
    // A database copied while in use may keep its last writes in the -wal beside it: they come
    // along (merged below into the staged copy, never into the operator's file).
    if (existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0) copyPrivate(`${file}-wal`, `${staged}-wal`);
  } catch (err) {
    dropStaged();
    throw appError('restore.cannotCopy', { file: shownAs, dataDir, detail: String((err as Error).message) }, { params: { reason: String((err as { code?: string }).code ?? 'unknown') } });
  }
  let movedAside: string | null = null;
  let schemaVersion: number;
  let theirs: Identity | null;
  let ourKey: string | null;
  try {
    if (existsSync(`${staged}-wal`)) mergeWal(staged, shownAs);
    const checked = checkBackupCopy(
      staged,
      shownAs,
      () => {
        const ours = lockAndReadCurrent(dataDir, dbPath);
        return { ours, ourKey: ours?.signingKey ?? currentSigningKey(dataDir) };
      },
      { force, ...(options.fromWindow ? { fromWindow: true } : {}) },
    );
    schemaVersion = checked.schemaVersion;
    theirs = checked.theirs;
    ourKey = checked.current.ourKey;
    // Opening the staged copy read-only may have left an empty WAL beside it; it must not follow the file.
    for (const suffix of ['-wal', '-shm']) rmSync(staged + suffix, { force: true });
    if (existsSync(dbPath)) {
      // Never over an earlier one: two restores in the same second must both keep their database of before.
      movedAside = `${dbPath}.before-restore-${stamp(options.now)}`;
      for (let n = 2; existsSync(movedAside); n += 1) movedAside = `${dbPath}.before-restore-${stamp(options.now)}-${n}`;
      renameSync(dbPath, movedAside);
      // A WAL left by a crash belongs to the database moved aside, never to the restored one; so
      // does the mark of damage found while the app ran (store-damage.ts): the restored copy opens.
      for (const suffix of MOVED_WITH_THE_DATABASE) if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, movedAside + suffix);
    }
    renameSync(staged, dbPath);
  } catch (err) {
    dropStaged();
    if (movedAside && !existsSync(dbPath)) {
      renameSync(movedAside, dbPath);
      for (const suffix of MOVED_WITH_THE_DATABASE) if (existsSync(movedAside + suffix)) renameSync(movedAside + suffix, dbPath + suffix);
    }
    if (err instanceof AppError) throw err;
    throw appError('restore.failed', { detail: String((err as Error).message) }, { params: { file: shownAs, reason: String((err as { code?: string }).code ?? 'unknown') } });
  }
  const keysRestored = restoreKeys(dataDir, file, stamp(options.now), ourKey !== null && theirs !== null && ourKey !== theirs.signingKey);
  return { restored: file, movedAside, schemaVersion, installation: theirs && { role: theirs.role, id: theirs.id }, keysRestored, next: nextSteps(theirs?.role) };
}

/** Checkpoints a staged copy's WAL into it (a WAL that does not belong to it SQLite ignores). */
function mergeWal(staged: string, shownAs: string): void {
  try {
    const db = new Database(staged, { fileMustExist: true });
    try {
      const [r] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      if (r?.busy) throw new Error('checkpoint busy');
    } finally {
      db.close();
    }
  } catch (err) {
    throw appError('restore.walUnmergeable', { file: shownAs, detail: String((err as Error).message).slice(0, 120) }, { params: { reason: 'wal' } });
  }
  for (const suffix of ['-wal', '-shm']) rmSync(staged + suffix, { force: true });
}

const stamp = (now: string) => `${now.slice(0, 19).replace(/:/g, '-')}Z`;

/** A bare name is looked for in the backups folder, so `cst backup restore cst-desk-….sqlite` works. */
function locate(dataDir: string, file: string): string {
  if (!isAbsolute(file) && !existsSync(file) && existsSync(join(backupsFolder(dataDir), file))) return join(backupsFolder(dataDir), file);
  const path = resolve(file);
  if (!existsSync(path)) throw appError('restore.fileMissing', { file: path });
  return path;
}

export function readIdentity(path: string): Identity | null {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('SELECT role, id, signing_key AS signingKey FROM installation WHERE singleton = 1').get() as Identity | undefined;
    return row ?? null;
  } catch {
    return null;
  } finally {
    db.close();
  }
}

/**
 * Takes the data folder's lock the app holds (data-dir-lock.ts), and the database's own EXCLUSIVE lock, to learn that nobody else has the data directory
 * (E_DB_LOCKED otherwise), and reads who this installation is. A database too damaged to read is
 * what a restore is for: it is simply moved aside.
 */
function lockAndReadCurrent(dataDir: string, dbPath: string): Identity | null {
  if (!existsSync(dbPath)) return null;
  let lock: Database.Database;
  try {
    lock = holdDataDirLock(dataDir);
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw appError('restore.dataDirInUse', { dataDir });
    throw err;
  }
  let db: Database.Database;
  try {
    db = new Database(dbPath, { timeout: 0, fileMustExist: true });
  } catch {
    lock.close();
    return null;
  }
  tieLockTo(db, lock);
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN IMMEDIATE; COMMIT;');
    return (db.prepare('SELECT role, id, signing_key AS signingKey FROM installation WHERE singleton = 1').get() as Identity | undefined) ?? null;
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw appError('restore.dataDirInUse', { dataDir });
    }
    return null;
  } finally {
    db.close();
  }
}

function currentSigningKey(dataDir: string): string | null {
  try {
    return (JSON.parse(readFileSync(join(dataDir, KEYS_FILE), 'utf8')) as { signing_key?: string }).signing_key ?? null;
  } catch {
    return null;
  }
}

/** The keys beside the backup come back when ours are missing, or replace them (kept aside) on --force for another installation. */
function restoreKeys(dataDir: string, file: string, stamp: string, differ: boolean): boolean {
  const copy = keysFileFor(file);
  const target = join(dataDir, KEYS_FILE);
  if (!existsSync(copy)) return false;
  if (existsSync(target) && !differ) return false;
  if (existsSync(target)) renameSync(target, `${target}.before-restore-${stamp}`);
  writeFileAtomic(target, readFileSync(copy), 0o600);
  chmodSync(target, 0o600);
  return true;
}

function nextSteps(role: Role | undefined): string {
  if (role === 'hub') {
    return "Aprire CST Desk. Un consorzio deve ripristinare la sua copia più recente: se la copia è vecchia, i comuni hanno già ricevuto eventi che qui mancano e i nuovi inserimenti saranno rifiutati finché non si ripristina una copia più recente.";
  }
  return "Aprire CST Desk e importare il prossimo pacchetto del consorzio. Se dice che mancano eventi già inviati, chiedere al consorzio il pacchetto di recupero e importarlo (cst recovery apply FILE). Verificare intanto con: cst check";
}
