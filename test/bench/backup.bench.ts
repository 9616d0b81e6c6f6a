import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend } from '../../electron/core/app/backend';
import { percentile, report } from './bench-util';
import { seedUsage } from './usage-seed';

/**
 * The online backup of a big municipality database (CST_BENCH_EVENTS usage events, default
 * 1,000,000): wall and CPU time of `backup.now` (copy, switch to one file, quick_check, keys,
 * rotation), and what a clerk feels meanwhile: the latency of `usage.record` while the copy runs,
 * against the same writes without it.
 */
const EVENTS = Number(process.env.CST_BENCH_EVENTS ?? 1_000_000);
const dataDir = mkdtempSync(join(tmpdir(), 'cst-bench-backup-'));
const backend = openBackend({ dataDir, appVersion: 'bench', log: { info() {}, warn() {}, error() {} }, autoBackupDelayMs: false });
await backend.dispatch('setup.municipality', { istat: '041067', operator: 'Bench' });
seedUsage(backend.ctx.db, EVENTS, '2026-11-26T09:00:00.000Z');
const dbBytes = statSync(join(dataDir, 'cst-desk.sqlite')).size;

async function writeOnce(i: number): Promise<number> {
  const t0 = performance.now();
  const r = await backend.dispatch('usage.record', { service: 'PEC', date: '2026-11-20', quantity: String(1 + (i % 9)) });
  if (!r.ok) throw new Error(r.error.message);
  return performance.now() - t0;
}

const idle: number[] = [];
for (let i = 0; i < 200; i++) idle.push(await writeOnce(i));

const t0 = performance.now();
const cpu0 = process.cpuUsage();
let done = false;
const copy = backend.dispatch('backup.now', {}).finally(() => (done = true));
const during: number[] = [];
while (!done) {
  during.push(await writeOnce(during.length));
  await new Promise((r) => setImmediate(r));
}
const result = await copy;
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
if (!result.ok) throw new Error(result.error.message);
idle.sort((a, b) => a - b);
during.sort((a, b) => a - b);
const value = result.value as { sizeBytes: number };
report('backup_now_seconds', seconds, 's', { events: EVENTS, db_mb: Math.round(dbBytes / 1e5) / 10, copy_mb: Math.round(value.sizeBytes / 1e5) / 10, writes_during: during.length, includes: 'copy, journal_mode=DELETE, quick_check, keys, rotation; writes interleaved' });
report('backup_now_cpu_seconds', (cpu.user + cpu.system) / 1e6, 's', { events: EVENTS, note: 'CPU of the whole process, the interleaved writes included' });
report('backup_write_latency_p50_ms', percentile(during, 50), 'ms', { idle_p50_ms: Math.round(percentile(idle, 50) * 100) / 100, writes: during.length });
report('backup_write_latency_p99_ms', percentile(during, 99), 'ms', { idle_p99_ms: Math.round(percentile(idle, 99) * 100) / 100, max_ms: Math.round(during[during.length - 1]! * 100) / 100 });
backend.close();
rmSync(dataDir, { recursive: true, force: true });
