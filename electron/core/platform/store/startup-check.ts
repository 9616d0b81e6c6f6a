/**
 * How much of the database is checked when it opens (docs/design.md "Store", issue 12).
 *
 * `quick_check` reads every page: ~1 s for a town hall's store, minutes for a national hub's
 * tens of gigabytes, which would make every start of the hub wait. So the depth depends on
 * what could have damaged the file since it was last checked:
 *
 * - `full` (`integrity_check`, every page and every index entry): after an unclean shutdown —
 *   the `-wal` file is still there, since SQLite removes it when the last connection closes
 *   cleanly — and when the last full check is older than a week (or none is recorded). A crash
 *   or a power cut is when pages get torn; the weekly one catches what happened to the file
 *   while the app was closed (a failing disk, another program).
 * - `quick` (`quick_check`): every other start of a store up to QUICK_CHECK_MAX_BYTES.
 * - `header`: every other start of a bigger store: the file's header (SQLite's magic, page
 *   size, a page count that matches the file's length: a truncated or overwritten start is
 *   caught) and the schema's own pages (`quick_check` of sqlite_schema).
 *
 * Any page SQLite reads later is still checked by SQLite itself (SQLITE_CORRUPT), and
 * `cst check` always runs the full check. A full check that passes is recorded in `settings`
 * (`store.full_check_at`), by the start-up and by `cst check`.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type Database from 'better-sqlite3';

export type StartupCheckKind = 'full' | 'quick' | 'header';

/** Up to this size a clean start runs quick_check (well under a second on an ordinary PC). */
export const QUICK_CHECK_MAX_BYTES = 512 * 1024 * 1024;
export const FULL_CHECK_EVERY_MS = 7 * 24 * 60 * 60 * 1000;
const FULL_CHECK_KEY = 'store.full_check_at';

export interface StartupCheckOptions {
  /** The clock of the weekly schedule (tests move it). */
  now?: () => Date;
  quickCheckMaxBytes?: number;
}

export interface StartupCheckResult {
  kind: StartupCheckKind;
  /** Why that depth: the WAL left by an unclean shutdown, the week gone by, or the size. */
  reason: 'unclean-shutdown' | 'schedule' | 'small' | 'large';
  ms: number;
  /** null when sound; otherwise SQLite's first line (or what the header showed). */
  problem: string | null;
}

/** The last check of each open connection (the CLI's `check`, logs and the bench read it). */
const results = new WeakMap<Database.Database, StartupCheckResult>();

export function lastStartupCheck(db: Database.Database): StartupCheckResult | undefined {
  return results.get(db);
}

export function chooseStartupCheck(
  db: Database.Database,
  facts: { uncleanShutdown: boolean; fileBytes: number },
  options: StartupCheckOptions = {},
): Pick<StartupCheckResult, 'kind' | 'reason'> {
  if (facts.uncleanShutdown) return { kind: 'full', reason: 'unclean-shutdown' };
  const last = lastFullCheck(db);
  const now = (options.now ?? (() => new Date()))().getTime();
  if (last === null || now - last.getTime() > FULL_CHECK_EVERY_MS) return { kind: 'full', reason: 'schedule' };
  return facts.fileBytes <= (options.quickCheckMaxBytes ?? QUICK_CHECK_MAX_BYTES) ? { kind: 'quick', reason: 'small' } : { kind: 'header', reason: 'large' };
}

/** Runs the check chosen; the caller refuses the store when `problem` is not null. */
export function runStartupCheck(db: Database.Database, path: string, chosen: Pick<StartupCheckResult, 'kind' | 'reason'>): StartupCheckResult {
  const t0 = performance.now();
  let problem: string | null;
  try {
    if (chosen.kind === 'full') problem = firstProblem(db.pragma('integrity_check') as Record<string, string>[]);
    else if (chosen.kind === 'quick') problem = firstProblem(db.pragma('quick_check') as Record<string, string>[]);
    else problem = headerProblem(path) ?? firstProblem(db.pragma('quick_check(sqlite_schema)') as Record<string, string>[]);
  } catch (err) {
    // A page too damaged for the check to go on ("database disk image is malformed") is its finding.
    if ((err as { code?: string }).code !== 'SQLITE_CORRUPT') throw err;
    problem = (err as Error).message;
  }
  const result: StartupCheckResult = { ...chosen, ms: performance.now() - t0, problem };
  results.set(db, result);
  return result;
}

function firstProblem(rows: Record<string, string>[]): string | null {
  const first = rows[0] ? Object.values(rows[0])[0] : 'no result';
  return first === 'ok' ? null : String(first);
}

/**
 * The header of a cleanly closed database: everything is in the main file (no WAL), so the
 * page count it records times the page size is exactly the file's length.
 */
function headerProblem(path: string): string | null {
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let size: number;
  try {
    readSync(fd, header, 0, 100, 0);
    size = fstatSync(fd).size;
  } finally {
    closeSync(fd);
  }
  if (header.subarray(0, 16).toString('latin1') !== 'SQLite format 3\u0000') return 'header: not an SQLite file';
  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
  const pages = header.readUInt32BE(28);
  if (pages * pageSize !== size) return `header: ${pages} pages of ${pageSize} bytes, the file holds ${size} bytes`;
  return null;
}

export function lastFullCheck(db: Database.Database): Date | null {
  try {
    const v = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(FULL_CHECK_KEY) as string | undefined;
    return v ? new Date(v) : null;
  } catch {
    return null; // no settings table yet: a new database, or one of before the first migration
  }
}

export function recordFullCheck(db: Database.Database, at: Date): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(FULL_CHECK_KEY, at.toISOString());
}
