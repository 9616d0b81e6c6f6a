import { stmt } from '../../electron/core/platform/store/statements';
import { italyHub } from './italy-hub';
import { percentile, report, timeMany } from './bench-util';
import { seedNationalHistory } from './national-seed';

/**
 * Every hub screen at national scale (issue 12): a hub whose members are every municipality of
 * Italy (7,896) with ten years of history — usage of 11 services × 120 months (10.4 million
 * monthly cells), training per member and year, staff counts, three proposals per member, a
 * 40-item plan — and the p50/p95 of the API call each screen makes, through the dispatcher
 * (input validation and the JSON-able result included).
 *
 * The history is seeded straight into SQLite (national-seed.ts), not through bundles: the
 * monthly cells, training and proposals rows exactly as the projectors leave them, then the
 * aggregates over them built by the same backfill the migration runs. Bundle import speed is
 * measured by bundle-import.bench.ts. CST_BENCH_RUNS overrides the runs per call (default 40).
 */
const RUNS = Number(process.env.CST_BENCH_RUNS ?? 40);
const t0 = performance.now();
const hub = await italyHub('views', (m, i) => m.population ?? 1000 + i, () => {});
const seeded = seedNationalHistory(hub.db, hub.all);
report('hub_views.seed_seconds', (performance.now() - t0) / 1000, 's', { members: hub.members, ...seeded, via: 'direct SQL (national-seed.ts), aggregates by the migration backfill' });

const ROME = '058091';
const views: [string, string, unknown][] = [
  ['members_overview_page', 'hub.members.overview', { page: 1, pageSize: 50 }],
  ['members_overview_search', 'hub.members.overview', { page: 1, pageSize: 50, search: 'san' }],
  ['members_overview_region', 'hub.members.overview', { page: 3, pageSize: 50, region: 'Lombardia' }],
  ['usage_all_services_year', 'hub.usage.byMember', { from: '2026-01', to: '2026-12', page: 1, pageSize: 50, limit: 1 }],
  ['usage_one_service_year', 'hub.usage.byMember', { service: 'PEC', from: '2026-01', to: '2026-12', page: 1, pageSize: 50, limit: 1 }],
  ['usage_level_service_year', 'hub.usage.byMember', { service: 'CONSERVAZIONE', from: '2025-01', to: '2025-12', page: 40, pageSize: 50, limit: 1 }],
  ['usage_province_year', 'hub.usage.byMember', { from: '2026-01', to: '2026-12', province: 'TO', page: 1, pageSize: 50, limit: 1 }],
  ['usage_region_year', 'hub.usage.byMember', { from: '2026-01', to: '2026-12', region: 'Lombardia', page: 1, pageSize: 50, limit: 1 }],
  ['usage_one_member_year', 'hub.usage.byMember', { member: ROME, from: '2026-01', to: '2026-12', page: 1, pageSize: 50, limit: 1 }],
  ['usage_dashboard_trend', 'hub.usage.byMember', { from: '2025-01', to: '2026-12', page: 1, pageSize: 1, limit: 1 }],
  ['training_per_member_year', 'hub.training.page', { year: 2026, page: 1, pageSize: 50 }],
  ['training_per_member_all_years', 'hub.training.page', { page: 2, pageSize: 50, province: 'NA' }],
  ['training_dashboard_top', 'hub.training.page', { page: 1, pageSize: 12, order: 'hours' }],
  ['proposals_list_page', 'hub.proposals.page', { page: 1, pageSize: 50 }],
  ['proposals_list_region', 'hub.proposals.page', { page: 2, pageSize: 50, region: 'Sicilia' }],
  ['plan_allocation_page', 'plan.allocate', { year: 2027, version: 1, page: 1, pageSize: 50 }],
  ['plan_allocation_search', 'plan.allocate', { year: 2027, version: 1, page: 1, pageSize: 50, search: 'monte' }],
  ['report_get_summary', 'report.get', { year: 2026, page: 1, pageSize: 50 }],
  // The Assembly's vote form: every member (paged and filtered in the window) and one item's shares (the quota weighting).
  ['vote_form_members', 'members.list', {}],
  ['vote_form_quota_shares', 'plan.allocate', { year: 2027, version: 1, item: 'V01' }],
];

try {
  await preparePlan();
  await hub.call('report.publish', { year: 2026 });
  for (const [name, method, input] of views) {
    let rows = 0;
    const first = performance.now();
    await hub.call(method, input);
    const firstMs = performance.now() - first;
    await hub.call(method, input);
    const c0 = process.cpuUsage();
    const times = await timeMany(RUNS, async () => {
      rows = JSON.stringify(await hub.call(method, input)).length;
    });
    const c = process.cpuUsage(c0);
    report(`hub_views.${name}_p95`, percentile(times, 95), 'ms', {
      p50: Math.round(percentile(times, 50) * 10) / 10,
      first_ms: Math.round(firstMs),
      cpu_ms_per_call: Math.round(((c.user + c.system) / 1000 / RUNS) * 10) / 10,
      method,
      input,
      result_bytes: rows,
      members: hub.members,
      runs: RUNS,
      goal: '< 200 ms',
    });
  }
  // After a write (an import changes the usage): the allocation's first read reads its inputs
  // again and computes again the items whose inputs changed — none for PEC (no usage key reads
  // it), the five SITO items when SITO's 2026 changes (keys with a usage share).
  for (const service of ['PEC', 'SITO']) {
    const after: number[] = [];
    const c0 = process.cpuUsage();
    for (let i = 0; i < 5; i++) {
      stmt(hub.db, "UPDATE received_usage_monthly SET quantity_milli = quantity_milli + 1000, entries = entries + 1 WHERE owner = ? AND service = ? AND month = '2026-06'").run(ROME, service);
      const s = performance.now();
      await hub.call('plan.allocate', { year: 2027, version: 1, page: 1, pageSize: 50 });
      after.push(performance.now() - s);
    }
    const c = process.cpuUsage(c0);
    after.sort((a, b) => a - b);
    report(`hub_views.plan_allocation_after_import_${service.toLowerCase()}_p95`, percentile(after, 95), 'ms', {
      p50: Math.round(percentile(after, 50)),
      cpu_ms_per_call: Math.round((c.user + c.system) / 1000 / after.length),
      runs: after.length,
      what: `first read after a change of ${service}'s usage (inputs read again, changed items computed again)`,
      goal: '< 200 ms',
    });
  }
} finally {
  hub.close();
}

async function preparePlan() {
  const services = ['PROTOCOLLO', 'PEC', 'SITO', 'ALBO', 'SUAP', 'DEMOGRAFICI', 'CONSERVAZIONE', 'HELPDESK'];
  const keys = [
    { equal: 100, population: 0, usage: 0 },
    { equal: 0, population: 100, usage: 0 },
    { equal: 0, population: 0, usage: 100 },
    { equal: 20, population: 30, usage: 50 },
  ];
  await hub.call('plan.create', { year: 2027, date: '2026-11-26' });
  const items = Array.from({ length: 40 }, (_, k) => ({
    code: `V${String(k + 1).padStart(2, '0')}`,
    description: `Voce ${k + 1}`,
    category: 'service',
    service: services[k % services.length],
    fixedCents: 1_000_000 + k * 12_345,
    quantityMilli: 0,
    key: keys[k % keys.length]!,
    exempt: [],
  }));
  await hub.call('plan.saveItems', { year: 2027, version: 1, items });
}
