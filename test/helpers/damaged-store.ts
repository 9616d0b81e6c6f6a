import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { AppError } from '../../electron/core/platform/errors';
import { DB_FILE_NAME, openStore } from '../../electron/core/platform/store/open-store';
import { openTestBackend } from './backend';
import { tempDir } from './temp-dir';

/**
 * Real stores and real damage for the start-up and background checks (platform/store/
 * startup-check.ts, background-check.ts). "Big" is set to 0 bytes, so a test store takes the
 * national hub's path: the header at open, a due full check in the background.
 */
export const BIG = { quickCheckMaxBytes: 0, fullCheckAtOpenMaxBytes: 0 };
export const DAY = 24 * 60 * 60 * 1000;

export function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

/**
 * A store with ~600 kB of rows at the end of the file (a table of their own, as the hub's
 * events are: the settings the start-up reads stay sound), closed cleanly: no WAL.
 */
export function storeWithRows(): string {
  const dir = tempDir();
  const db = openStore(dir);
  db.exec('CREATE TABLE filler (k TEXT PRIMARY KEY, v TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO filler (k, v) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(`k${i}`, 'x'.repeat(200));
  })();
  db.close();
  return dir;
}

/**
 * A store of ~70 MB (rows of random text and their index, made by SQLite itself in a second or
 * so): its full check lasts long enough for a test to quit in the middle of it.
 */
export function storeWithManyRows(): string {
  const dir = storeWithRows();
  const raw = new Database(join(dir, DB_FILE_NAME));
  raw.exec(`INSERT INTO filler (k, v)
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
    SELECT 'm' || i || '-' || hex(randomblob(8)), hex(randomblob(250)) FROM n`);
  raw.close();
  return dir;
}

/**
 * A town hall set up (its installation, identity and keys: a backup of it can be restored),
 * then ~600 kB of rows at the end of the file for damagePages, its installation left readable.
 */
export async function townHallWithRows(): Promise<string> {
  const dataDir = tempDir();
  const t = openTestBackend({ dataDir });
  await t.must('setup.municipality', { istat: '041067', operator: 'Maria Rossi' });
  await t.backend.close();
  const raw = new Database(join(dataDir, DB_FILE_NAME));
  raw.exec(`CREATE TABLE filler (k TEXT PRIMARY KEY, v TEXT NOT NULL);
    INSERT INTO filler WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) SELECT 'k' || i, hex(randomblob(100)) FROM n;`);
  raw.close();
  return dataDir;
}

/** Noise over the filler's pages (its table and index), the last page kept. */
export function damagePages(dir: string): void {
  const path = join(dir, DB_FILE_NAME);
  const bytes = readFileSync(path);
  for (let i = bytes.length - 400_000; i < bytes.length - 8192; i += 7) bytes[i] = (i * 31) & 0xff;
  writeFileSync(path, bytes);
}

/** The last full check recorded long ago: the weekly one is due at the next start. */
export function fullCheckLongAgo(dir: string): void {
  const raw = new Database(join(dir, DB_FILE_NAME));
  raw.prepare("UPDATE settings SET value = '2020-01-01T00:00:00.000Z' WHERE key = 'store.full_check_at'").run();
  raw.close();
}

/** Opens the store in another process, writes one row and dies without closing it (kill -9). */
export function crashWhileWriting(dir: string): void {
  const script = `import('${join(process.cwd(), 'electron/core/platform/store/open-store.ts')}').then((m) => {
    const db = m.openStore(process.argv[1]);
    db.prepare("INSERT INTO settings (key, value) VALUES ('crash', 'x')").run();
    process.kill(process.pid, 'SIGKILL');
  })`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script, dir], { encoding: 'utf8' });
  expect(r.signal).toBe('SIGKILL');
}
