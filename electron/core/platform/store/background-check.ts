/**
 * The full check (`integrity_check`) of a big store, after the start instead of before it
 * (startup-check.ts; issue 12): on its own read-only connection, in a child process at the
 * lowest priority, while the app goes on reading and writing (WAL lets a reader see one
 * consistent snapshot while the writer commits).
 *
 * A child process rather than a worker thread: integrity_check is one synchronous SQLite call
 * of minutes, and neither better-sqlite3 nor Node can interrupt it inside a thread
 * (worker.terminate() waits for the call to return; better-sqlite3 exposes no
 * sqlite3_interrupt). A thread left running at quit would also keep its read lock until the
 * end, so the store's connection would not be the last to close and would leave its WAL behind:
 * the next start would take it for a crash. A process is killed at once at quit, the operating
 * system drops its locks, and the store closes cleanly; its priority is the process's own
 * (os.setPriority), so the clerk's work comes first on a busy PC. In Electron the child is the
 * app's own binary run as Node (ELECTRON_RUN_AS_NODE), loading the same better-sqlite3.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { constants, setPriority } from 'node:os';

export type BackgroundCheckOutcome =
  | { kind: 'passed'; ms: number }
  | { kind: 'damaged'; detail: string; ms: number }
  /** Stopped at quit (or by a restore): nothing learned, the check stays owed. */
  | { kind: 'stopped' }
  /** The check could not run (the child failed to start, a read error): nothing learned. */
  | { kind: 'failed'; error: string };

export interface BackgroundCheck {
  readonly done: Promise<BackgroundCheckOutcome>;
  /** Resolves once the check holds its snapshot (its read lock): the quit tests wait for it. */
  readonly reading: Promise<void>;
  /** Kills the check; resolves once its process is gone (its read lock released). */
  stop(): Promise<void>;
}

/** The child's whole program: open read-only, check, print one JSON line. */
const CHILD_SOURCE = `
const Database = require(process.argv[1]);
const t0 = Date.now();
let out;
try {
  const db = new Database(process.argv[2], { readonly: true, fileMustExist: true, timeout: 10000 });
  try {
    // The snapshot first, then the word that the check holds its read lock (store-check-watch.ts).
    db.exec('BEGIN');
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    process.stdout.write('{"reading":true}\\n');
    const rows = db.pragma('integrity_check');
    db.exec('COMMIT');
    const first = rows.length ? String(Object.values(rows[0])[0]) : 'no result';
    out = first === 'ok' ? { problem: null } : { problem: first };
  } finally {
    db.close();
  }
} catch (e) {
  out = e && (e.code === 'SQLITE_CORRUPT' || e.code === 'SQLITE_NOTADB') ? { problem: e.message } : { error: String((e && e.code) || '') + ' ' + String(e && e.message) };
}
out.ms = Date.now() - t0;
process.stdout.write(JSON.stringify(out) + '\\n');
`;

/** The better-sqlite3 this process loaded (the CJS bundles have `require`; tsx and vitest, import.meta). */
function betterSqlite3Entry(): string {
  const req = typeof require === 'function' ? require : createRequire(import.meta.url);
  return req.resolve('better-sqlite3');
}

export function startBackgroundFullCheck(dbPath: string): BackgroundCheck {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['-e', CHILD_SOURCE, betterSqlite3Entry(), dbPath], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
  });
  try {
    if (child.pid !== undefined) setPriority(child.pid, constants.priority.PRIORITY_LOW);
  } catch {
    // not allowed here (a sandbox): it still runs beside the app, on its own process
  }
  let stopped = false;
  let out = '';
  let err = '';
  let nowReading: () => void = () => {};
  const reading = new Promise<void>((resolve) => (nowReading = resolve));
  child.stdout.setEncoding('utf8').on('data', (s: string) => {
    out += s;
    if (out.startsWith('{"reading":true}\n')) nowReading();
  });
  child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s.slice(0, 2000)));
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const done = new Promise<BackgroundCheckOutcome>((resolve) => {
    child.once('error', (e) => resolve({ kind: 'failed', error: String(e.message) }));
    void exited.then(() => {
      if (stopped) return resolve({ kind: 'stopped' });
      try {
        const r = JSON.parse(out.trim().split('\n').pop() ?? '') as { problem?: string | null; error?: string };
        if (r.error !== undefined) return resolve({ kind: 'failed', error: r.error });
        const ms = performance.now() - t0;
        resolve(r.problem ? { kind: 'damaged', detail: r.problem, ms } : { kind: 'passed', ms });
      } catch {
        resolve({ kind: 'failed', error: `the check ended without a result (${child.exitCode ?? child.signalCode}): ${err.trim().slice(0, 300)}` });
      }
    });
  });
  return {
    done,
    reading,
    stop() {
      if (child.exitCode === null && child.signalCode === null) {
        stopped = true;
        child.kill('SIGKILL');
      }
      return exited;
    },
  };
}
