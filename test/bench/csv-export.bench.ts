import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBackend } from '../../electron/core/app/backend';
import { report } from './bench-util';
import { seedUsage } from './usage-seed';

/**
 * CSV export of 1,000,000 usage entries streamed to a file (`csv.exportFile`, what
 * `cst export usage --out` calls): time, CPU and the process's peak RSS. The export runs in a
 * fresh child process on the seeded folder, so its peak RSS is the export's own, not the seed's.
 * CST_BENCH_ROWS overrides the number of entries.
 */
const ROWS = Number(process.env.CST_BENCH_ROWS ?? 1_000_000);
const quiet = { info() {}, warn() {}, error() {} };
const clock = { now: () => '2026-11-26T09:00:00.000Z' };
const HEAP_MB = Number(process.env.CST_BENCH_HEAP_MB ?? 96);
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

if (process.env.CST_BENCH_EXPORT_DIR) {
  // The child: open, export, report (one JSON line on stdout, read by the parent).
  const dataDir = process.env.CST_BENCH_EXPORT_DIR;
  const backend = openBackend({ autoBackupDelayMs: false, dataDir, appVersion: 'bench', log: quiet, clock });
  const out = join(dataDir, 'utilizzi.csv');
  const rssBefore = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await backend.dispatch('csv.exportFile', { list: 'usage', out });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const peakRss = process.resourceUsage().maxRSS * 1024;
  // For comparison, afterwards: one year as a download (bytes in memory, then base64; under 200,000 rows).
  const t1 = performance.now();
  const memory = await backend.dispatch('csv.export', { list: 'usage', usageFilters: { from: '2022-01-01', to: '2022-12-31' } });
  const memoryMs = performance.now() - t1;
  if (!memory.ok) throw new Error(JSON.stringify(memory.error));
  backend.close();
  const memoryPeakRss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(
    `${JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, rssBefore, peakRss, file: r.value, memoryRows: (memory.value as { rows: number }).rows, memoryMs, memoryPeakRss })}\n`,
  );
} else {
  const dataDir = mkdtempSync(join(tmpdir(), 'cst-bench-csv-'));
  const backend = openBackend({ autoBackupDelayMs: false, dataDir, appVersion: 'bench', log: quiet, clock });
  await backend.dispatch('setup.municipality', { istat: '041067', operator: 'Bench' });
  seedUsage(backend.ctx.db, ROWS, clock.now());
  backend.close();

  // A small JavaScript heap for the child: the streamed export must fit whatever the rows.
  const child = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: { ...process.env, CST_BENCH_EXPORT_DIR: dataDir },
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(child.stderr);
  const r = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as {
    ms: number;
    cpuMs: number;
    rssBefore: number;
    peakRss: number;
    file: { rows: number; bytes: number; path: string };
    memoryRows: number;
    memoryMs: number;
    memoryPeakRss: number;
  };
  if (r.file.rows !== ROWS || statSync(r.file.path).size !== r.file.bytes) throw new Error('the exported file does not have every row');
  report('csv_export_file_ms', r.ms, 'ms', { rows: r.file.rows, mb: mb(r.file.bytes), cpu_ms: Math.round(r.cpuMs), rows_per_second: Math.round(r.file.rows / (r.ms / 1000)), via: 'csv.exportFile (cst export usage --out), streamed' });
  report('csv_export_peak_rss_mb', mb(r.peakRss), 'MB', { rss_before_export_mb: mb(r.rssBefore), file_mb: mb(r.file.bytes), heap_limit_mb: HEAP_MB, what: 'peak RSS of the whole process during the streamed export, JavaScript heap capped' });
  report('csv_export_download_one_year_ms', r.memoryMs, 'ms', { rows: r.memoryRows, peak_rss_mb_after: mb(r.memoryPeakRss), via: 'csv.export (bytes in memory, base64 for the window)' });
  rmSync(dataDir, { recursive: true, force: true });
}
