import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/platform/errors';
import { DB_FILE_NAME, openStore } from '../../electron/core/platform/store/open-store';
import { lastFullCheck, lastStartupCheck } from '../../electron/core/platform/store/startup-check';
import { cst } from '../cli/cli-run';
import { tempDir } from '../helpers/temp-dir';

/**
 * The start-up check's depth (platform/store/startup-check.ts): full after an unclean shutdown
 * and weekly, quick_check for an ordinary store, the header for a big one. "Big" is set to
 * 0 bytes here (`quickCheckMaxBytes`), so a test store takes the national hub's path.
 */
const BIG = { quickCheckMaxBytes: 0 };
const DAY = 24 * 60 * 60 * 1000;

function refusal(fn: () => unknown): AppError {
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
function storeWithRows(): string {
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

/** Noise over the filler's pages (its table and index), the last page kept. */
function damagePages(dir: string): void {
  const path = join(dir, DB_FILE_NAME);
  const bytes = readFileSync(path);
  for (let i = bytes.length - 400_000; i < bytes.length - 8192; i += 7) bytes[i] = (i * 31) & 0xff;
  writeFileSync(path, bytes);
}

/** Opens the store in another process, writes one row and dies without closing it (kill -9). */
function crashWhileWriting(dir: string): void {
  const script = `import('${join(process.cwd(), 'electron/core/platform/store/open-store.ts')}').then((m) => {
    const db = m.openStore(process.argv[1]);
    db.prepare("INSERT INTO settings (key, value) VALUES ('crash', 'x')").run();
    process.kill(process.pid, 'SIGKILL');
  })`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script, dir], { encoding: 'utf8' });
  expect(r.signal).toBe('SIGKILL');
}

describe('the start-up check', () => {
  it('runs the full check on a new store and records it; then quick_check on clean starts within the week', () => {
    const dir = tempDir();
    const now = new Date('2026-12-07T08:00:00Z');
    const first = openStore(dir, { now: () => now });
    expect(lastStartupCheck(first)).toMatchObject({ kind: 'full', reason: 'schedule', problem: null });
    expect(lastFullCheck(first)?.toISOString()).toBe(now.toISOString());
    first.close();
    expect(existsSync(join(dir, `${DB_FILE_NAME}-wal`))).toBe(false); // a clean close leaves no WAL
    const second = openStore(dir, { now: () => new Date(now.getTime() + 6 * DAY) });
    expect(lastStartupCheck(second)).toMatchObject({ kind: 'quick', reason: 'small', problem: null });
    second.close();
    const big = openStore(dir, { ...BIG, now: () => new Date(now.getTime() + 6 * DAY) });
    expect(lastStartupCheck(big)).toMatchObject({ kind: 'header', reason: 'large', problem: null });
    big.close();
    const weekLater = openStore(dir, { ...BIG, now: () => new Date(now.getTime() + 8 * DAY) });
    expect(lastStartupCheck(weekLater)).toMatchObject({ kind: 'full', reason: 'schedule' });
    expect(lastFullCheck(weekLater)?.getTime()).toBe(now.getTime() + 8 * DAY);
    weekLater.close();
  });

  it('after a crash (the WAL left behind) checks in full even a big store', () => {
    const dir = storeWithRows();
    crashWhileWriting(dir);
    expect(existsSync(join(dir, `${DB_FILE_NAME}-wal`))).toBe(true);
    const db = openStore(dir, BIG);
    expect(lastStartupCheck(db)).toMatchObject({ kind: 'full', reason: 'unclean-shutdown', problem: null });
    expect(db.prepare("SELECT value FROM settings WHERE key = 'crash'").pluck().get()).toBe('x'); // the committed row survived
    db.close();
  });

  it('detects a damaged page at the next start after a crash', () => {
    const dir = storeWithRows();
    crashWhileWriting(dir);
    damagePages(dir);
    const err = refusal(() => openStore(dir, BIG));
    expect(err.code).toBe('E_DB_CORRUPT');
    expect(err.message).toMatch(/risulta danneggiato/);
  });

  it('a big store closed cleanly starts on its header; the damage is found by the weekly check and by cst check', async () => {
    const dir = storeWithRows();
    const checkedAt = Date.now();
    damagePages(dir);
    // Within the week: the header and the schema are sound, the start does not read the rest.
    const db = openStore(dir, { ...BIG, now: () => new Date(checkedAt + DAY) });
    expect(lastStartupCheck(db)).toMatchObject({ kind: 'header', problem: null });
    db.close();
    // A week later the start checks every page.
    expect(refusal(() => openStore(dir, { ...BIG, now: () => new Date(checkedAt + 8 * DAY) })).code).toBe('E_DB_CORRUPT');
    // `cst check` always finds it (here already at its own open: the CLI's store is small, so quick_check).
    const r = await cst(['check', '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/risulta danneggiato/);
  });

  it('refuses a truncated big store', () => {
    const dir = storeWithRows();
    const path = join(dir, DB_FILE_NAME);
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, bytes.length - 4096));
    const err = refusal(() => openStore(dir, { ...BIG, now: () => new Date(Date.now() + DAY) }));
    expect(err.code).toBe('E_DB_CORRUPT');
    expect(err.message).toMatch(/risulta danneggiato/);
  });

  it('cst check records its full check, which counts as the week\'s', async () => {
    const dir = storeWithRows();
    const raw = new Database(join(dir, DB_FILE_NAME));
    raw.prepare("UPDATE settings SET value = '2020-01-01T00:00:00.000Z' WHERE key = 'store.full_check_at'").run();
    raw.close();
    const r = await cst(['init', '--role', 'municipality', '--istat', '041067', '--data-dir', dir]);
    expect(r.code).toBe(0);
    expect((await cst(['check', '--data-dir', dir])).code).toBe(0);
    const db = openStore(dir, BIG);
    expect(lastStartupCheck(db)?.kind).toBe('header');
    expect(lastFullCheck(db)!.getTime()).toBeGreaterThan(Date.now() - DAY);
    db.close();
  });
});
