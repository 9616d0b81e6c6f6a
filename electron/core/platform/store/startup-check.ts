/**
 * How much of the database is checked when it opens (docs/hub.md "The start-up check", issue 12).
 *
 * `quick_check` reads every page, `integrity_check` every page and every index entry: well under
 * a second for a town hall's store, minutes for a national hub's tens of gigabytes. The start
 * must stay under ~3 s whatever the size, without giving up the detection of a damaged file, so
 * the depth at open depends on the size, and a full check that is due on a big store runs after
 * the start, in the background (background-check.ts, app/store-check-watch.ts):
 *
 * - A full check is due after an unclean shutdown — the `-wal` file is still there, since SQLite
 *   removes it when the last connection closes cleanly — and when the last full check is older
 *   than a week (or none is recorded), and while one deferred earlier has not passed yet
 *   (`store.full_check_owed`: a quit or a crash during the background check does not forget it).
 * - `full` (`integrity_check`) at open: when due, on a store up to FULL_CHECK_AT_OPEN_MAX_BYTES.
 * - `quick` (`quick_check`): otherwise, a store up to QUICK_CHECK_MAX_BYTES.
 * - `header`: otherwise: SQLite's header (magic, page size, a page count that matches the file's
 *   length: a truncated or overwritten file), the freelist (every free page inside the file,
 *   none listed twice, as many as the header says: SQLite takes the pages of new rows from it,
 *   so a broken one would overwrite live pages at the first write) and `quick_check(sqlite_schema)`.
 *   After an unclean shutdown the WAL is first checkpointed into the file (what SQLite's first
 *   checkpoint would do anyway), so that the header and the freelist read are the current ones.
 *
 * Any page SQLite reads later is still checked by SQLite itself (SQLITE_CORRUPT), and
 * `cst check` always runs the full check. A full check that passes is recorded in `settings`
 * (`store.full_check_at`), by the start-up, the background check and `cst check`.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type Database from 'better-sqlite3';

export type StartupCheckKind = 'full' | 'quick' | 'header';
/** Why a full check is due. */
export type FullCheckReason = 'unclean-shutdown' | 'schedule';

/** Up to this size a clean start runs quick_check (well under a second on an ordinary PC). */
export const QUICK_CHECK_MAX_BYTES = 512 * 1024 * 1024;
/**
 * Up to this size a full check that is due runs at open (integrity_check of 128 MiB: ~1 s on a
 * loaded PC, from 27–46 s measured on 4.6 GB); a bigger store gets it in the background.
 */
export const FULL_CHECK_AT_OPEN_MAX_BYTES = 128 * 1024 * 1024;
export const FULL_CHECK_EVERY_MS = 7 * 24 * 60 * 60 * 1000;
const FULL_CHECK_KEY = 'store.full_check_at';
const FULL_CHECK_OWED_KEY = 'store.full_check_owed';

export interface StartupCheckOptions {
  /** The clock of the weekly schedule (tests move it). */
  now?: () => Date;
  quickCheckMaxBytes?: number;
  fullCheckAtOpenMaxBytes?: number;
}

export interface StartupCheckChoice {
  kind: StartupCheckKind;
  /** Why that depth: the WAL left by an unclean shutdown, the week gone by, or the size. */
  reason: FullCheckReason | 'small' | 'large';
  /** A full check that is due but left to the background (the store is too big for the start), and why. */
  fullCheckDeferred: FullCheckReason | null;
}

export interface StartupCheckResult extends StartupCheckChoice {
  ms: number;
  /** null when sound; otherwise SQLite's first line (or what the header showed). */
  problem: string | null;
}

/** The last check of each open connection (the CLI's `check`, logs, the background check and the bench read it). */
const results = new WeakMap<Database.Database, StartupCheckResult>();

export function lastStartupCheck(db: Database.Database): StartupCheckResult | undefined {
  return results.get(db);
}

export function chooseStartupCheck(
  db: Database.Database,
  facts: { uncleanShutdown: boolean; fileBytes: number },
  options: StartupCheckOptions = {},
): StartupCheckChoice {
  const due = fullCheckDue(db, facts.uncleanShutdown, (options.now ?? (() => new Date()))());
  if (due !== null && facts.fileBytes <= (options.fullCheckAtOpenMaxBytes ?? FULL_CHECK_AT_OPEN_MAX_BYTES)) {
    return { kind: 'full', reason: due, fullCheckDeferred: null };
  }
  return facts.fileBytes <= (options.quickCheckMaxBytes ?? QUICK_CHECK_MAX_BYTES)
    ? { kind: 'quick', reason: 'small', fullCheckDeferred: due }
    : { kind: 'header', reason: 'large', fullCheckDeferred: due };
}

function fullCheckDue(db: Database.Database, uncleanShutdown: boolean, now: Date): FullCheckReason | null {
  if (uncleanShutdown) return 'unclean-shutdown';
  const owed = readSetting(db, FULL_CHECK_OWED_KEY);
  if (owed === 'unclean-shutdown' || owed === 'schedule') return owed;
  const last = lastFullCheck(db);
  return last === null || now.getTime() - last.getTime() > FULL_CHECK_EVERY_MS ? 'schedule' : null;
}

/**
 * Runs the check chosen; the caller refuses the store when `problem` is not null.
 * `uncleanShutdown`: a WAL was left behind (the header check then checkpoints it first).
 */
export function runStartupCheck(db: Database.Database, path: string, chosen: StartupCheckChoice, uncleanShutdown = false): StartupCheckResult {
  const t0 = performance.now();
  let problem: string | null;
  try {
    if (chosen.kind === 'full') problem = firstProblem(db.pragma('integrity_check') as Record<string, string>[]);
    else if (chosen.kind === 'quick') problem = firstProblem(db.pragma('quick_check') as Record<string, string>[]);
    else if (uncleanShutdown) {
      // The schema through SQLite (which reads the WAL), then the WAL into the file, then the file.
      problem = firstProblem(db.pragma('quick_check(sqlite_schema)') as Record<string, string>[]);
      if (problem === null) checkpointLeftWal(db);
      problem ??= fileProblem(path);
    } else {
      problem = fileProblem(path) ?? firstProblem(db.pragma('quick_check(sqlite_schema)') as Record<string, string>[]);
    }
  } catch (err) {
    // A page too damaged for the check to go on ("database disk image is malformed") is its finding.
    if ((err as { code?: string }).code !== 'SQLITE_CORRUPT') throw err;
    problem = (err as Error).message;
  }
  const result: StartupCheckResult = { ...chosen, ms: performance.now() - t0, problem };
  results.set(db, result);
  return result;
}

function checkpointLeftWal(db: Database.Database): void {
  const [r] = db.pragma('main.wal_checkpoint(TRUNCATE)') as { busy: number }[];
  if (r?.busy) throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
}

function firstProblem(rows: Record<string, string>[]): string | null {
  const first = rows[0] ? Object.values(rows[0])[0] : 'no result';
  return first === 'ok' ? null : String(first);
}

/**
 * The header and the freelist of a database whose pages are all in the main file (closed
 * cleanly, or checkpointed): the page count it records times the page size is exactly the
 * file's length, and the freelist's trunk pages list pages of the file, each once.
 */
function fileProblem(path: string): string | null {
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
    const size = fstatSync(fd).size;
    if (header.subarray(0, 16).toString('latin1') !== 'SQLite format 3\u0000') return 'header: not an SQLite file';
    const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
    const pages = header.readUInt32BE(28);
    if (pages * pageSize !== size) return `header: ${pages} pages of ${pageSize} bytes, the file holds ${size} bytes`;
    return freelistProblem(fd, header, pageSize, pages);
  } finally {
    closeSync(fd);
  }
}

/** Walks the freelist's trunk pages (one read per ~1,000 free pages): cheap even on a national store. */
function freelistProblem(fd: number, header: Buffer, pageSize: number, pages: number): string | null {
  const total = header.readUInt32BE(36);
  const maxLeaves = (pageSize - header.readUInt8(20)) / 4 - 2;
  const seen = new Uint8Array((pages >> 3) + 1);
  const claim = (page: number): string | null => {
    if (page < 2 || page > pages) return `freelist: page ${page} is outside the file (${pages} pages)`;
    if (seen[page >> 3]! & (1 << (page & 7))) return `freelist: page ${page} is listed twice`;
    seen[page >> 3]! |= 1 << (page & 7);
    return null;
  };
  const trunkPage = Buffer.alloc(pageSize);
  let listed = 0;
  for (let trunk = header.readUInt32BE(32); trunk !== 0; trunk = trunkPage.readUInt32BE(0)) {
    const bad = claim(trunk);
    if (bad) return bad;
    readSync(fd, trunkPage, 0, pageSize, (trunk - 1) * pageSize);
    const leaves = trunkPage.readUInt32BE(4);
    if (leaves > maxLeaves) return `freelist: trunk page ${trunk} lists ${leaves} pages`;
    for (let i = 0; i < leaves; i++) {
      const leafBad = claim(trunkPage.readUInt32BE(8 + 4 * i));
      if (leafBad) return leafBad;
    }
    listed += 1 + leaves;
    if (listed > total) break;
  }
  return listed === total ? null : `freelist: ${listed} pages listed, the header says ${total}`;
}

export function lastFullCheck(db: Database.Database): Date | null {
  const v = readSetting(db, FULL_CHECK_KEY);
  return v ? new Date(v) : null;
}

function readSetting(db: Database.Database, key: string): string | undefined {
  try {
    return db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  } catch {
    return undefined; // no settings table yet: a new database, or one of before the first migration
  }
}

/** A full check passed: the week's schedule starts again, and nothing is owed any more. */
export function recordFullCheck(db: Database.Database, at: Date): void {
  db.transaction(() => {
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(FULL_CHECK_KEY, at.toISOString());
    db.prepare('DELETE FROM settings WHERE key = ?').run(FULL_CHECK_OWED_KEY);
  })();
}

/** A full check is due and left to the background: the next start owes it until one passes. */
export function recordFullCheckOwed(db: Database.Database, reason: FullCheckReason): void {
  // An owed check after a crash stays one after a crash (the stronger reason) until it passes.
  if (readSetting(db, FULL_CHECK_OWED_KEY) === 'unclean-shutdown') return;
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(FULL_CHECK_OWED_KEY, reason);
}
