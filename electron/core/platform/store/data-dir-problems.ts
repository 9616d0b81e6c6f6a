import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { appError, type AppError } from '../errors';
import { diskFullError, errorCode, isDiskFull } from '../fs/disk-errors';
import { DB_FILE_NAME } from './db-file';

/**
 * Why a data folder cannot be used, in one sentence a clerk can act on. The error SQLite or the
 * system gives says little (`SQLITE_IOERR_LOCK` for a read-only disk, `EEXIST` for a file in
 * place of the folder), so the folder is looked at instead: what is there, and whether it can
 * be written. The raw code stays in `params.code` for support.
 */
export function dataDirProblem(dataDir: string, err: unknown): AppError {
  const code = errorCode(err) || String(err);
  if (isDiskFull(err)) return diskFullError(dataDir, err, 'dataDir');
  const file = fileInPlaceOfFolder(dataDir);
  if (file) return notAFolder(dataDir, file, code);
  const nearest = nearestExisting(dataDir);
  if (code === 'EROFS' || cannotWrite(nearest) === 'EROFS') {
    return appError('dataDir.readOnlyDisk', { dataDir }, { params: { reason: 'read_only_disk', code } });
  }
  const db = join(dataDir, DB_FILE_NAME);
  if (existsSync(db) && cannotWrite(db) !== null) {
    return appError('dataDir.readOnlyFile', { db }, { params: { dataDir, reason: 'read_only_file', code } });
  }
  if (cannotWrite(nearest) !== null || ['EACCES', 'EPERM', 'SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_READONLY_DIRECTORY'].includes(code)) {
    return appError('dataDir.notWritable', { dataDir }, { params: { reason: 'not_writable', code } });
  }
  return appError('dataDir.system', { dataDir, code }, { params: { reason: 'system' } });
}

/**
 * A database file the user may not write (0444, «Sola lettura», another user's): said at open.
 * Opening writes nothing to the database itself (the folder's lock is cst-desk.lock), so
 * SQLite would open it read-only without a word and the first write would fail half-way
 * through a command.
 */
export function readOnlyDatabase(dataDir: string): AppError | null {
  const db = join(dataDir, DB_FILE_NAME);
  const code = existsSync(db) ? cannotWrite(db) : null;
  return code === null ? null : dataDirProblem(dataDir, Object.assign(new Error(code), { code }));
}

/**
 * For the commands that only read (check, log verify, identity show…): the data folder must
 * already hold a database. Opening a mistyped folder would create an empty one and report it
 * healthy.
 */
export function requireExistingStore(dataDir: string): void {
  const file = fileInPlaceOfFolder(dataDir);
  if (file) throw notAFolder(dataDir, file, 'ENOTDIR');
  if (!existsSync(dataDir)) {
    throw appError('dataDir.missing', { dataDir }, { params: { reason: 'missing' } });
  }
  if (!existsSync(join(dataDir, DB_FILE_NAME))) {
    throw appError('dataDir.noDatabase', { dataDir, dbFile: DB_FILE_NAME }, { params: { reason: 'no_database' } });
  }
}

function notAFolder(dataDir: string, file: string, code: string): AppError {
  return appError('dataDir.notAFolder', { path: file, dataDir }, { params: { reason: 'not_a_folder', code } });
}

/** The path itself, or the first of its parents, that exists and is not a folder. */
function fileInPlaceOfFolder(path: string): string | null {
  for (let p = path; ; p = dirname(p)) {
    try {
      return statSync(p).isDirectory() ? null : p;
    } catch {
      if (dirname(p) === p) return null;
    }
  }
}

function nearestExisting(path: string): string {
  let p = path;
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p);
  return p;
}

/** Null when `path` can be written; otherwise the system's code (EROFS holds even for root). */
function cannotWrite(path: string): string | null {
  try {
    accessSync(path, constants.W_OK);
    return null;
  } catch (err) {
    return errorCode(err) || 'EACCES';
  }
}
