/**
 * Issue 13, item 6: a level held (GB stored, mailboxes open) is never added up over months. A
 * municipality holding 6,47 GB all year sees 6,47 GB for the year, not 77,64; documents still add up.
 */
import { describe, expect, it } from 'vitest';
import type { TestBackend } from '../helpers/backend';
import { openMunicipality } from '../helpers/municipality';

const months2025 = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}-01`);

async function yearOfSito(t: TestBackend): Promise<void> {
  for (const date of months2025) {
    await t.must('usage.record', { service: 'SITO', date, period: 'month', quantity: '6,47' });
    await t.must('usage.record', { service: 'PROTOCOLLO', date, period: 'month', quantity: '100' });
  }
}

describe('levels over months, on the municipality', () => {
  it('the monthly summary gives a level its average and a count its sum', async () => {
    const t = await openMunicipality();
    await yearOfSito(t);
    const m = await t.must('usage.monthly', { year: 2025 });
    expect(m.rows.find((r) => r.service === 'SITO')).toMatchObject({ measure: 'level', totalMilli: 6_470, total: '6.47', entries: 12 });
    expect(m.rows.find((r) => r.service === 'PROTOCOLLO')).toMatchObject({ measure: 'count', totalMilli: 1_200_000, total: '1200' });
  });

  it('averages a level over the months that have a figure, not over twelve', async () => {
    const t = await openMunicipality();
    await t.must('usage.record', { service: 'SITO', date: '2025-03-01', period: 'month', quantity: '4' });
    await t.must('usage.record', { service: 'SITO', date: '2025-04-01', period: 'month', quantity: '6' });
    const m = await t.must('usage.monthly', { year: 2025 });
    expect(m.rows.find((r) => r.service === 'SITO')).toMatchObject({ totalMilli: 5_000 });
  });

  it('the list of entries totals a level as its monthly average, per unit, over any period', async () => {
    const t = await openMunicipality();
    await yearOfSito(t);
    // CONSERVAZIONE is GB too: two services of one unit add up month by month (GB held in all).
    await t.must('usage.record', { service: 'CONSERVAZIONE', date: '2025-06-01', period: 'month', quantity: '10' });
    await t.must('usage.record', { service: 'CONSERVAZIONE', date: '2025-07-01', period: 'month', quantity: '20' });
    const whole = await t.must('usage.list', { from: '2025-01-01', to: '2025-12-31' });
    expect(whole.totals).toEqual([
      { unit: 'documents', measure: 'count', quantity: '1200', quantityMilli: 1_200_000, entries: 12 },
      { unit: 'gb', measure: 'level', quantity: '21.47', quantityMilli: 21_470, entries: 14 },
    ]);
    // Partial months at the edges are read from the daily table: still one figure per month.
    const partial = await t.must('usage.list', { service: 'SITO', from: '2025-01-01', to: '2025-06-15' });
    expect(partial.totals).toEqual([{ unit: 'gb', measure: 'level', quantity: '6.47', quantityMilli: 6_470, entries: 6 }]);
    // Found by text (the notes' index): the same rule.
    await t.must('usage.record', { service: 'SITO', date: '2024-12-01', period: 'month', quantity: '2', note: 'spazio ridotto' });
    await t.must('usage.record', { service: 'SITO', date: '2024-11-01', period: 'month', quantity: '4', note: 'spazio pieno' });
    const text = await t.must('usage.list', { text: 'spazio' });
    expect(text.totals).toEqual([{ unit: 'gb', measure: 'level', quantity: '3', quantityMilli: 3_000, entries: 2 }]);
  });
});
