import { stmt } from '../../electron/core/platform/store/statements';
import { italyHub, SERVICES } from './italy-hub';
import { report, timeMany } from './bench-util';

/**
 * The consortium report with every municipality of Italy as members (7,896, loaded directly into
 * the registry, 8 services of usage, training and staff): `report.publish` writes a summary and
 * parts of at most 128 KiB (hub events), `report.get` assembles them again. Wall and CPU time.
 */
const RUNS = Number(process.env.CST_BENCH_RUNS ?? 5);
const { db, call, members, close } = await italyHub(
  'report',
  (m, i) => m.population ?? 1000 + i + 1,
  (db, m, i) => {
    for (const [k, s] of SERVICES.entries()) {
      stmt(db, 'INSERT INTO received_usage_monthly (owner, service, month, quantity_milli, entries) VALUES (?, ?, ?, ?, 1)').run(m.istat, s, '2026-06', 1000 * (1 + (((i + 1) * 31 + k * 7) % 5000)));
    }
    stmt(db, 'INSERT INTO hub_training_yearly (owner, year, participations, completed, hours_milli) VALUES (?, 2026, 4, 4, ?)').run(m.istat, 1000 * ((i + 1) % 90));
    stmt(db, 'INSERT INTO hub_staff_counts (owner, staff, active_staff) VALUES (?, ?, ?)').run(m.istat, 3 + ((i + 1) % 40), 3 + ((i + 1) % 40));
  },
);

try {
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
  close();
}
