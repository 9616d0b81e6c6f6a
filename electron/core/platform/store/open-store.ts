import { chmodSync, closeSync, existsSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError, appError } from '../errors';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../fs/private-files';
import { dataDirProblem, readOnlyDatabase } from './data-dir-problems';
import { DB_FILE_NAME } from './db-file';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index';
import { sweepStaleTemporaries } from './stale-temporaries';
import { holdDataDirLock, LOCK_FILE_NAME, tieLockTo } from './data-dir-lock';
import { readDamageMarker } from './store-damage';
import { chooseStartupCheck, recordFullCheck, recordFullCheckOwed, runStartupCheck, type StartupCheckOptions } from './startup-check';

export { DB_FILE_NAME };

/**
 * Opens (or creates) the data directory's database, checks it and brings its schema up to date.
 *
 * Order matters: the integrity check (as deep as startup-check.ts decides) and the version check run before anything writes, so a
 * corrupt file or one from a newer version is left byte-for-byte untouched for recovery.
 * The connection holds the data folder's lock for its whole life (data-dir-lock.ts): a second
 * process on the same data directory gets E_DB_LOCKED instead of writing beside us, and the
 * operating system releases the lock if this process dies, so no stale lock can block a clerk.
 * A store that an earlier run found damaged (store-damage.ts) is refused before SQLite opens it.
 */
export function openStore(dataDir: string, options: StartupCheckOptions = {}): Database.Database {
  const path = join(dataDir, DB_FILE_NAME);
  // Read before SQLite opens the file (it creates the -wal): a WAL left behind means the last
  // program using it did not close it (a crash, a power cut, kill -9). startup-check.ts.
  const uncleanShutdown = existsSync(`${path}-wal`);
  const fileBytes = existsSync(path) ? statSync(path).size : 0;
  const damage = readDamageMarker(dataDir);
  if (damage) throw appError('store.damaged', { path, detail: damage.detail.slice(0, 120) });
  try {
    makePrivateDir(dataDir);
    makePrivateDatabaseFile(path);
    makePrivateDatabaseFile(join(dataDir, LOCK_FILE_NAME));
  } catch (err) {
    throw dataDirProblem(dataDir, err);
  }
  const readOnly = readOnlyDatabase(dataDir);
  if (readOnly) throw readOnly;
  // First of all: a second program stops here (E_DB_LOCKED), before the database is opened.
  let lock: Database.Database;
  try {
    lock = holdDataDirLock(dataDir);
  } catch (err) {
    throw classifyOpenError(err, dataDir, path);
  }
  let db: Database.Database;
  try {
    db = new Database(path, { timeout: 0 });
  } catch (err) {
    lock.close();
    throw dataDirProblem(dataDir, err);
  }
  tieLockTo(db, lock);
  try {
    const check = runStartupCheck(db, path, chooseStartupCheck(db, { uncleanShutdown, fileBytes }, options), uncleanShutdown);
    if (check.problem !== null) throw appError('store.damaged', { path, detail: check.problem.slice(0, 120) });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw appError('store.newerSchema', { path, version, supported: SCHEMA_VERSION });
    }
    // WAL with synchronous=FULL: with NORMAL a power cut can undo an event that already left in
    // a bundle, and the next event would reuse its seq — a fork of our own stream.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('trusted_schema = OFF');
    // 64 MiB of page cache instead of SQLite's 2 MiB: at national scale (millions of events) the
    // inner pages of the indexes an import and the hub's views walk no longer fit in 2 MiB, and
    // each miss is a read through the OS. Bounded, and small beside an old PC's memory.
    db.pragma('cache_size = -65536');
    // Ours alone from here: what a crash left half written can go (stale-temporaries.ts).
    sweepStaleTemporaries(dataDir);
    migrate(db, version);
    if (check.kind === 'full') recordFullCheck(db, (options.now ?? (() => new Date()))());
    else if (check.fullCheckDeferred) recordFullCheckOwed(db, check.fullCheckDeferred);
    return db;
  } catch (err) {
    if (db.open) db.close();
    if (err instanceof AppError) throw err;
    throw classifyOpenError(err, dataDir, path);
  }
}

/** Runs the missing migrations in one transaction: either all of them land, or none. */
function migrate(db: Database.Database, from: number): void {
  const pending = MIGRATIONS.filter((m) => m.version > from);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
}

function classifyOpenError(err: unknown, dataDir: string, path: string): AppError {
  const code = (err as { code?: string }).code ?? '';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return appError('store.locked', { dataDir });
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return appError('store.notADatabase', { path });
  }
  return dataDirProblem(dataDir, err);
}

/**
 * SQLite creates a database 0644, and its -wal and -shm take the database's mode: created empty
 * here first as 0600, the three stay private whatever the umask. A database of an earlier
 * version, created 0644, loses the bits of group and others (best effort: a file we may not
 * chmod is still opened).
 */
function makePrivateDatabaseFile(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      // Only group and others lose their bits: a write-protected file stays write-protected.
      if (existsSync(path + suffix)) chmodSync(path + suffix, statSync(path + suffix).mode & 0o700);
    } catch {
      // not ours to change (or a read-only disk, reported when SQLite opens it)
    }
  }
}
