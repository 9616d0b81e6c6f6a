/**
 * The allocation a screen reads after a write (issue 12: the first read after an import took
 * ~0.8 s nationally): the inputs are read again and only the items whose inputs changed are
 * computed again. Always equal to the allocation computed whole; an item whose cost, key,
 * exemptions and usage are unchanged (and the members too) keeps its very shares.
 */
import { describe, expect, it } from 'vitest';
import { cachedAllocation } from '../../electron/core/governance/allocation-page';
import { computeAllocation } from '../../electron/core/governance/allocation-service';
import { pickVersion } from '../../electron/core/governance/plan-service';
import { openHub } from '../sync/hub-helpers';

describe('the allocation after a write', () => {
  it('computes again only the items whose inputs changed, equal to the whole computation', async () => {
    const hub = await openHub();
    const ctx = hub.backend.ctx;
    const db = ctx.db;
    const members = db.prepare("SELECT istat FROM members WHERE membership = 'active' ORDER BY istat").pluck().all() as string[];
    expect(members.length).toBeGreaterThan(10);
    const cell = db.prepare('INSERT INTO received_usage_monthly (owner, service, month, quantity_milli, entries) VALUES (?, ?, ?, ?, 1)');
    members.forEach((m, i) => {
      for (const service of ['PEC', 'PROTOCOLLO', 'ALBO']) for (const month of ['2026-03', '2026-04']) cell.run(m, service, month, 1000 * (1 + ((i * 7) % 13)));
    });
    await hub.must('plan.create', { year: 2027, date: '2026-11-26' });
    const item = (code: string, service: string, key: { equal: number; population: number; usage: number }, fixedCents = 1_000_000) => ({
      code,
      description: `Voce ${code}`,
      category: 'service' as const,
      service,
      fixedCents,
      quantityMilli: 0,
      key,
      usageBasis: 'last_year' as const,
      exempt: [],
    });
    const items = [
      item('EQ', 'PEC', { equal: 100, population: 0, usage: 0 }),
      item('PEC', 'PEC', { equal: 20, population: 30, usage: 50 }),
      item('PROT', 'PROTOCOLLO', { equal: 0, population: 0, usage: 100 }),
      item('POP', 'ALBO', { equal: 0, population: 100, usage: 0 }),
    ];
    await hub.must('plan.saveItems', { year: 2027, version: 1, items });
    const read = async () => {
      const paged = await hub.must('plan.allocate', { year: 2027, version: 1, page: 1, pageSize: 5 });
      const v = pickVersion(ctx, 2027, 1);
      const kept = cachedAllocation(ctx, v);
      expect(kept).toEqual(computeAllocation(ctx, v));
      expect(paged.items.map((i) => i.shares)).toEqual(kept.items.map((i) => i.shares.filter((s) => paged.members!.some((m) => m.istat === s.istat))));
      return new Map(kept.items.map((i) => [i.code, i]));
    };
    const before = await read();

    // An import changes PEC's usage: the PEC item alone is computed again.
    db.prepare("UPDATE received_usage_monthly SET quantity_milli = quantity_milli + 50000 WHERE owner = ? AND service = 'PEC' AND month = '2026-03'").run(members[3]);
    const afterPec = await read();
    expect(afterPec.get('PEC')).not.toBe(before.get('PEC'));
    expect(afterPec.get('PEC')!.shares).not.toEqual(before.get('PEC')!.shares);
    for (const code of ['EQ', 'PROT', 'POP']) expect(afterPec.get(code)).toBe(before.get(code));

    // Usage of a service no usage key reads (ALBO): nothing computed again.
    db.prepare("UPDATE received_usage_monthly SET quantity_milli = quantity_milli + 9000 WHERE owner = ? AND service = 'ALBO'").run(members[1]);
    const afterAlbo = await read();
    for (const code of ['EQ', 'PEC', 'PROT', 'POP']) expect(afterAlbo.get(code)).toBe(afterPec.get(code));

    // A new population moves every item with a population share: the members changed, all again.
    await hub.must('members.update', { istat: members[0]!, population: 123_456, populationYear: 2026 });
    const afterPopulation = await read();
    expect(afterPopulation.get('POP')!.shares).not.toEqual(afterAlbo.get('POP')!.shares);

    // The plan's items change: the changed item again, equal to the whole computation.
    await hub.must('plan.saveItems', { year: 2027, version: 1, items: [items[0]!, items[1]!, { ...items[2]!, fixedCents: 2_000_000 }, items[3]!] });
    const afterItems = await read();
    expect(afterItems.get('PROT')!.cost_cents).toBe(2_000_000);
    for (const code of ['EQ', 'PEC', 'POP']) expect(afterItems.get(code)).toBe(afterPopulation.get(code));
  });
});
