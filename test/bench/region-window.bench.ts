import { percentile, report, timeMany } from './bench-util';
import { italyHub } from './italy-hub';
import { seedNationalHistory } from './national-seed';

/**
 * The regional hub's window (Regione) at national scale (issue 12): a "regional" hub holding every
 * municipality of Italy (7,896) with ten years of usage (10.4 million monthly cells, seeded as
 * hub-views-national does), vouched for by 107 provincial hubs, one per province. The calls each
 * screen makes, through the dispatcher: the provinces, the region's totals for a year, a
 * province's page of municipalities (and a search), a municipality by month.
 *
 * The federation tables are written straight with SQL, as `federation.import` leaves them
 * (federation_hubs confirmed, federation_members vouched); the bundles' own path is measured by
 * federation-import.bench.ts. CST_BENCH_RUNS overrides the runs per call (default 20).
 */
const RUNS = Number(process.env.CST_BENCH_RUNS ?? 20);
const t0 = performance.now();
const hub = await italyHub('region', (m, i) => m.population ?? 1000 + i, () => {});
const seeded = seedNationalHistory(hub.db, hub.all);
const provinces = [...new Set(hub.all.map((m) => m.province))];
hub.db.transaction(() => {
  const h = hub.db.prepare(
    `INSERT INTO federation_hubs (relation, id, name, signing_key, key_id, age_recipient, fingerprint, status, imported_at, confirmed_at, roster_serial, roster_at)
     VALUES ('province', ?, ?, 'key', 'kid', 'age', '00000', 'confirmed', 'x', 'x', 1, 'x')`,
  );
  for (const p of provinces) h.run(`CST-${p}`, `Consorzio ${p}`);
  const f = hub.db.prepare('INSERT INTO federation_members (istat, province_id, name, roster_serial, vouched) VALUES (?, ?, ?, 1, 1)');
  for (const m of hub.all) f.run(m.istat, `CST-${m.province}`, m.name);
})();
hub.db.exec('ANALYZE');
report('region_window.seed_seconds', (performance.now() - t0) / 1000, 's', { members: hub.members, provinces: provinces.length, ...seeded });

const views: [string, string, unknown][] = [
  ['provinces', 'federation.provinces', {}],
  ['region_totals_year', 'federation.usage', { year: 2026, totalsOnly: true }],
  ['region_cli_table_year', 'federation.usage', { year: 2026 }],
  ['province_page_year', 'federation.usage', { year: 2026, province: 'CST-TO', page: 1, pageSize: 50 }],
  ['province_search_year', 'federation.usage', { year: 2026, province: 'CST-TO', page: 1, pageSize: 50, search: 'san' }],
  ['province_page_all_years', 'federation.usage', { province: 'CST-RM', page: 2, pageSize: 50 }],
  ['municipality_by_month_year', 'federation.usage', { year: 2026, municipality: '058091' }],
];
try {
  for (const [name, method, input] of views) {
    const first = performance.now();
    await hub.call(method, input);
    const firstMs = performance.now() - first;
    const c0 = process.cpuUsage();
    const times = await timeMany(RUNS, () => hub.call(method, input));
    const c = process.cpuUsage(c0);
    report(`region_window.${name}_p95`, percentile(times, 95), 'ms', {
      p50: Math.round(percentile(times, 50) * 10) / 10,
      first_ms: Math.round(firstMs),
      cpu_ms_per_call: Math.round(((c.user + c.system) / 1000 / RUNS) * 10) / 10,
      runs: RUNS,
      input,
    });
  }
} finally {
  hub.close();
}
