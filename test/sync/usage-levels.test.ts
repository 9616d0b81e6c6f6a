/**
 * Issue 13, item 6, on the hub: a level held (GB stored) is never added up over months. Urbino
 * holds 6,47 GB for eleven months, Fano 10 GB for six (it joined in June): the hub's views, the
 * usage part of the plan's sharing key and the consortium report read 6,47 and 10 GB, so Fano
 * pays more than Urbino for the storage, as it holds more; summed, Urbino (71,17) would pay more.
 */
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run-cli';
import { toItemInput } from '../../shared/domain/gov-plan';
import type { TestBackend } from '../helpers/backend';
import { hubToTown, openHub, openTown, townToHub } from './hub-helpers';

const month = (m: number) => `2026-${String(m).padStart(2, '0')}-01`;

async function setUp(): Promise<{ hub: TestBackend; urbino: TestBackend; fano: TestBackend }> {
  const hub = await openHub();
  await hub.must('hub.services.save', { code: 'SITO', nameIt: 'Hosting del sito', nameEn: 'Website hosting', category: 'web', unit: 'gb', fixedYearlyCents: 0, unitCostCents: 100_000 });
  await hub.must('hub.services.save', { code: 'PROTOCOLLO', nameIt: 'Protocollo', nameEn: 'Records registry', category: 'documents', unit: 'documents', fixedYearlyCents: 0, unitCostCents: 10 });
  const urbino = await openTown(hub, '041067');
  const fano = await openTown(hub, '041013');
  await hubToTown(hub, urbino, '041067');
  await hubToTown(hub, fano, '041013');
  for (let m = 1; m <= 11; m++) {
    await urbino.must('usage.record', { service: 'SITO', date: month(m), period: 'month', quantity: '6,47' });
    await urbino.must('usage.record', { service: 'PROTOCOLLO', date: month(m), period: 'month', quantity: '100' });
  }
  for (let m = 6; m <= 11; m++) await fano.must('usage.record', { service: 'SITO', date: month(m), period: 'month', quantity: '10' });
  await townToHub(urbino, hub);
  await townToHub(fano, hub);
  return { hub, urbino, fano };
}

describe('levels over months, on the hub', () => {
  it('usage by member: a level is each member’s average, the service’s the sum of those', async () => {
    const { hub } = await setUp();
    const all = await hub.must('hub.usage.byMember', { from: '2026-01', to: '2026-12' });
    expect(all.services.find((s) => s.code === 'SITO')).toMatchObject({ unit: 'gb', measure: 'level' });
    expect(all.services.find((s) => s.code === 'PROTOCOLLO')).toMatchObject({ measure: 'count' });
    expect(all.byServiceMember.filter((r) => r.service === 'SITO')).toEqual([
      { service: 'SITO', member: '041013', quantityMilli: 10_000, quantity: '10', entries: 6 },
      { service: 'SITO', member: '041067', quantityMilli: 6_470, quantity: '6.47', entries: 11 },
    ]);
    expect(all.byService).toEqual([
      { service: 'PROTOCOLLO', quantityMilli: 1_100_000, quantity: '1100', entries: 11 },
      { service: 'SITO', quantityMilli: 16_470, quantity: '16.47', entries: 17 },
    ]);
    // A month: what every member held then (members add up within a month).
    expect(all.byServiceMonth).toContainEqual({ service: 'SITO', month: '2026-07', quantityMilli: 16_470, quantity: '16.47', entries: 2 });
    expect(all.byServiceMonth).toContainEqual({ service: 'SITO', month: '2026-02', quantityMilli: 6_470, quantity: '6.47', entries: 1 });

    // The CLI says which total is a sum of averages.
    hub.backend.close();
    const out: string[] = [];
    expect(await runCli(['hub', 'usage', '--from', '2026-01', '--data-dir', hub.dataDir], { out: (t) => out.push(t), err: () => {} }, {})).toBe(0);
    expect(out).toContain('TOTALE SITO\t16.47\t17\tsomma delle medie mensili dei soci');
    expect(out).toContain('TOTALE PROTOCOLLO\t1100\t11\ttotale del periodo');
  });

  it('the usage part of the sharing key reads a level’s average, not the sum of its months', async () => {
    const { hub } = await setUp();
    const plan = await hub.must('plan.create', { year: 2027, date: '2026-11-26', by: 'Direttore tecnico' });
    const items = plan.items.map((i) => ({
      ...toItemInput(i),
      fixedCents: i.category === 'quota' ? 100_000 : i.fixed_cents,
      key: i.code === 'SITO' ? { equal: 0, population: 0, usage: 100 } : i.key,
    }));
    await hub.must('plan.saveItems', { year: 2027, version: 1, items });
    const alloc = await hub.must('plan.allocate', { year: 2027 });
    const sito = alloc.items.find((i) => i.code === 'SITO')!;
    const share = (istat: string) => sito.shares.find((s) => s.istat === istat)!;
    expect(share('041067').usage).toBe(6_470);
    expect(share('041013').usage).toBe(10_000);
    // Fano holds more GB than Urbino, so it pays more: 10 / 16,47 and 6,47 / 16,47 of the cost.
    expect(share('041013').cents).toBeGreaterThan(share('041067').cents);
    expect(share('041013').cents + share('041067').cents).toBe(sito.cost_cents);
    expect(Math.abs(share('041067').cents - Math.round((sito.cost_cents * 6_470) / 16_470))).toBeLessThanOrEqual(1);
    // A count still adds up its months.
    const protocollo = alloc.items.find((i) => i.code === 'PROTOCOLLO')!;
    expect(protocollo.shares.find((s) => s.istat === '041067')!.usage).toBe(1_100_000);
    // The allocation's CSV says which usage is an average.
    const csv = await hub.must('gov.csv', { table: 'allocation', year: 2027 });
    const text = Buffer.from(csv.contentBase64, 'base64').toString('utf8');
    expect(text).toMatch(/SITO;041067;\d+;6,47;GB, media mensile;no;/);
    expect(text).toMatch(/PROTOCOLLO;041067;\d+;1100;documenti, totale del periodo;no;/);
  });

  it('the consortium report, its CSV and the member’s benchmark give a level its average', async () => {
    const { hub, urbino } = await setUp();
    await hub.must('gov.settings.update', { reportNamed: true });
    const report = await hub.must('report.publish', { year: 2026 });
    expect(report.rows.find((r) => r.istat === '041067')!.usage).toEqual({ PROTOCOLLO: 1_100_000, SITO: 6_470 });
    expect(report.rows.find((r) => r.istat === '041013')!.usage).toEqual({ SITO: 10_000 });
    const csv = await hub.must('gov.csv', { table: 'report', year: 2026 });
    const lines = Buffer.from(csv.contentBase64, 'base64').toString('utf8').split(/\r?\n/);
    expect(lines[0]).toMatch(/;PROTOCOLLO \(documenti, totale dell’anno\);SITO \(GB, media mensile\)$/);
    expect(lines.find((l) => l.startsWith('041067;'))).toMatch(/;1100;6,47$/);

    await hubToTown(hub, urbino, '041067');
    const bench = await urbino.must('report.benchmark', { year: 2026 });
    expect(bench.measures.find((m) => m.measure === 'usage:SITO')).toMatchObject({ value: 6_470, level: true, label: 'Utilizzo medio mensile di SITO (millesimi dell\'unità)' });
    expect(bench.measures.find((m) => m.measure === 'usage:PROTOCOLLO')).toMatchObject({ value: 1_100_000, level: false });
  });
});
