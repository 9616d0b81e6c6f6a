import { stmt } from '../../electron/core/platform/store/statements';
import { italyHub, SERVICES } from './italy-hub';
import { report, timeMany } from './bench-util';

/**
 * The plan's allocation through the API (issue 5): 40 items across every municipality of Italy
 * as members (7,896, loaded directly into the registry), with a year of usage of 8 services in
 * the hub's received aggregates. Measures what the API adds to the pure allocation
 * (allocation.bench.ts): reading the registry and the usage, validation, the JSON result through
 * the dispatcher. Also the Assembly's approval, which freezes the allocation and publishes one
 * statement event per member.
 */
const RUNS = Number(process.env.CST_BENCH_RUNS ?? 7);
let seed = 20272;
const rnd = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const { call, all, members, close } = await italyHub(
  'gov',
  (m) => m.population ?? Math.round(30 * Math.pow(10_000, rnd())),
  (db, m, _i, pop) => {
    for (const s of SERVICES) {
      for (let month = 1; month <= 12; month++) {
        if (rnd() < 0.8) stmt(db, 'INSERT INTO received_usage_monthly (owner, service, month, quantity_milli, entries) VALUES (?, ?, ?, ?, 1)').run(m.istat, s, `2026-${String(month).padStart(2, '0')}`, Math.max(1, Math.round(pop * rnd())) * 10);
      }
    }
  },
);

try {
  await call('plan.create', { year: 2027, date: '2026-11-26' });
  const KEYS = [
    { equal: 100, population: 0, usage: 0 },
    { equal: 0, population: 100, usage: 0 },
    { equal: 0, population: 0, usage: 100 },
    { equal: 20, population: 30, usage: 50 },
    { equal: 30, population: 70, usage: 0 },
  ];
  const items = Array.from({ length: 40 }, (_, k) => {
    const key = KEYS[k % KEYS.length]!;
    return {
      code: `V${String(k + 1).padStart(2, '0')}`,
      description: `Voce ${k + 1}`,
      category: 'service',
      service: SERVICES[k % SERVICES.length],
      fixedCents: Math.round(100_000 * Math.pow(5000, rnd())) + k,
      quantityMilli: 0,
      key,
      exempt: all.filter(() => rnd() < 0.02).map((m) => m.istat),
      reference: { kind: 'size_class', cents: [100_000, 150_000, 250_000, 400_000, 600_000, 900_000] },
    };
  });
  const t0 = performance.now();
  await call('plan.saveItems', { year: 2027, version: 1, items });
  const saveMs = performance.now() - t0;
  for (let i = 0; i < 2; i++) await call('plan.allocate', { year: 2027 });
  // CPU time beside wall time: a loaded machine stretches the wall time without any change of code.
  const cpu: number[] = [];
  const times = await timeMany(RUNS, async () => {
    const c0 = process.cpuUsage();
    await call('plan.allocate', { year: 2027 });
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  });
  cpu.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  report('gov.plan_allocate_api_40_items', median, 'ms', {
    members,
    runs: RUNS,
    min_ms: Math.round(times[0]! * 1000) / 1000,
    cpu_median_ms: Math.round(cpu[Math.floor(cpu.length / 2)]!),
    save_items_ms: Math.round(saveMs),
  });

  await call('plan.step', { year: 2027, version: 1, step: 'propose', date: '2026-11-26', by: 'CE' });
  await call('plan.approve', { year: 2027, version: 1, body: 'executive_committee', date: '2026-11-26', minutesRef: 'V1', electorate: [{ id: 'A' }], present: ['A'], ballots: [{ member: 'A', vote: 'for' }] });
  await call('plan.step', { year: 2027, version: 1, step: 'submit', date: '2026-11-26', by: 'P' });
  const present = all.slice(0, Math.ceil(all.length * 0.6)).map((m) => m.istat);
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  await call('plan.approve', { year: 2027, version: 1, body: 'assembly', date: '2026-11-26', minutesRef: 'V2', present, ballots: present.map((member) => ({ member, vote: 'for' })) });
  const c2 = process.cpuUsage(c1);
  report('gov.assembly_approval_publishes_statements', performance.now() - t1, 'ms', { statements: members, cpu_ms: Math.round((c2.user + c2.system) / 1000) });
} finally {
  close();
}
