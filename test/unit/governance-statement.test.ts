import { describe, expect, it } from 'vitest';
import { allocatePlan } from '../../shared/governance/allocation';
import { assertNonNegativeCents, centsFromBigInt, isCents, roundHalfAwayFromZero, sumCents } from '../../shared/governance/money';
import {
  consortiumSavings,
  DEFAULT_SIZE_CLASSES,
  memberStatement,
  sizeClassLabel,
  sizeClassOf,
  standAloneCost,
  StatementError,
  type StandAloneReference,
} from '../../shared/governance/statement';

const members = [
  { istat: '041001', population: 800 },
  { istat: '041002', population: 2500 },
  { istat: '041003', population: 12000 },
];
const plan = allocatePlan(
  2027,
  [
    // Protocollo informatico: by population.
    { code: 'PROTOCOLLO', costCents: 1_530_000, key: { equal: 0, population: 100, usage: 0 } },
    // PEC mailboxes: by usage (mailboxes, thousandths), 041003 exempt.
    { code: 'PEC', costCents: 90_000, key: { equal: 20, population: 0, usage: 80 }, exempt: ['041003'], usage: [{ istat: '041001', usage: 2000 }, { istat: '041002', usage: 6000 }] },
    // Membership quota: equal, no stand-alone price.
    { code: 'QUOTA', costCents: 100_000, key: { equal: 100, population: 0, usage: 0 } },
  ],
  members,
);
const references: Record<string, StandAloneReference> = {
  PROTOCOLLO: { kind: 'size_class', cents: [600_000, 900_000, 1_200_000, 1_800_000, 2_400_000, 3_600_000] },
  PEC: { kind: 'per_unit', fixedCents: 20_000, unitCents: 4_999 },
};

describe('size classes', () => {
  it('places populations in the default classes, bounds inclusive', () => {
    expect([0, 1000, 1001, 3000, 3001, 5000, 5001, 10000, 10001, 20000, 20001, 3_000_000].map((p) => sizeClassOf(p))).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(DEFAULT_SIZE_CLASSES.map((_, i) => sizeClassLabel(i))).toEqual([
      'fino a 1.000 abitanti',
      'da 1.001 a 3.000 abitanti',
      'da 3.001 a 5.000 abitanti',
      'da 5.001 a 10.000 abitanti',
      'da 10.001 a 20.000 abitanti',
      'oltre 20.000 abitanti',
    ]);
  });
  it('stand-alone cost per class and per unit (rounded to the nearest cent)', () => {
    expect(standAloneCost(references.PROTOCOLLO!, { population: 2500, usage: 0 })).toBe(900_000);
    // 20,000 + 49.99 € × 2.5 mailboxes = 20,000 + 12,497.5 → 12,498 cents (half up).
    expect(standAloneCost(references.PEC!, { population: 0, usage: 2500 })).toBe(32_498);
    expect(standAloneCost({ kind: 'per_unit', unitCents: 1 }, { population: 0, usage: 499 })).toBe(0);
    expect(standAloneCost({ kind: 'per_unit', unitCents: 1 }, { population: 0, usage: 500 })).toBe(1);
  });
});

describe("a member's statement", () => {
  it('lists each item, its key, its share and its savings; totals add up', () => {
    const s = memberStatement(plan, '041002', references);
    expect(s).toMatchObject({ year: 2027, istat: '041002', population: 2500, sizeClass: 1 });
    const byCode = Object.fromEntries(s.lines.map((l) => [l.code, l]));
    // 1,530,000 × 2500 / 15300 = 250,000.
    expect(byCode.PROTOCOLLO).toEqual({ code: 'PROTOCOLLO', key: { equal: 0, population: 100, usage: 0 }, exempt: false, cents: 250_000, standAloneCents: 900_000, savingsCents: 650_000 });
    // PEC: 18,000 equally between two payers (9,000) + 72,000 × 6/8 (54,000) = 63,000; alone 20,000 + 4,999 × 6 = 49,994.
    expect(byCode.PEC).toMatchObject({ cents: 63_000, standAloneCents: 49_994, savingsCents: -13_006 });
    expect(byCode.QUOTA).toMatchObject({ cents: 33_333, standAloneCents: null, savingsCents: null });
    expect(s.totalCents).toBe(250_000 + 63_000 + 33_333);
    expect(s.comparableCents).toBe(313_000);
    expect(s.standAloneCents).toBe(949_994);
    expect(s.savingsCents).toBe(636_994);
    // 636,994 / 949,994 = 67.0526…% → 6705 hundredths of a percent.
    expect(s.savingsBasisPoints).toBe(6705);
  });
  it('an exempt member pays nothing and has no stand-alone cost for that item', () => {
    const s = memberStatement(plan, '041003', references);
    expect(s.lines.find((l) => l.code === 'PEC')).toEqual({ code: 'PEC', key: { equal: 20, population: 0, usage: 80 }, exempt: true, cents: 0, standAloneCents: null, savingsCents: null });
  });
  it('the members’ statements add up to the plan', () => {
    const statements = members.map((m) => memberStatement(plan, m.istat, references));
    expect(sumCents(statements.map((s) => s.totalCents))).toBe(1_530_000 + 90_000 + 100_000);
    const c = consortiumSavings(plan, references);
    expect(sumCents(statements.map((s) => s.savingsCents))).toBe(c.savingsCents);
    expect(sumCents(statements.map((s) => s.standAloneCents))).toBe(c.standAloneCents);
  });
  it('refuses an unknown member, a reference for an item not in the plan, bad references', () => {
    expect(() => memberStatement(plan, '099999', references)).toThrow(StatementError);
    expect(() => memberStatement(plan, '041001', { GIS: { kind: 'per_unit', unitCents: 1 } })).toThrow(/non è nel piano 2027/);
    expect(() => memberStatement(plan, '041001', { PEC: { kind: 'per_unit', unitCents: -1 } })).toThrow(/non negativi/);
    expect(() => memberStatement(plan, '041001', { PROTOCOLLO: { kind: 'size_class', cents: [1, 2] } })).toThrow(/ciascuna delle 6 classi/);
    expect(() => memberStatement(plan, '041001', { PROTOCOLLO: { kind: 'size_class', bounds: [5000, 1000, null], cents: [1, 2, 3] } })).toThrow(/crescenti/);
  });
});

describe('economies of scale of the consortium', () => {
  it('per service and in total; items without a reference are left out', () => {
    const c = consortiumSavings(plan, references);
    expect(c.services.map((s) => s.code)).toEqual(['PROTOCOLLO', 'PEC']);
    // Alone: 600,000 + 900,000 + 2,400,000 = 3,900,000 against 1,530,000.
    expect(c.services[0]).toEqual({ code: 'PROTOCOLLO', costCents: 1_530_000, members: 3, standAloneCents: 3_900_000, savingsCents: 2_370_000, savingsBasisPoints: 6077 });
    // Alone: (20,000 + 9,998) + (20,000 + 29,994) = 79,992 against 90,000.
    expect(c.services[1]).toMatchObject({ members: 2, standAloneCents: 79_992, savingsCents: -10_008 });
    expect(c).toMatchObject({ costCents: 1_620_000, standAloneCents: 3_979_992, savingsCents: 2_359_992 });
  });
});

describe('money helpers', () => {
  it('round half away from zero, exact sums, refusal beyond 2^53', () => {
    expect(roundHalfAwayFromZero(5n, 2n)).toBe(3n);
    expect(roundHalfAwayFromZero(-5n, 2n)).toBe(-3n);
    expect(roundHalfAwayFromZero(4n, 3n)).toBe(1n);
    expect(sumCents([Number.MAX_SAFE_INTEGER - 1, 1])).toBe(Number.MAX_SAFE_INTEGER);
    expect(sumCents([Number.MAX_SAFE_INTEGER, 5, -10])).toBe(Number.MAX_SAFE_INTEGER - 5);
    expect(() => sumCents([Number.MAX_SAFE_INTEGER, 1])).toThrow(/massimo rappresentabile/);
    expect(() => centsFromBigInt(2n ** 60n)).toThrow();
    expect([isCents(12), isCents(-3), isCents(1.5), isCents(2 ** 53), isCents('12')]).toEqual([true, true, false, false, false]);
    expect(() => assertNonNegativeCents(100, { it: 'Costo', en: 'Cost' })).not.toThrow();
    expect(() => assertNonNegativeCents(-1, { it: 'Costo', en: 'Cost' })).toThrow(/Costo: l'importo non può essere negativo/);
    expect(() => assertNonNegativeCents(0.1, { it: 'Costo', en: 'Cost' })).toThrow(/numero intero di centesimi/);
    expect(() => assertNonNegativeCents(Number.MAX_SAFE_INTEGER + 1, { it: 'Costo', en: 'Cost' })).toThrow(/numero intero di centesimi/);
  });
});
