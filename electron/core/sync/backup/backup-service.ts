/**
 * Online backups of the open database (docs/design.md "Store"): better-sqlite3's `db.backup()` copies
 * the pages in steps, one step per turn of the event loop, so the app keeps answering and the
 * clerk keeps writing while it runs. A step runs between two turns, never inside one of our
 * transactions: every write here is a synchronous better-sqlite3 transaction (docs/conventions.md),
 * so a bundle import's transaction is over before the next step can start, and a write made by
 * the same connection during the copy is carried into it by SQLite itself.
 *
 * The copy is written as `*.tmp`, switched to a single file (journal_mode=DELETE), checked with
 * quick_check read-only, given its keys beside it, and only then renamed to its final name: a
 * listed `cst-desk-*.sqlite` has always passed the check. A failure (disk full, read-only
 * folder) is never thrown at start-up or at a write: it is logged and kept as the last attempt,
 * which Settings shows.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupAttempt, BackupEntry, BackupOverview } from '../../../../shared/domain/backup';
import type { AppContext } from '../../platform/context';
import { appError, AppError } from '../../platform/errors';
import { writeFileAtomic } from '../../platform/fs/atomic-write';
import { diskFullError, isDiskFull } from '../../platform/fs/disk-errors';
import { PRIVATE_FILE_MODE } from '../../platform/fs/private-files';
import { KEYS_FILE } from '../identity/keys';
import { requireInstallation } from '../../platform/installation/installation-store';
import { SCHEMA_VERSION } from '../../platform/store/migrations/index';
import { backupBaseName, BACKUPS_FOLDER, backupsToKeep, keysFileFor, parseBackupName, sortNewestFirst } from './backup-names';

const LAST_ATTEMPT_FILE = 'last-attempt.json';

interface BackupState {
  running: Promise<BackupEntry> | null;
  lastAttempt: BackupAttempt | null;
}

// One state per open connection: the CLI, the app and tests may hold several backends in one process.
const states = new WeakMap<Database.Database, BackupState>();

function stateOf(ctx: AppContext): BackupState {
  let s = states.get(ctx.db);
  if (!s) {
    s = { running: null, lastAttempt: readLastAttempt(ctx.dataDir) };
    states.set(ctx.db, s);
  }
  return s;
}

export function backupsFolder(dataDir: string): string {
  return join(dataDir, BACKUPS_FOLDER);
}

/** The verified copies, newest first. */
export function listBackups(dataDir: string): BackupEntry[] {
  const folder = backupsFolder(dataDir);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const present = new Set(names);
  const parsed = names.map(parseBackupName).filter((p) => p !== null);
  return sortNewestFirst(parsed).map((p) => {
    let sizeBytes = 0;
    try {
      sizeBytes = statSync(join(folder, p.name)).size;
    } catch {
      // Deleted between the listing and now: shown with size 0 rather than failing the list.
    }
    return { name: p.name, takenAt: p.takenAt, sizeBytes, ok: sizeBytes > 0 && present.has(keysFileFor(p.name)) };
  });
}

export function backupOverview(ctx: AppContext): BackupOverview {
  const s = stateOf(ctx);
  return { folder: backupsFolder(ctx.dataDir), backups: listBackups(ctx.dataDir), lastAttempt: s.lastAttempt, running: s.running !== null };
}

/**
 * Takes a backup now; a second call while one runs waits for that one instead of copying twice.
 * Throws AppError (E_NOT_INITIALIZED, E_IO, E_DISK_FULL) and records the failure as the last attempt.
 */
export function takeBackup(ctx: AppContext): Promise<BackupEntry> {
  const s = stateOf(ctx);
  if (s.running) return s.running;
  const run = (async () => {
    try {
      const entry = await copyAndVerify(ctx);
      record(ctx, s, { at: ctx.clock.now(), ok: true, name: entry.name });
      return entry;
    } catch (err) {
      const error = toAppError(err, backupsFolder(ctx.dataDir));
      // Closing the data folder (app quitting, a `cst` command ending) interrupts a copy: not a failure to report.
      if (!ctx.db.open) {
        ctx.log.info('backup interrupted: the database was closed');
        throw error;
      }
      record(ctx, s, { at: ctx.clock.now(), ok: false, error: { code: error.code, message: error.message, ...(error.extra.params ? { params: error.extra.params } : {}) } });
      ctx.log.error('backup failed', { code: error.code, message: error.message });
      throw error;
    } finally {
      s.running = null;
    }
  })();
  s.running = run;
  return run;
}

async function copyAndVerify(ctx: AppContext): Promise<BackupEntry> {
  requireInstallation(ctx.db);
  const folder = backupsFolder(ctx.dataDir);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw ioError(folder, err);
  }
  // A copy cut short by a crash or a power cut leaves its `.tmp`: only this process holds the
  // data folder (EXCLUSIVE lock) and no copy is running, so every one left is stale.
  for (const n of readdirSync(folder)) if (/^cst-desk-.*\.sqlite\.tmp(-journal)?$/.test(n)) rmSync(join(folder, n), { force: true });
  const startedAt = ctx.clock.now();
  // After the highest number taken in this second, not the first free one: rotation keeps the
  // highest of a day, and a lower free number (its copy rotated away) would make the new copy
  // look older than one already there and be deleted at once.
  const second = `${startedAt.slice(0, 19)}Z`;
  const taken = readdirSync(folder).map(parseBackupName).filter((p) => p !== null && p.takenAt === second);
  let n = Math.max(0, ...taken.map((p) => p!.n)) + 1;
  while (existsSync(join(folder, backupBaseName(startedAt, n)))) n += 1;
  const name = backupBaseName(startedAt, n);
  const finalPath = join(folder, name);
  const tmp = `${finalPath}.tmp`;
  try {
    // SQLite would create the copy 0644; created empty first, it keeps 0600 (private-files.ts).
    closeSync(openSync(tmp, 'w', PRIVATE_FILE_MODE));
    await ctx.db.backup(tmp);
    asSingleFile(tmp);
    verifyCopy(tmp);
    copyKeys(ctx.dataDir, join(folder, keysFileFor(name)));
    renameSync(tmp, finalPath);
  } catch (err) {
    rmSync(tmp, { force: true });
    rmSync(`${tmp}-journal`, { force: true });
    rmSync(join(folder, keysFileFor(name)), { force: true });
    throw err instanceof AppError ? err : ioError(folder, err);
  }
  rotate(ctx);
  return listBackups(ctx.dataDir).find((b) => b.name === name) ?? { name, takenAt: startedAt, sizeBytes: statSync(finalPath).size, ok: true };
}

/** The copy carries our WAL mode in its header; a backup must be one file that opens read-only anywhere. */
function asSingleFile(path: string): void {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/** quick_check and the schema version of a copy, opened read-only. Throws E_DB_CORRUPT / E_DB_NEWER. */
export function verifyCopy(path: string, shownAs = path): { schemaVersion: number } {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw corruptCopy(shownAs, String((err as Error).message));
  }
  try {
    const first = (db.pragma('quick_check') as { quick_check: string }[])[0]?.quick_check;
    if (first !== 'ok') throw corruptCopy(shownAs, String(first));
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    if (schemaVersion > SCHEMA_VERSION) {
      throw appError('backup.newerSchema', { file: shownAs, version: schemaVersion, supported: SCHEMA_VERSION });
    }
    return { schemaVersion };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw corruptCopy(shownAs, String((err as Error).message));
  } finally {
    db.close();
  }
}

function corruptCopy(path: string, detail: string): AppError {
  return appError('backup.damaged', { file: path, detail: detail.slice(0, 120) }, { params: { reason: 'quick_check' } });
}

/**
 * One keys copy per backup (mode 0600), deleted with it by rotation: the keys never change after
 * setup, but a backup copied alone to another disk must still carry the keys that open its bundles.
 */
function copyKeys(dataDir: string, to: string): void {
  const from = join(dataDir, KEYS_FILE);
  if (!existsSync(from)) return;
  writeFileAtomic(to, readFileSync(from), 0o600);
  chmodSync(to, 0o600);
}

function rotate(ctx: AppContext): void {
  const folder = backupsFolder(ctx.dataDir);
  const all = readdirSync(folder).map(parseBackupName).filter((p) => p !== null);
  const keep = backupsToKeep(all);
  for (const b of all) {
    if (keep.has(b.name)) continue;
    try {
      rmSync(join(folder, b.name), { force: true });
      rmSync(join(folder, keysFileFor(b.name)), { force: true });
    } catch (err) {
      ctx.log.warn('backup rotation could not delete an old copy', { name: b.name, error: String(err) });
    }
  }
}

function record(ctx: AppContext, s: BackupState, attempt: BackupAttempt): void {
  s.lastAttempt = attempt;
  // Best effort: the folder that refused the copy may refuse this too; memory still holds it.
  try {
    writeFileAtomic(join(backupsFolder(ctx.dataDir), LAST_ATTEMPT_FILE), `${JSON.stringify(attempt)}\n`);
  } catch {
    /* shown from memory until the next start */
  }
}

function readLastAttempt(dataDir: string): BackupAttempt | null {
  try {
    const v = JSON.parse(readFileSync(join(backupsFolder(dataDir), LAST_ATTEMPT_FILE), 'utf8')) as BackupAttempt;
    return typeof v.at === 'string' && typeof v.ok === 'boolean' ? v : null;
  } catch {
    return null;
  }
}

function toAppError(err: unknown, folder: string): AppError {
  if (err instanceof AppError) return err;
  if (isDiskFull(err)) return ioError(folder, err);
  return appError('backup.failed', { detail: String((err as Error)?.message ?? err) }, { params: { reason: String((err as { code?: string })?.code ?? 'unknown') } });
}

function ioError(folder: string, err: unknown): AppError {
  if (isDiskFull(err)) return diskFullError(folder, err, 'backup');
  const code = String((err as { code?: string })?.code ?? 'unknown');
  const key = ['EACCES', 'EPERM', 'EROFS', 'SQLITE_READONLY', 'SQLITE_CANTOPEN'].includes(code)
    ? 'backup.cannotWrite'
    : code === 'EEXIST' || code === 'ENOTDIR'
      ? 'backup.fileInTheWay'
      : 'backup.systemError';
  return appError(key, { folder, reason: code });
}
