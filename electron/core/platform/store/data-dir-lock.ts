/**
 * One CST Desk program per data folder, held for the life of the store's connection.
 *
 * The store's connection used to hold SQLite's EXCLUSIVE lock on the database itself, which
 * also shut out every other connection of this process: the background full check
 * (background-check.ts) needs a second, read-only connection while the app keeps writing, which
 * WAL allows only in the NORMAL locking mode. The guarantee moves to a small file beside the
 * database, `cst-desk.lock`, held in SQLite's EXCLUSIVE mode by a connection of its own, taken
 * before the database is even opened: a second program fails there (SQLITE_BUSY: E_DB_LOCKED),
 * as before. The lock goes when the store's connection closes (tieLockTo), and the operating
 * system releases it if the process dies, so no stale lock can block a clerk. The file's content
 * is irrelevant (its journal is kept in memory). A connection of its own, not one ATTACHed to the
 * store's: ATTACH reads the store's schema, and a damaged store must reach its check and be
 * refused as damaged.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';

export const LOCK_FILE_NAME = 'cst-desk.lock';

/** Takes the data folder's lock; throws SQLITE_BUSY when another program holds it. */
export function holdDataDirLock(dataDir: string): Database.Database {
  const lock = new Database(join(dataDir, LOCK_FILE_NAME), { timeout: 0 });
  try {
    // No -journal file beside it (OFF is refused in better-sqlite3's defensive mode).
    lock.pragma('journal_mode = MEMORY');
    lock.pragma('locking_mode = EXCLUSIVE');
    // A write takes the EXCLUSIVE lock, kept until the connection closes (locking_mode above).
    lock.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL); DELETE FROM holder;');
    lock.prepare('INSERT INTO holder (pid) VALUES (?)').run(process.pid);
    return lock;
  } catch (err) {
    lock.close();
    throw err;
  }
}

/** The lock is released when the store's connection closes, by whichever code closes it. */
export function tieLockTo(db: Database.Database, lock: Database.Database): void {
  const closeStore = db.close.bind(db);
  db.close = () => {
    try {
      return closeStore();
    } finally {
      if (lock.open) lock.close();
    }
  };
}
