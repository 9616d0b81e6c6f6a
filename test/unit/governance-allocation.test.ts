import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AllocationError, allocateItem, allocatePlan, type AllocationMember, type SharingKey } from '../../shared/governance/allocation';

/**
 * The independent oracle: the exact rule of issue 5 written the slow, obvious way (BigInt
 * numerators over D = 100 × Π bases, full sort by remainder then ISTAT).
 */
function oracle(cost: number, key: SharingKey, members: AllocationMember[]): Map<string, number> {
  const payers = members.filter((m) => !m.exempt).sort((a, b) => (a.istat < b.istat ? -1 : 1));
  const Be = BigInt(payers.length);
  const Bp = payers.reduce((s, m) => s + BigInt(m.population), 0n) || 1n;
  const Bu = payers.reduce((s, m) => s + BigInt(m.usage), 0n) || 1n;
  const D = 100n * Be * Bp * Bu;
  const C = BigInt(cost);
  const rows = payers.map((m) => {
    const N = C * (BigInt(key.equal) * Bp * Bu + BigInt(key.population) * BigInt(m.population) * Be * Bu + BigInt(key.usage) * BigInt(m.usage) * Be * Bp);
    return { istat: m.istat, q: N / D, r: N % D };
  });
  let left = C - rows.reduce((s, r) => s + r.q, 0n);
  const order = [...rows].sort((a, b) => (a.r > b.r ? -1 : a.r < b.r ? 1 : a.istat < b.istat ? -1 : 1));
  const out = new Map<string, number>(members.map((m) => [m.istat, 0]));
  for (const r of rows) out.set(r.istat, Number(r.q));
  for (const r of order) {
    if (left === 0n) break;
    out.set(r.istat, out.get(r.istat)! + 1);
    left -= 1n;
  }
  return out;
}

/** Exact share as a rational num/den (BigInt). */
function exactShare(cost: number, key: SharingKey, members: AllocationMember[], istat: string): [bigint, bigint] {
  const payers = members.filter((m) => !m.exempt);
  const m = members.find((x) => x.istat === istat)!;
  if (m.exempt) return [0n, 1n];
  const Be = BigInt(payers.length);
  const Bp = payers.reduce((s, x) => s + BigInt(x.population), 0n) || 1n;
  const Bu = payers.reduce((s, x) => s + BigInt(x.usage), 0n) || 1n;
  const N = BigInt(cost) * (BigInt(key.equal) * Bp * Bu + BigInt(key.population) * BigInt(m.population) * Be * Bu + BigInt(key.usage) * BigInt(m.usage) * Be * Bp);
  return [N, 100n * Be * Bp * Bu];
}

const istatOf = (i: number) => String(1001 + i * 7).padStart(6, '0');

const keyArb: fc.Arbitrary<SharingKey> = fc
  .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
  .map(([a, b]) => {
    const [lo, hi] = a < b ? [a, b] : [b, a];
    return { equal: lo, population: hi - lo, usage: 100 - hi };
  });

type Weights = { population: number; usage: number; exempt: boolean };

/** Members with at least one payer whose weights make every component in use divisible. */
const caseArb = fc
  .record({
    key: keyArb,
    // Three ranges of cost: the exact-number path, the double-with-proof path, and BigInt only.
    cost: fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000_000_000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 0, max: 99 }).map((c) => 1_000_000_007 + c)),
    // Small weights tie often (tie-breaks); large ones push past 2^53.
    weights: fc.oneof<fc.Arbitrary<Weights[]>[]>(
      fc.array(fc.record({ population: fc.integer({ min: 0, max: 3 }), usage: fc.integer({ min: 0, max: 3 }), exempt: fc.boolean() }), { minLength: 1, maxLength: 40 }),
      fc.array(
        fc.record({ population: fc.integer({ min: 0, max: 3_000_000 }), usage: fc.integer({ min: 0, max: 1_000_000_000_000 }), exempt: fc.boolean() }),
        { minLength: 1, maxLength: 40 },
      ),
      // Large but repeated weights: ties at the threshold on the double-with-proof path.
      fc.array(
        fc.record({
          population: fc.constantFrom(0, 997_001, 1_994_002, 2_991_003),
          usage: fc.constantFrom(0, 999_999_937, 1_999_999_874),
          exempt: fc.boolean(),
        }),
        { minLength: 1, maxLength: 60 },
      ),
    ),
    seed: fc.integer(),
  })
  .map(({ key, cost, weights, seed }) => {
    const members: AllocationMember[] = weights.map((w, i) => ({ istat: istatOf(i), ...w }));
    members[seed % 2 === 0 ? 0 : members.length - 1]!.exempt = false;
    const payers = members.filter((m) => !m.exempt);
    if (key.population > 0 && payers.every((m) => m.population === 0)) payers[0]!.population = 1;
    if (key.usage > 0 && payers.every((m) => m.usage === 0)) payers[0]!.usage = 1;
    return { key, cost, members };
  });

const shuffle = <T>(xs: T[], seed: number): T[] => {
  const a = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = a.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) >>> 0;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
};

const centsOf = (cost: number, key: SharingKey, members: AllocationMember[]) =>
  new Map(allocateItem({ code: 'V1', costCents: cost, key }, members).shares.map((s) => [s.istat, s.cents]));

describe('cost allocation: properties', () => {
  it('equals the exact rule (BigInt oracle) on every path', () => {
    fc.assert(
      fc.property(caseArb, ({ key, cost, members }) => {
        expect(centsOf(cost, key, members)).toEqual(oracle(cost, key, members));
      }),
      { numRuns: 1500 },
    );
  });

  it('shares sum exactly to the cost, none negative, exempt members pay zero', () => {
    fc.assert(
      fc.property(caseArb, ({ key, cost, members }) => {
        const item = allocateItem({ code: 'V1', costCents: cost, key }, members);
        expect(item.shares.reduce((s, r) => s + r.cents, 0)).toBe(cost);
        for (const r of item.shares) {
          expect(Number.isSafeInteger(r.cents)).toBe(true);
          expect(r.cents).toBeGreaterThanOrEqual(0);
        }
        for (const m of members.filter((x) => x.exempt)) expect(item.shares.find((r) => r.istat === m.istat)!.cents).toBe(0);
        expect(item.exempt).toEqual(members.filter((m) => m.exempt).map((m) => m.istat));
      }),
      { numRuns: 500 },
    );
  });

  it('is invariant to the order of the members', () => {
    fc.assert(
      fc.property(caseArb, fc.integer(), ({ key, cost, members }, seed) => {
        const a = allocateItem({ code: 'V1', costCents: cost, key }, members);
        const b = allocateItem({ code: 'V1', costCents: cost, key }, shuffle(members, seed));
        expect(b).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it('each share is within one cent of its exact proportion', () => {
    fc.assert(
      fc.property(caseArb, ({ key, cost, members }) => {
        for (const [istat, cents] of centsOf(cost, key, members)) {
          const [num, den] = exactShare(cost, key, members, istat);
          const diff = BigInt(cents) * den - num;
          expect((diff < 0n ? -diff : diff) < den).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('the share rows carry the inputs they were computed from', () => {
    const members: AllocationMember[] = [
      { istat: '041002', population: 800, usage: 1500, exempt: false },
      { istat: '041001', population: 1200, usage: 0, exempt: true },
    ];
    const item = allocateItem({ code: 'PEC', costCents: 1000, key: { equal: 0, population: 0, usage: 100 } }, members);
    expect(item).toEqual({
      code: 'PEC',
      cost_cents: 1000,
      key: { equal: 0, population: 0, usage: 100 },
      exempt: ['041001'],
      shares: [
        { istat: '041001', population: 1200, usage: 0, cents: 0 },
        { istat: '041002', population: 800, usage: 1500, cents: 1000 },
      ],
    });
  });
});

const three = (pops: [number, number, number], exempt: [boolean, boolean, boolean] = [false, false, false]): AllocationMember[] => [
  { istat: '041003', population: pops[2], usage: 0, exempt: exempt[2] },
  { istat: '041001', population: pops[0], usage: 0, exempt: exempt[0] },
  { istat: '041002', population: pops[1], usage: 0, exempt: exempt[1] },
];
const equalKey: SharingKey = { equal: 100, population: 0, usage: 0 };

describe('cost allocation: largest remainders, ties by ascending ISTAT', () => {
  it('100 cents over three equal members: 34, 33, 33, the lowest ISTAT gets the extra cent', () => {
    const item = allocateItem({ code: 'Q', costCents: 100, key: equalKey }, three([1, 1, 1]));
    expect(item.shares.map((s) => [s.istat, s.cents])).toEqual([
      ['041001', 34],
      ['041002', 33],
      ['041003', 33],
    ]);
  });

  it('200 cents over three: the two lowest ISTAT codes get the extra cents', () => {
    const item = allocateItem({ code: 'Q', costCents: 200, key: equalKey }, three([1, 1, 1]));
    expect(item.shares.map((s) => s.cents)).toEqual([67, 67, 66]);
  });

  it('the largest remainder wins over a lower ISTAT code', () => {
    // Populations 1, 1, 2 of 10 cents: exact 2.5, 2.5, 5 → floors 2, 2, 5; one cent left, remainders .5, .5, 0 → 041001.
    expect(allocateItem({ code: 'Q', costCents: 10, key: { equal: 0, population: 100, usage: 0 } }, three([1, 1, 2])).shares.map((s) => s.cents)).toEqual([3, 2, 5]);
    // Populations 1, 3, 3 of 10 cents: exact 1.43, 4.29, 4.29 → floors 1, 4, 4; one cent left, remainders .43, .29, .29 → 041001.
    expect(allocateItem({ code: 'Q', costCents: 10, key: { equal: 0, population: 100, usage: 0 } }, three([1, 3, 3])).shares.map((s) => s.cents)).toEqual([2, 4, 4]);
    // Populations 2, 1, 1 of 7 cents: exact 3.5, 1.75, 1.75 → floors 3, 1, 1; two cents left to the remainders .75 (041002, 041003), not to 041001's .5.
    expect(allocateItem({ code: 'Q', costCents: 7, key: { equal: 0, population: 100, usage: 0 } }, three([2, 1, 1])).shares.map((s) => s.cents)).toEqual([3, 2, 2]);
  });

  it('the weighted sum is rounded, never each component (and the two differ)', () => {
    // 100 cents, 50% equal + 50% population, three members of equal population: each exact share is 33.33.
    const mixed = allocateItem({ code: 'Q', costCents: 100, key: { equal: 50, population: 50, usage: 0 } }, three([1200, 1200, 1200]));
    expect(mixed.shares.map((s) => s.cents)).toEqual([34, 33, 33]);
    // Rounding each component on its own (50 cents equally, then 50 cents by population) would give 34, 34, 32.
    const eq = allocateItem({ code: 'Q', costCents: 50, key: equalKey }, three([1200, 1200, 1200])).shares.map((s) => s.cents);
    const pop = allocateItem({ code: 'Q', costCents: 50, key: { equal: 0, population: 100, usage: 0 } }, three([1200, 1200, 1200])).shares.map((s) => s.cents);
    const perComponent = eq.map((c, i) => c + pop[i]!);
    expect(perComponent).toEqual([34, 34, 32]);
    expect(perComponent).not.toEqual(mixed.shares.map((s) => s.cents));
  });

  it('a cost of 0 gives 0 to everyone; exempt members are out of every base', () => {
    expect(allocateItem({ code: 'Q', costCents: 0, key: equalKey }, three([1, 1, 1])).shares.map((s) => s.cents)).toEqual([0, 0, 0]);
    // 041002 exempt: 100 cents by population among 041001 (1) and 041003 (3).
    const item = allocateItem({ code: 'Q', costCents: 100, key: { equal: 0, population: 100, usage: 0 } }, three([1, 1000, 3], [false, true, false]));
    expect(item.shares.map((s) => s.cents)).toEqual([25, 0, 75]);
  });

  it('all of Italy with a cost beyond 2^53 / population still sums exactly', () => {
    const members: AllocationMember[] = Array.from({ length: 7896 }, (_, i) => ({ istat: istatOf(i), population: 30 + ((i * 7919) % 3_000_000), usage: (i * 104729) % 1_000_000_000, exempt: i % 50 === 0 }));
    for (const cost of [999_999_999_999, Number.MAX_SAFE_INTEGER]) {
      const key = { equal: 20, population: 30, usage: 50 };
      const got = centsOf(cost, key, members);
      expect([...got.values()].reduce((a, b) => a + b, 0)).toBe(cost);
      expect(got).toEqual(oracle(cost, key, members));
    }
  });
});

const refuse = (fn: () => unknown, code: string, text?: RegExp) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AllocationError);
    expect((e as AllocationError).code).toBe(code);
    if (text) expect((e as AllocationError).message).toMatch(text);
    return;
  }
  throw new Error(`expected ${code}`);
};

describe('cost allocation: bad input (a clear Italian message)', () => {
  const m = three([10, 20, 30]);
  it('percentages that do not sum to 100', () => {
    refuse(() => allocateItem({ code: 'Q', costCents: 100, key: { equal: 50, population: 40, usage: 0 } }, m), 'ALLOC_KEY_SUM', /sommano a 90%, non a 100%/);
    refuse(() => allocateItem({ code: 'Q', costCents: 100, key: { equal: 50, population: 40, usage: 20 } }, m), 'ALLOC_KEY_SUM', /110%/);
  });
  it('negative or non-integer percentages', () => {
    refuse(() => allocateItem({ code: 'Q', costCents: 100, key: { equal: 90, population: -10, usage: 20 } }, m), 'ALLOC_KEY_INVALID', /popolazione.*-10/);
    refuse(() => allocateItem({ code: 'Q', costCents: 100, key: { equal: 50.5, population: 49.5, usage: 0 } }, m), 'ALLOC_KEY_INVALID', /intero/);
  });
  it('a negative or non-integer cost', () => {
    refuse(() => allocateItem({ code: 'Q', costCents: -1, key: equalKey }, m), 'ALLOC_COST_NEGATIVE', /non può essere negativo/);
    refuse(() => allocateItem({ code: 'Q', costCents: 10.5, key: equalKey }, m), 'ALLOC_COST_INVALID', /centesimi/);
    refuse(() => allocateItem({ code: 'Q', costCents: 2 ** 53, key: equalKey }, m), 'ALLOC_COST_INVALID');
  });
  it('every member exempt', () => {
    refuse(() => allocateItem({ code: 'Q', costCents: 100, key: equalKey }, three([1, 1, 1], [true, true, true])), 'ALLOC_ALL_EXEMPT', /tutti i membri sono esenti: nessuno può sostenere il costo di questa voce/);
  });
  it('no members', () => {
    refuse(() => allocateItem({ code: 'Q', costCents: 100, key: equalKey }, []), 'ALLOC_NO_MEMBERS');
  });
  it('a component whose base is 0 among the members that are not exempt', () => {
    refuse(() => allocateItem({ code: 'Q', costCents: 100, key: { equal: 60, population: 40, usage: 0 } }, three([0, 5, 0], [false, true, false])), 'ALLOC_EMPTY_BASE', /40% per popolazione/);
    refuse(() => allocateItem({ code: 'Q', costCents: 100, key: { equal: 0, population: 0, usage: 100 } }, m), 'ALLOC_EMPTY_BASE', /utilizzo/);
    // A component at 0% needs no base.
    expect(allocateItem({ code: 'Q', costCents: 100, key: equalKey }, three([0, 0, 0])).shares.map((s) => s.cents)).toEqual([34, 33, 33]);
  });
  it('bad members: ISTAT, negative or fractional figures, duplicates', () => {
    refuse(() => allocateItem({ code: 'Q', costCents: 1, key: equalKey }, [{ istat: '41001', population: 1, usage: 0, exempt: false }]), 'ALLOC_MEMBER_INVALID', /ISTAT/);
    refuse(() => allocateItem({ code: 'Q', costCents: 1, key: equalKey }, [{ istat: '041001', population: -1, usage: 0, exempt: false }]), 'ALLOC_MEMBER_INVALID', /popolazione/);
    refuse(() => allocateItem({ code: 'Q', costCents: 1, key: equalKey }, [{ istat: '041001', population: 1, usage: 0.5, exempt: false }]), 'ALLOC_MEMBER_INVALID', /utilizzo/);
    refuse(() => allocateItem({ code: 'Q', costCents: 1, key: equalKey }, [...m, m[0]!]), 'ALLOC_MEMBER_DUPLICATE', /due volte/);
  });
});

describe('allocatePlan: the items of `cst plan allocate --json`', () => {
  const members = [
    { istat: '041002', population: 3000 },
    { istat: '041001', population: 1000 },
  ];
  it('allocates every item in order, with usage per member and exemptions', () => {
    const plan = allocatePlan(
      2027,
      [
        { code: 'QUOTA', costCents: 1001, key: equalKey },
        { code: 'PEC', costCents: 1000, key: { equal: 0, population: 50, usage: 50 }, usage: [{ istat: '041001', usage: 2500 }], exempt: [] },
        { code: 'GIS', costCents: 500, key: { equal: 0, population: 100, usage: 0 }, exempt: ['041002'] },
      ],
      members,
    );
    expect(plan.year).toBe(2027);
    expect(plan.items.map((i) => i.code)).toEqual(['QUOTA', 'PEC', 'GIS']);
    expect(plan.items[0]!.shares.map((s) => s.cents)).toEqual([501, 500]);
    // PEC: the population half is 125 + 375, the usage half (500) all goes to 041001.
    expect(plan.items[1]!.shares).toEqual([
      { istat: '041001', population: 1000, usage: 2500, cents: 625 },
      { istat: '041002', population: 3000, usage: 0, cents: 375 },
    ]);
    expect(plan.items[2]).toMatchObject({ exempt: ['041002'], shares: [{ cents: 500 }, { cents: 0 }] });
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
  it('equals allocateItem on the same rows, whatever the order of members, usage rows and exemptions', () => {
    fc.assert(
      fc.property(caseArb, fc.integer(), ({ key, cost, members }, seed) => {
        const plan = allocatePlan(
          2027,
          [
            {
              code: 'V1',
              costCents: cost,
              key,
              exempt: shuffle(members.filter((m) => m.exempt).map((m) => m.istat), seed),
              usage: shuffle(members.filter((m) => m.usage > 0).map((m) => ({ istat: m.istat, usage: m.usage })), seed + 1),
            },
          ],
          shuffle(members.map((m) => ({ istat: m.istat, population: m.population })), seed + 2),
        );
        expect(plan.items[0]).toEqual(allocateItem({ code: 'V1', costCents: cost, key }, members));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses unknown members, duplicate items or usage, a bad year', () => {
    refuse(() => allocatePlan(2027, [{ code: 'A', costCents: 1, key: equalKey, exempt: ['099999'] }], members), 'ALLOC_MEMBER_UNKNOWN', /099999/);
    refuse(() => allocatePlan(2027, [{ code: 'A', costCents: 1, key: equalKey, usage: [{ istat: '099999', usage: 1 }] }], members), 'ALLOC_MEMBER_UNKNOWN');
    refuse(
      () => allocatePlan(2027, [{ code: 'A', costCents: 1, key: equalKey, usage: [{ istat: '041001', usage: 1 }, { istat: '041001', usage: 2 }] }], members),
      'ALLOC_MEMBER_DUPLICATE',
    );
    refuse(() => allocatePlan(2027, [{ code: 'A', costCents: 1, key: equalKey }, { code: 'A', costCents: 2, key: equalKey }], members), 'ALLOC_ITEM_DUPLICATE');
    refuse(() => allocatePlan(27, [], members), 'ALLOC_YEAR_INVALID');
    refuse(() => allocatePlan(2027, [{ code: 'A', costCents: 1, key: equalKey, exempt: ['041001', '041002'] }], members), 'ALLOC_ALL_EXEMPT');
  });
});
