import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend } from '../../electron/core/app/backend';
import { recordUsage, recordUsageInTransaction } from '../../electron/core/municipality/usage/usage-service';
import { percentile, report, timeMany } from './bench-util';
import { DECIMALS, SERVICES, seedUsage } from './usage-seed';

/**
 * Usage at scale: 1,000,000 entries written straight with SQL as the core would leave them
 * (rows, FTS notes, monthly totals, one chained outbox event each: see usage-seed.ts), then
 * 20,000 more through the real write path, then the figures the issue asks for, through the
 * API dispatcher (input validation included):
 *   - recording one more entry (its own transaction, fsync'd: synchronous=FULL);
 *   - the list's first page, unfiltered and with each filter, with its total and totals.
 * CST_BENCH_ROWS overrides the number of entries (for a quick run).
 */
const ROWS = Number(process.env.CST_BENCH_ROWS ?? 1_000_000);
const quiet = { info() {}, warn() {}, error() {} };
const dataDir = mkdtempSync(join(tmpdir(), 'cst-bench-usage-'));
const backend = openBackend({ autoBackupDelayMs: false, dataDir, appVersion: 'bench', log: quiet, clock: { now: () => '2026-11-26T09:00:00.000Z' } });
await backend.dispatch('setup.municipality', { istat: '041067', operator: 'Bench' });
const { ctx } = backend;

const DAYS = 3650;
const round3 = (v: number) => Math.round(v * 1000) / 1000;
/** CPU time (user + system) per call since `since`: what the load of other processes does not distort. */
const cpuPerCall = (since: NodeJS.CpuUsage, calls: number) => {
  const c = process.cpuUsage(since);
  return Math.round(((c.user + c.system) / calls) * 10) / 10;
};
const dayOf = (i: number) => new Date(Date.UTC(2026, 10, 25) - (i % DAYS) * 86_400_000).toISOString().slice(0, 10);

const t0 = performance.now();
seedUsage(ctx.db, ROWS, ctx.clock.now());
const seedSeconds = (performance.now() - t0) / 1000;
report('usage_seed_seconds', seedSeconds, 's', { rows: ROWS, via: 'direct SQL in one transaction, with FTS notes and chained outbox lines' });

// The real write path in bulk (what a CSV import or the demo does), on top of the million.
const BULK = 20_000;
const t1 = performance.now();
const bulkCpu = process.cpuUsage();
ctx.db.transaction(() => {
  for (let i = 0; i < BULK; i++) {
    const service = SERVICES[i % SERVICES.length]!;
    recordUsage(ctx, { service, date: dayOf(i), period: 'day', quantity: DECIMALS.has(service) ? '2,5' : '4', note: i % 20 ? '' : 'importazione' });
  }
})();
report('usage_record_bulk_entries_per_second', BULK / ((performance.now() - t1) / 1000), 'entries/s', { entries: BULK, cpu_us_per_entry: cpuPerCall(bulkCpu, BULK), via: 'recordUsage in one transaction' });
// What a CSV import and the demo call: the same write without a savepoint per entry.
const t1b = performance.now();
const bulkCpu2 = process.cpuUsage();
ctx.db.transaction(() => {
  for (let i = 0; i < BULK; i++) {
    const service = SERVICES[i % SERVICES.length]!;
    recordUsageInTransaction(ctx, { service, date: dayOf(i), period: 'day', quantity: DECIMALS.has(service) ? '2,5' : '4', note: i % 20 ? '' : 'importazione' }, 'Bench');
  }
})();
report('usage_record_in_transaction_entries_per_second', BULK / ((performance.now() - t1b) / 1000), 'entries/s', { entries: BULK, cpu_us_per_entry: cpuPerCall(bulkCpu2, BULK), via: 'recordUsageInTransaction (CSV import, demo)' });

const entry = (i: number) => ({ service: SERVICES[i % SERVICES.length]!, date: dayOf(i), quantity: DECIMALS.has(SERVICES[i % SERVICES.length]!) ? '1,5' : '3', note: i % 4 ? '' : 'nota di prova' });
let n = 0;
await timeMany(50, () => backend.dispatch('usage.record', entry(n++)));
const recordCpu = process.cpuUsage();
const record = await timeMany(1000, async () => {
  const r = await backend.dispatch('usage.record', entry(n++));
  if (!r.ok) throw new Error(JSON.stringify(r.error));
});
const recordCpuUs = cpuPerCall(recordCpu, 1000);
// What any write costs here: an empty transaction committed with synchronous=FULL (the WAL's fsync).
let k = 0;
const upsert = ctx.db.prepare("INSERT INTO settings (key, value) VALUES ('bench', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
const baseline = await timeMany(1000, () => ctx.db.transaction(() => upsert.run(String(k++)))());
report('commit_baseline_p95', percentile(baseline, 95), 'ms', { p50: Math.round(percentile(baseline, 50) * 1000) / 1000, what: 'one-row transaction, synchronous=FULL (fsync of the WAL)' });
report('usage_record_p50', percentile(record, 50), 'ms', { stored: ROWS + 2 * BULK + n - 1000 });
report('usage_record_p95', percentile(record, 95), 'ms', { stored: ROWS + 2 * BULK + n, p99: round3(percentile(record, 99)), cpu_us_per_call: recordCpuUs, target: '< 5 ms' });

// The same call without the fsync (synchronous=OFF, for this measurement only): the cost of
// the write path itself, apart from the disk's flush that synchronous=FULL waits for.
ctx.db.pragma('synchronous = OFF');
const noSyncCpu = process.cpuUsage();
const noSync = await timeMany(1000, async () => {
  const r = await backend.dispatch('usage.record', entry(n++));
  if (!r.ok) throw new Error(JSON.stringify(r.error));
});
const noSyncCpuUs = cpuPerCall(noSyncCpu, 1000);
ctx.db.pragma('synchronous = FULL');
report('usage_record_without_fsync_p95', percentile(noSync, 95), 'ms', { p50: round3(percentile(noSync, 50)), cpu_us_per_call: noSyncCpuUs, what: 'same call, synchronous=OFF: the write path without the disk flush' });

async function list(name: string, input: Record<string, unknown>) {
  let last: { total: number; rows: unknown[] } | undefined;
  await timeMany(3, () => backend.dispatch('usage.list', input));
  const times = await timeMany(30, async () => {
    const r = await backend.dispatch('usage.list', input);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    last = r.value as typeof last;
  });
  report(`usage_list_${name}_p95`, percentile(times, 95), 'ms', { p50: Math.round(percentile(times, 50) * 1000) / 1000, total: last?.total, rows: last?.rows.length, target: '< 100 ms' });
}
await list('first_page', { limit: 50 });
await list('service', { service: 'PEC', limit: 50 });
await list('service_and_period', { service: 'SITO', from: '2024-03-10', to: '2025-07-20', limit: 50 });
await list('period', { from: '2023-01-15', to: '2023-02-14', limit: 50 });
await list('text_rare_word', { text: 'sismico', limit: 50 });
await list('text_common_word', { text: 'prefettura', limit: 50 });
await list('text_and_service', { text: 'portale', service: 'HELPDESK', limit: 50 });
const first = (await backend.dispatch('usage.list', { limit: 50 })) as { ok: true; value: { nextCursor: string } };
await list('second_page', { limit: 50, cursor: first.value.nextCursor });

const monthly = await timeMany(30, () => backend.dispatch('usage.monthly', { year: 2025 }));
report('usage_monthly_p95', percentile(monthly, 95), 'ms');
const trend = await timeMany(30, () => backend.dispatch('usage.trend', {}));
report('usage_trend_p95', percentile(trend, 95), 'ms');
const home = await timeMany(30, () => backend.dispatch('home.summary', {}));
report('home_summary_p95', percentile(home, 95), 'ms');

const t2 = performance.now();
const verify = await backend.dispatch('log.verify', {});
const verifySeconds = (performance.now() - t2) / 1000;
if (!verify.ok || !(verify.value as { ok: boolean }).ok) throw new Error('chain broken');
report('log_verify_after_usage_events_per_second', (verify.value as { events: number }).events / verifySeconds, 'events/s', { events: (verify.value as { events: number }).events });

backend.close();
rmSync(dataDir, { recursive: true, force: true });
