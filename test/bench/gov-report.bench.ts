import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend } from '../../electron/core/backend';
import { fixedClock, sequentialIds } from '../../electron/core/defaults';
import { listProvinces, municipalitiesOfProvince } from '../../electron/core/reference/municipalities';
import { report, timeMany } from './bench-util';

/**
 * The consortium report with every municipality of Italy as members (7,896, loaded directly into
 * the registry, 8 services of usage, training and staff): `report.publish` writes a summary and
 * parts of at most 128 KiB (hub events), `report.get` assembles them again. Wall and CPU time.
 */
const RUNS = Number(process.env.CST_BENCH_RUNS ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'cst-bench-report-'));
const backend = openBackend({ autoBackupDelayMs: false, dataDir: dir, appVersion: 'bench', clock: fixedClock('2026-11-26T08:00:00.000Z'), ids: sequentialIds(1), log: { info() {}, warn() {}, error() {} } });
const call = async (method: string, input: unknown) => {
  const r = await backend.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as never;
};

try {
  await call('setup.hub', { id: 'CST-IT', name: 'CST Italia', operator: 'Bench' });
  const db = backend.ctx.db;
  const all = listProvinces().flatMap((p) => municipalitiesOfProvince(p.code));
  const SERVICES = ['S01', 'S02', 'S03', 'S04', 'S05', 'S06', 'S07', 'S08'];
  db.transaction(() => {
    const ins = db.prepare(
      `INSERT INTO members (istat, name, province, population, population_year, status, added_at, membership) VALUES (?, ?, ?, ?, 2025, 'confirmed', 'x', 'active')
       ON CONFLICT (istat) DO UPDATE SET population = excluded.population, membership = 'active'`,
    );
    const use = db.prepare('INSERT INTO received_usage_monthly (owner, service, month, quantity_milli, entries) VALUES (?, ?, ?, ?, 1)');
    const hours = db.prepare('INSERT INTO hub_training_yearly (owner, year, participations, completed, hours_milli) VALUES (?, 2026, 4, 4, ?)');
    const staff = db.prepare('INSERT INTO hub_staff_counts (owner, staff, active_staff) VALUES (?, ?, ?)');
    let i = 0;
    for (const m of all) {
      i++;
      ins.run(m.istat, m.name, m.province, m.population ?? 1000 + i);
      for (const [k, s] of SERVICES.entries()) use.run(m.istat, s, '2026-06', 1000 * (1 + ((i * 31 + k * 7) % 5000)));
      hours.run(m.istat, 1000 * (i % 90));
      staff.run(m.istat, 3 + (i % 40), 3 + (i % 40));
    }
  })();
  const members = db.prepare("SELECT count(*) FROM members WHERE membership = 'active'").pluck().get() as number;
  const cpu: number[] = [];
  const times = await timeMany(RUNS, async () => {
    const c0 = process.cpuUsage();
    await call('report.publish', { year: 2026 });
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  });
  cpu.sort((a, b) => a - b);
  const largest = db.prepare("SELECT max(length(line)) FROM outbox WHERE kind LIKE 'consortium_report%'").pluck().get() as number;
  const parts = db.prepare('SELECT count(*) FROM gov_report_parts').pluck().get() as number;
  report('gov.report_publish_italy', times[Math.floor(times.length / 2)]!, 'ms', {
    members,
    parts,
    events_per_publication: parts + 1,
    largest_line_bytes: largest,
    runs: RUNS,
    cpu_median_ms: Math.round(cpu[Math.floor(cpu.length / 2)]!),
    cpu_per_event_ms: Math.round((cpu[Math.floor(cpu.length / 2)]! / (parts + 1)) * 10) / 10,
  });
  const c1 = process.cpuUsage();
  const read = await timeMany(RUNS, () => call('report.get', { year: 2026 }));
  const c2 = process.cpuUsage(c1);
  report('gov.report_get_italy', read[Math.floor(read.length / 2)]!, 'ms', { members, cpu_ms_per_read: Math.round((c2.user + c2.system) / 1000 / RUNS) });
} finally {
  backend.close();
  rmSync(dir, { recursive: true, force: true });
}
