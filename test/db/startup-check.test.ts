import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DB_FILE_NAME, openStore } from '../../electron/core/platform/store/open-store';
import { lastFullCheck, lastStartupCheck } from '../../electron/core/platform/store/startup-check';
import { cst } from '../cli/cli-run';
import { BIG, crashWhileWriting, DAY, damagePages, fullCheckLongAgo, refusal, storeWithRows } from '../helpers/damaged-store';
import { tempDir } from '../helpers/temp-dir';

/**
 * The start-up check's depth (platform/store/startup-check.ts): a due full check (after an
 * unclean shutdown, weekly) at open on a small store and left to the background on a big one
 * (test/db/background-store-check.test.ts), quick_check for an ordinary store, the header and
 * the freelist for a big one. "Big" is set to 0 bytes here (BIG), so a test store takes the
 * national hub's path.
 */
const owed = (db: Database.Database) => db.prepare("SELECT value FROM settings WHERE key = 'store.full_check_owed'").pluck().get();

describe('the start-up check', () => {
  it('runs the full check on a new store and records it; quick_check on clean starts within the week; a big store\'s weekly one is left to the background', () => {
    const dir = tempDir();
    const now = new Date('2026-12-07T08:00:00Z');
    const first = openStore(dir, { now: () => now });
    expect(lastStartupCheck(first)).toMatchObject({ kind: 'full', reason: 'schedule', fullCheckDeferred: null, problem: null });
    expect(lastFullCheck(first)?.toISOString()).toBe(now.toISOString());
    first.close();
    expect(existsSync(join(dir, `${DB_FILE_NAME}-wal`))).toBe(false); // a clean close leaves no WAL
    const second = openStore(dir, { now: () => new Date(now.getTime() + 6 * DAY) });
    expect(lastStartupCheck(second)).toMatchObject({ kind: 'quick', reason: 'small', fullCheckDeferred: null, problem: null });
    second.close();
    const big = openStore(dir, { ...BIG, now: () => new Date(now.getTime() + 6 * DAY) });
    expect(lastStartupCheck(big)).toMatchObject({ kind: 'header', reason: 'large', fullCheckDeferred: null, problem: null });
    big.close();
    // A week later a big store opens on its header: the full check is owed, to the background.
    const weekLater = openStore(dir, { ...BIG, now: () => new Date(now.getTime() + 8 * DAY) });
    expect(lastStartupCheck(weekLater)).toMatchObject({ kind: 'header', reason: 'large', fullCheckDeferred: 'schedule', problem: null });
    expect(lastFullCheck(weekLater)?.getTime()).toBe(now.getTime()); // not recorded: not run
    expect(owed(weekLater)).toBe('schedule');
    weekLater.close();
    // The same store small: the owed check runs at open, is recorded, and nothing is owed any more.
    const small = openStore(dir, { now: () => new Date(now.getTime() + 8 * DAY) });
    expect(lastStartupCheck(small)).toMatchObject({ kind: 'full', reason: 'schedule', problem: null });
    expect(lastFullCheck(small)?.getTime()).toBe(now.getTime() + 8 * DAY);
    expect(owed(small)).toBeUndefined();
    small.close();
  });

  it('after a crash (the WAL left behind) checks a small store in full at open', () => {
    const dir = storeWithRows();
    crashWhileWriting(dir);
    expect(existsSync(join(dir, `${DB_FILE_NAME}-wal`))).toBe(true);
    const db = openStore(dir);
    expect(lastStartupCheck(db)).toMatchObject({ kind: 'full', reason: 'unclean-shutdown', problem: null });
    expect(db.prepare("SELECT value FROM settings WHERE key = 'crash'").pluck().get()).toBe('x'); // the committed row survived
    db.close();
  });

  it('after a crash a big store opens on its checkpointed header, freelist and schema; the full check stays owed until it passes', () => {
    const dir = storeWithRows();
    // Free pages for the freelist check to walk.
    const raw = new Database(join(dir, DB_FILE_NAME));
    raw.exec('DELETE FROM filler WHERE rowid % 3 = 0');
    raw.close();
    crashWhileWriting(dir);
    const db = openStore(dir, BIG);
    expect(lastStartupCheck(db)).toMatchObject({ kind: 'header', reason: 'large', fullCheckDeferred: 'unclean-shutdown', problem: null });
    expect(db.prepare("SELECT value FROM settings WHERE key = 'crash'").pluck().get()).toBe('x');
    expect(db.pragma('freelist_count', { simple: true })).toBeGreaterThan(0);
    expect(owed(db)).toBe('unclean-shutdown');
    db.close();
    // A clean start later (no WAL any more) still owes the check after the crash.
    const again = openStore(dir, { ...BIG, now: () => new Date(Date.now() + DAY) });
    expect(lastStartupCheck(again)).toMatchObject({ kind: 'header', fullCheckDeferred: 'unclean-shutdown' });
    again.close();
  });

  it('detects a damaged page at the next start after a crash (a small store: the full check at open)', () => {
    const dir = storeWithRows();
    crashWhileWriting(dir);
    damagePages(dir);
    const err = refusal(() => openStore(dir));
    expect(err.code).toBe('E_DB_CORRUPT');
    expect(err.message).toMatch(/risulta danneggiato/);
  });

  it('a big store closed cleanly starts on its header; cst check finds the damage', async () => {
    const dir = storeWithRows();
    const checkedAt = Date.now();
    damagePages(dir);
    // Within the week: the header, the freelist and the schema are sound, the start does not read the rest.
    const db = openStore(dir, { ...BIG, now: () => new Date(checkedAt + DAY) });
    expect(lastStartupCheck(db)).toMatchObject({ kind: 'header', problem: null, fullCheckDeferred: null });
    db.close();
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

  it('refuses a big store whose freelist points outside the file', () => {
    const dir = storeWithRows();
    const raw = new Database(join(dir, DB_FILE_NAME));
    raw.exec('DELETE FROM filler WHERE rowid % 2 = 0');
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    raw.close();
    const path = join(dir, DB_FILE_NAME);
    const bytes = readFileSync(path);
    const trunk = bytes.readUInt32BE(32);
    expect(trunk).toBeGreaterThan(0);
    // The first free page the trunk lists now names a page far beyond the end of the file.
    bytes.writeUInt32BE(statSync(path).size / pageSize + 1000, (trunk - 1) * pageSize + 8);
    writeFileSync(path, bytes);
    const err = refusal(() => openStore(dir, { ...BIG, now: () => new Date(Date.now() + DAY) }));
    expect(err.code).toBe('E_DB_CORRUPT');
    expect(err.message).toMatch(/freelist: page \d+ is outside the file/);
  });

  it('cst check records its full check, which counts as the week\'s', async () => {
    const dir = storeWithRows();
    fullCheckLongAgo(dir);
    const r = await cst(['init', '--role', 'municipality', '--istat', '041067', '--data-dir', dir]);
    expect(r.code).toBe(0);
    expect((await cst(['check', '--data-dir', dir])).code).toBe(0);
    const db = openStore(dir, BIG);
    expect(lastStartupCheck(db)).toMatchObject({ kind: 'header', fullCheckDeferred: null });
    expect(lastFullCheck(db)!.getTime()).toBeGreaterThan(Date.now() - DAY);
    db.close();
  });
});
