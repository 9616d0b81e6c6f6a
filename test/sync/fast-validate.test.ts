/**
 * The usage fast path (electron/core/format/bundle/fast-validate.ts) may only say true where the zod
 * schema accepts (false just defers to zod). Checked on random and adversarial data, and it
 * must say true on ordinary entries, or it would be useless.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageData } from '../../shared/records/usage';
import { fastCheckFor, fastUsage } from '../../electron/core/format/bundle/fast-validate';
import { usageData } from './bundle-craft';

function sound(data: unknown): void {
  if (fastUsage(data)) expect(UsageData.safeParse(data).success, JSON.stringify(data)).toBe(true);
}

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', ' ', '  Maria  ', '\t', '\n', 'a\u0000b', 'a\u007fb', 'riga\nnuova', '\u00a0', '\u2028', 'x'.repeat(100), 'x'.repeat(101), 'n'.repeat(2000), 'n'.repeat(2001), ' '.repeat(2001)),
);
const number = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom(0, 1, 1.5, -1, 100_000_000, 100_000_001, 1_000_000_000_000, 1_000_000_000_001, 2 ** 53, Number.NaN, Infinity, -0),
  fc.double(),
);
const anything = fc.oneof(text, number, fc.constant(null), fc.boolean(), fc.constant(undefined), fc.constant([]), fc.constant({}));
const date = fc.oneof(
  fc.constantFrom('2025-01-31', '2025-02-29', '2024-02-29', '1900-02-29', '2000-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '1899-12-31', '3000-01-01', '2025-1-01', '2025-01-01 ', '２０２５-01-01', '2025/01/01', '2025-06-01'),
  fc.date({ min: new Date('1800-01-01'), max: new Date('3100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.string({ maxLength: 10 }),
);
const beneficiaries = fc.oneof(
  fc.record({ citizens: fc.oneof(fc.constant(null), number), businesses: fc.oneof(fc.constant(null), number), offices: fc.oneof(fc.constant(null), number) }),
  fc.record({ citizens: fc.constant(null), businesses: fc.constant(null) }),
  fc.record({ citizens: fc.constant(null), businesses: fc.constant(null), offices: fc.constant(null), extra: fc.constant(1) }),
  anything,
);
const usage = fc.record(
  {
    service: fc.oneof(fc.constantFrom('PEC', 'SITO', 'A', 'AB', 'A-1', 'pec', '1AB', 'A'.repeat(24), 'A'.repeat(25), 'PEC\n'), text),
    date,
    period: fc.oneof(fc.constantFrom('day', 'month', 'year', 'Day'), anything),
    quantity_milli: number,
    beneficiaries,
    channel: fc.oneof(fc.constantFrom(null, 'counter', 'online', 'phone', 'fax', 'Counter'), anything),
    note: text,
    updated_by: text,
    extra: anything,
  },
  { requiredKeys: [] },
);

describe('usage fast path', () => {
  it('accepts ordinary entries (daily and monthly, with beneficiaries and a note)', () => {
    expect(fastCheckFor(UsageData)).toBe(fastUsage);
    expect(fastUsage(usageData())).toBe(true);
    expect(fastUsage(usageData({ period: 'month', date: '2026-10-01', channel: 'online', note: 'ore 12:30, sportello', beneficiaries: { citizens: 4, businesses: 0, offices: null } }))).toBe(true);
  });

  it('never accepts what the schema refuses (random and adversarial data)', () => {
    fc.assert(
      fc.property(usage, (d) => {
        sound(d);
      }),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(anything, (d) => {
        sound(d);
      }),
      { numRuns: 500 },
    );
  });

  it('one field changed from a valid entry at a time: the fast path follows the schema or defers', () => {
    const fields = Object.keys(usageData());
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.oneof(anything, date, beneficiaries), (field, value) => {
        sound(usageData({ [field]: value }));
        const without = usageData();
        delete without[field];
        sound(without);
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees exactly with the schema on entries built from valid parts', () => {
    const valid = fc.record({
      service: fc.constantFrom('PEC', 'SITO', 'DEMOGRAFICI'),
      date: fc.date({ min: new Date('1950-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      period: fc.constant('day'),
      quantity_milli: fc.integer({ min: 1, max: 1_000_000_000_000 }),
      beneficiaries: fc.record({ citizens: fc.option(fc.integer({ min: 0, max: 100_000_000 })), businesses: fc.option(fc.nat(1000)), offices: fc.constant(null) }),
      channel: fc.constantFrom(null, 'counter', 'online', 'phone'),
      note: fc.string({ maxLength: 40 }).filter((s) => !/[\u0000-\u001f\u007f]/.test(s)),
      updated_by: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0 && !/[\u0000-\u001f\u007f]/.test(s)),
    }).map((d) => JSON.parse(JSON.stringify(d)) as unknown); // as read from a line
    fc.assert(
      fc.property(valid, (d) => {
        expect(fastUsage(d)).toBe(UsageData.safeParse(d).success);
      }),
      { numRuns: 3000 },
    );
  });
});
