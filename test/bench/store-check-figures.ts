/**
 * Bench helper (issue 12): how long a big store takes to open and check. Used by
 * import-rate.bench.ts at its end, and alone on a store kept from an earlier run:
 * `node --import tsx test/bench/store-check-figures.ts DATA_DIR`.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openStore } from '../../electron/core/platform/store/open-store';
import { lastStartupCheck } from '../../electron/core/platform/store/startup-check';
import { report } from './bench-util';

export function storeCheckFigures(dataDir: string, prefix: string): void {
  const path = join(dataDir, 'cst-desk.sqlite');
  const dbMB = Math.round(statSync(path).size / 1e6);
  const load = () => os.loadavg()[0]?.toFixed(1);

  // Open as the app does (the start-up check it chooses: the header, for a store this size).
  let t0 = performance.now();
  const db = openStore(dataDir);
  const openMs = performance.now() - t0;
  const check = lastStartupCheck(db);
  db.close();
  report(`${prefix}.open-with-startup-check`, openMs, 'ms', { check: check?.kind, reason: check?.reason, checkMs: Math.round(check?.ms ?? NaN), dbMB, loadavg: load() });

  // What quick_check alone would cost at every start (the start-up check of before issue 12).
  const raw = new Database(path, { readonly: true });
  t0 = performance.now();
  const quick = raw.pragma('quick_check', { simple: true });
  report(`${prefix}.quick-check`, performance.now() - t0, 'ms', { result: quick, dbMB, loadavg: load() });
  raw.close();

  // The CLI as an operator runs it: a cold start (`cst sync status`) and `cst check` (integrity_check).
  const cst = join(fileURLToPath(new URL('../../', import.meta.url)), 'bin', 'cst.mjs');
  spawnSync(process.execPath, [cst, '--version']); // the CLI's bundle rebuilt if stale, outside the timing
  const timed = (args: string[]) => {
    const s0 = performance.now();
    const r = spawnSync(process.execPath, [cst, ...args, '--data-dir', dataDir], { encoding: 'utf8' });
    return { ms: performance.now() - s0, ok: r.status === 0 };
  };
  const status = timed(['sync', 'status']);
  report(`${prefix}.cold-start-cli`, status.ms, 'ms', { command: 'cst sync status', ok: status.ok, dbMB, loadavg: load() });
  const full = timed(['check']);
  report(`${prefix}.cst-check`, full.ms, 'ms', { ok: full.ok, dbMB, loadavg: load() });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.argv[2]) storeCheckFigures(process.argv[2], 'store-check');
