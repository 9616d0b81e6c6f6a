import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBackend } from '../../electron/core/app/backend';
import { percentile, report } from './bench-util';
import { seedUsage } from './usage-seed';

/**
 * `cst log verify` speed: an outbox of 1,000,000 usage events (lines of ~250 bytes, as the
 * core writes them), verified in-process through the API (three runs, median) and by the real
 * CLI in a child process (wall time, start-up of Node and tsx included).
 * CST_BENCH_EVENTS overrides the number of events.
 */
const EVENTS = Number(process.env.CST_BENCH_EVENTS ?? 1_000_000);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'cst-bench-verify-'));
const backend = openBackend({ autoBackupDelayMs: false, dataDir, appVersion: 'bench', log: { info() {}, warn() {}, error() {} } });
await backend.dispatch('setup.municipality', { istat: '041067', operator: 'Bench' });
seedUsage(backend.ctx.db, EVENTS, '2026-11-26T09:00:00.000Z');
const bytes = backend.ctx.db.prepare('SELECT sum(length(line)) FROM outbox').pluck().get() as number;

const rates: number[] = [];
const cpuRates: number[] = [];
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const r = await backend.dispatch('log.verify', {});
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  cpuRates.push(EVENTS / ((cpu.user + cpu.system) / 1e6));
  if (!r.ok || !(r.value as { ok: boolean }).ok || (r.value as { events: number }).events !== EVENTS) throw new Error(`verify failed: ${JSON.stringify(r)}`);
  rates.push(EVENTS / seconds);
}
rates.sort((a, b) => a - b);
cpuRates.sort((a, b) => a - b);
report('log_verify_in_process_events_per_second', percentile(rates, 50), 'events/s', { events: EVENTS, mean_line_bytes: Math.round(bytes / EVENTS), runs: 3, target: '>= 300000' });
// Per second of CPU time: the figure that does not depend on what else the machine is doing.
report('log_verify_in_process_events_per_cpu_second', percentile(cpuRates, 50), 'events/s', { events: EVENTS, runs: 3 });
backend.close();

const t1 = performance.now();
const cli = spawnSync(process.execPath, [join(root, 'bin', 'cst.mjs'), 'log', 'verify', '--data-dir', dataDir, '--json'], { encoding: 'utf8' });
const cliSeconds = (performance.now() - t1) / 1000;
if (cli.status !== 0) throw new Error(cli.stderr);
report('log_verify_cli_events_per_second', EVENTS / cliSeconds, 'events/s', { events: EVENTS, wall_seconds: Math.round(cliSeconds * 100) / 100, includes: 'node + tsx start-up, store open and quick_check' });
rmSync(dataDir, { recursive: true, force: true });
