/**
 * Damage found while the app runs (the background full check, background-check.ts): the store
 * stops writing at once and stays refused until it is replaced by a backup.
 *
 * - Writes: the connection turns `query_only` — SQLite itself refuses every write statement,
 *   whichever code path tries it, so nothing is built on a damaged page and nothing is
 *   half-applied (the dispatcher turns the refusal into store.writesStopped). Reading goes on:
 *   the clerk can still look things up and the window can restore a backup.
 * - The next start: a marker file beside the database, `cst-desk.sqlite.damaged`, written at
 *   once (the damaged database itself is not written to). openStore refuses a store with a
 *   marker as it refuses one its own check finds damaged (E_DB_CORRUPT), before SQLite touches
 *   the file; a big store's start would not read the damaged pages again. Restoring a backup
 *   moves the marker aside with the damaged database (restore-backup.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { StoreDamage } from '../../../../shared/domain/store-health';
import { writeFileAtomic } from '../fs/atomic-write';
import { DB_FILE_NAME } from './db-file';

export const DAMAGE_MARKER_SUFFIX = '.damaged';

const damaged = new WeakMap<Database.Database, StoreDamage>();

export function damageMarkerPath(dataDir: string): string {
  return join(dataDir, DB_FILE_NAME + DAMAGE_MARKER_SUFFIX);
}

/** The damage recorded beside the database by an earlier run, or null. */
export function readDamageMarker(dataDir: string): StoreDamage | null {
  const path = damageMarkerPath(dataDir);
  if (!existsSync(path)) return null;
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<StoreDamage>;
    return { detail: String(parsed.detail ?? 'segnalato da un controllo precedente'), foundAt: String(parsed.foundAt ?? '') };
  } catch {
    return { detail: 'segnalato da un controllo precedente', foundAt: '' };
  }
}

/** Stops every write on this connection and records the damage for the next start. */
export function stopWritesOnDamage(db: Database.Database, dataDir: string, damage: StoreDamage): void {
  db.pragma('query_only = ON');
  damaged.set(db, damage);
  writeFileAtomic(damageMarkerPath(dataDir), `${JSON.stringify(damage)}\n`);
}

/** The damage found on this connection, if any (writes are then refused). */
export function damageOf(db: Database.Database): StoreDamage | undefined {
  return damaged.get(db);
}
