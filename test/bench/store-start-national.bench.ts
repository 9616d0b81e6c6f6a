/**
 * Start-up of a national hub's store in the week its full check is due (issue 12): the time to
 * the first answered API call, and the background full check that follows (its duration, and
 * the API's latency while it runs). The store: every municipality of Italy with ten years of
 * history (national-seed.ts). CST_BENCH_STORE_DIR: a store kept from an earlier run (the seed is
 * skipped; it is kept afterwards); otherwise the one built here is removed at the end.
 * CST_BENCH_KEEP=1 keeps the store built here. CST_BENCH_SKIP_BEFORE=1 skips the "before" figure (the full check at open, minutes).
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openBackend } from '../../electron/core/app/backend';
import { DB_FILE_NAME } from '../../electron/core/platform/store/open-store';
import { lastStartupCheck } from '../../electron/core/platform/store/startup-check';
import { percentile, report } from './bench-util';
import { italyHub } from './italy-hub';
import { seedNationalHistory } from './national-seed';

const load = () => os.loadavg()[0]?.toFixed(1);
const kept = process.env.CST_BENCH_STORE_DIR;
let dataDir: string;
if (kept && existsSync(join(kept, DB_FILE_NAME))) {
  dataDir = kept;
} else {
  const t0 = performance.now();
  const hub = await italyHub('start', (m, i) => m.population ?? 1000 + i, () => {});
  const seeded = seedNationalHistory(hub.db, hub.all);
  dataDir = hub.backend.ctx.dataDir;
  await hub.backend.close();
  report('store_start.seed_seconds', (performance.now() - t0) / 1000, 's', { members: hub.members, ...seeded, dataDir });
}
const dbMB = () => Math.round(statSync(join(dataDir, DB_FILE_NAME)).size / 1e6);

/** The weekly full check due: the last one recorded long ago. */
function fullCheckDue(): void {
  const raw = new Database(join(dataDir, DB_FILE_NAME));
  raw.prepare("INSERT INTO settings (key, value) VALUES ('store.full_check_at', '2020-01-01T00:00:00.000Z') ON CONFLICT (key) DO UPDATE SET value = excluded.value").run();
  raw.close();
}

const quiet = { info() {}, warn() {}, error() {} };
const OVERVIEW = { page: 1, pageSize: 50 };

// Now: the header at open, the full check in the background (started at once here).
fullCheckDue();
let t0 = performance.now();
const backend = openBackend({ dataDir, appVersion: 'bench', log: quiet, autoBackupDelayMs: false, backgroundStoreCheck: { delayMs: 0 } });
const first = await backend.dispatch('hub.members.overview', OVERVIEW);
const firstMs = performance.now() - t0;
const check = lastStartupCheck(backend.ctx.db);
report('store_start.first_answered_call_full_check_due', firstMs, 'ms', { call: 'hub.members.overview', ok: first.ok, atOpen: check?.kind, checkAtOpenMs: Math.round(check?.ms ?? NaN), deferred: check?.fullCheckDeferred, dbMB: dbMB(), loadavg: load() });
// The API while the check runs: one call every 250 ms until it ends.
t0 = performance.now();
const during: number[] = [];
let ended = false;
const settled = backend.storeCheck.settled().then(() => (ended = true));
while (!ended) {
  const c0 = performance.now();
  await backend.dispatch('hub.members.overview', OVERVIEW);
  during.push(performance.now() - c0);
  await Promise.race([settled, new Promise((r) => setTimeout(r, 250))]);
}
const checkMs = performance.now() - t0;
const health = await backend.dispatch('app.storeHealth', {});
during.sort((a, b) => a - b);
report('store_start.background_full_check', checkMs, 'ms', { result: health.ok ? (health.value as { state: string }).state : 'error', dbMB: dbMB(), loadavg: load() });
report('store_start.api_during_check_p50', percentile(during, 50), 'ms', { p95: Math.round(percentile(during, 95)), calls: during.length, call: 'hub.members.overview' });
await backend.close();

// Before issue 12's change: the same start with the full check at open.
if (process.env.CST_BENCH_SKIP_BEFORE !== '1') {
  fullCheckDue();
  t0 = performance.now();
  const before = openBackend({ dataDir, appVersion: 'bench', log: quiet, autoBackupDelayMs: false, startupCheck: { fullCheckAtOpenMaxBytes: Number.MAX_SAFE_INTEGER } });
  await before.dispatch('hub.members.overview', OVERVIEW);
  report('store_start.first_answered_call_full_check_at_open', performance.now() - t0, 'ms', { what: 'the start before: integrity_check at open', dbMB: dbMB(), loadavg: load() });
  await before.close();
}
if (!kept && process.env.CST_BENCH_KEEP !== '1') rmSync(dataDir, { recursive: true, force: true });
