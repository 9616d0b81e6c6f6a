/**
 * Stand-alone reference prices (economies of scale) survive the year: the next year's plan starts
 * with the references of the previous plan's items, both kinds (per member size class, per unit),
 * matched by item code; items that had none start without.
 */
import { describe, expect, it } from 'vitest';
import { openHub } from '../sync/hub-helpers';

describe('reference prices carried over to the next plan', () => {
  it('plan.create copies each item code\'s reference from the latest version of the previous plan', async () => {
    const hub = await openHub();
    await hub.must('hub.services.save', { code: 'PEC', nameIt: 'PEC istituzionale', nameEn: 'Certified e-mail', category: 'communication', unit: 'mailboxes', fixedYearlyCents: 500_000, unitCostCents: 2_500 });
    await hub.must('hub.services.save', { code: 'BACKUP', nameIt: 'Backup in cloud', nameEn: 'Cloud backup', category: 'archive', unit: 'gb', fixedYearlyCents: 120_000 });
    const first = await hub.must('plan.create', { year: 2026, date: '2026-01-10' });
    expect(first.items.every((i) => i.reference === null)).toBe(true);
    const sizeClass = { kind: 'size_class' as const, cents: [90_000, 120_000, 150_000, 200_000, 260_000, 400_000] };
    const perUnit = { kind: 'per_unit' as const, fixedCents: 30_000, unitCents: 4_000 };
    const items = first.items.map((i) => ({
      code: i.code,
      description: i.description,
      category: i.category,
      service: i.service,
      fixedCents: i.fixed_cents,
      unitCents: i.unit_cents,
      quantityMilli: i.quantity_milli,
      key: i.key,
      reference: i.code === 'PEC' ? perUnit : i.code === 'BACKUP' ? sizeClass : null,
    }));
    await hub.must('plan.saveItems', { year: 2026, version: 1, items });

    const next = await hub.must('plan.create', { year: 2027, date: '2026-11-26' });
    const ref = (code: string) => next.items.find((i) => i.code === code)?.reference;
    expect(ref('PEC')).toEqual(perUnit);
    expect(ref('BACKUP')).toEqual(sizeClass);
    expect(ref('QUOTA')).toBeNull();
    // The carried references are part of the 2027 plan's record (they travel with it).
    expect((await hub.must('plan.get', { year: 2027 })).items.find((i) => i.code === 'PEC')?.reference).toEqual(perUnit);
  });
});
