/** A data folder whose database stops at an older schema version, to test a migration on it. */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../electron/core/platform/store/migrations/index';
import { DB_FILE_NAME } from '../../electron/core/platform/store/open-store';
import { tempDir } from './temp-dir';

/**
 * Creates the database at `version` (migrations 1…version, as that release left it), lets `fill`
 * add rows in the same transaction, closes it, and returns the folder for openStore to migrate.
 */
export function databaseAtVersion(version: number, fill: (db: Database.Database) => void = () => {}): string {
  const dir = tempDir();
  const raw = new Database(join(dir, DB_FILE_NAME));
  try {
    raw.transaction(() => {
      for (const m of MIGRATIONS.filter((x) => x.version <= version)) m.up(raw);
      raw.pragma(`user_version = ${version}`);
      fill(raw);
    })();
  } finally {
    raw.close();
  }
  return dir;
}
