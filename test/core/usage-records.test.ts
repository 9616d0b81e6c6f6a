import { describe, expect, it } from 'vitest';
import { openTestBackend } from '../helpers/backend';
import { openMunicipality, outboxEvents } from '../helpers/municipality';

const entry = { service: 'PROTOCOLLO', date: '2026-11-20', quantity: '40' };

describe('usage entries', () => {
  it('records, edits and deletes entries, one event each, and the chain verifies', async () => {
    const t = await openMunicipality();
    const a = await t.must('usage.record', { ...entry, channel: 'counter', note: 'Protocollo in entrata', beneficiaries: { citizens: 12 } });
    expect(a).toMatchObject({ service: 'PROTOCOLLO', quantity: '40', quantityMilli: 40_000, version: 1, updatedBy: 'Maria Rossi' });
    const b = await t.must('usage.record', { service: 'SITO', date: '2026-11-21', quantity: '12,5' });
    expect(b.quantityMilli).toBe(12_500);
    const a2 = await t.must('usage.update', { ...entry, id: a.id, quantity: '42', note: 'corretto' });
    expect(a2).toMatchObject({ quantity: '42', version: 2, note: 'corretto' });
    await t.must('usage.delete', { id: b.id });

    const events = outboxEvents(t);
    expect(events.map((e) => [e.kind, e.op, e.id])).toEqual([
      ['usage', 'put', a.id],
      ['usage', 'put', b.id],
      ['usage', 'put', a.id],
      ['usage', 'delete', b.id],
    ]);
    expect(events[0]!.data).toEqual({
      service: 'PROTOCOLLO',
      date: '2026-11-20',
      period: 'day',
      quantity_milli: 40_000,
      beneficiaries: { citizens: 12, businesses: null, offices: null },
      channel: 'counter',
      note: 'Protocollo in entrata',
      updated_by: 'Maria Rossi',
    });
    expect(await t.must('log.verify', {})).toMatchObject({ ok: true, events: 4 });
  });

  it('stores a monthly entry on the first of its month', async () => {
    const t = await openMunicipality();
    const e = await t.must('usage.record', { service: 'PEC', date: '2026-10-17', period: 'month', quantity: '14' });
    expect(e).toMatchObject({ date: '2026-10-01', period: 'month' });
  });

  it('keeps monthly totals in step with every change', async () => {
    const t = await openMunicipality();
    const a = await t.must('usage.record', { ...entry, date: '2026-10-03' });
    await t.must('usage.record', { ...entry, date: '2026-10-30', quantity: '10' });
    await t.must('usage.record', { ...entry, date: '2026-11-02', quantity: '5' });
    await t.must('usage.update', { ...entry, id: a.id, date: '2026-11-03', quantity: '1' });
    const m = await t.must('usage.monthly', { year: 2026 });
    const row = m.rows.find((r) => r.service === 'PROTOCOLLO')!;
    expect(row.monthsMilli.slice(9, 11)).toEqual([10_000, 6_000]);
    expect(row).toMatchObject({ entries: 3, totalMilli: 16_000, total: '16' });
    const trend = await t.must('usage.trend', {});
    expect(trend.months).toHaveLength(12);
    expect(trend.months[11]).toBe('2026-11');
    expect(trend.series.find((s) => s.service === 'PROTOCOLLO')!.valuesMilli.slice(10)).toEqual([10_000, 6_000]);
  });

  it('lists newest first with keyset pages, filters, text search and totals per unit', async () => {
    const t = await openMunicipality();
    for (let d = 1; d <= 25; d++) {
      const date = `2026-10-${String(d).padStart(2, '0')}`;
      await t.must('usage.record', { service: d % 2 ? 'PROTOCOLLO' : 'SITO', date, quantity: d % 2 ? '2' : '0,5', note: d === 7 ? 'Richiesta urgente della Prefettura' : '' });
    }
    const p1 = await t.must('usage.list', { limit: 10 });
    expect(p1.rows.map((r) => r.date.slice(8))).toEqual(['25', '24', '23', '22', '21', '20', '19', '18', '17', '16']);
    expect(p1.total).toBe(25);
    expect(p1.totals).toEqual([
      { unit: 'documents', measure: 'count', quantity: '26', quantityMilli: 26_000, entries: 13 },
      { unit: 'gb', measure: 'level', quantity: '6', quantityMilli: 6_000, entries: 12 },
    ]);
    const p3 = await t.must('usage.list', { limit: 10, cursor: (await t.must('usage.list', { limit: 10, cursor: p1.nextCursor })).nextCursor });
    expect(p3.rows.map((r) => r.date.slice(8))).toEqual(['05', '04', '03', '02', '01']);
    expect(p3.nextCursor).toBeNull();

    const filtered = await t.must('usage.list', { service: 'SITO', from: '2026-10-05', to: '2026-10-12' });
    expect(filtered.rows.map((r) => r.date.slice(8))).toEqual(['12', '10', '08', '06']);
    expect(filtered.totals).toEqual([{ unit: 'gb', measure: 'level', quantity: '2', quantityMilli: 2_000, entries: 4 }]);

    const text = await t.must('usage.list', { text: 'prefett' });
    expect(text.rows.map((r) => r.date)).toEqual(['2026-10-07']);
    expect(text.total).toBe(1);
    expect((await t.must('usage.list', { text: 'nessuna' })).rows).toEqual([]);
  });

  it('sums whole months from the monthly table and edge months from the rows', async () => {
    const t = await openMunicipality();
    for (const date of ['2026-08-31', '2026-09-01', '2026-09-15', '2026-10-10', '2026-10-31', '2026-11-01']) {
      await t.must('usage.record', { ...entry, date, quantity: '1' });
    }
    const total = async (from?: string, to?: string) => (await t.must('usage.list', { ...(from ? { from } : {}), ...(to ? { to } : {}) })).total;
    expect(await total()).toBe(6);
    expect(await total('2026-09-01', '2026-10-31')).toBe(4);
    expect(await total('2026-09-02', '2026-10-30')).toBe(2);
    expect(await total('2026-09-15', '2026-09-15')).toBe(1);
    expect(await total('2026-08-31')).toBe(6);
    expect(await total(undefined, '2026-10-10')).toBe(4);
    expect(await total('2026-11-01', '2026-09-01')).toBe(0);
  });
});

describe('bad usage input changes nothing', () => {
  it.each([
    ['a negative quantity', { quantity: '-3' }, 'quantity'],
    ['a zero quantity', { quantity: '0' }, 'quantity'],
    ['a non-numeric quantity', { quantity: 'dodici' }, 'quantity'],
    ['decimals for a whole unit', { quantity: '2,5' }, 'quantity'],
    ['four decimals', { service: 'SITO', quantity: '1,2345' }, 'quantity'],
    ['an impossible date', { date: '2026-02-31' }, 'date'],
    ['a future date', { date: '2026-12-25' }, 'date'],
    ['a date before 2000', { date: '1999-12-31' }, 'date'],
    ['an unknown service', { service: 'TELETRASPORTO' }, 'service'],
    ['a malformed service', { service: 'x' }, 'service'],
    ['a 10 MB note', { note: 'x'.repeat(10 * 1024 * 1024) }, 'note'],
    ['a note of 2001 characters', { note: 'x'.repeat(2001) }, 'note'],
    ['control characters in the note', { note: 'ciao\u0000mondo' }, 'note'],
    ['a negative count', { beneficiaries: { citizens: -1 } }, 'beneficiaries.citizens'],
    ['an unknown channel', { channel: 'fax' }, 'channel'],
  ])('refuses %s', async (_what, change, field) => {
    const t = await openMunicipality();
    const r = await t.call('usage.record', { ...entry, ...change } as never);
    expect(r).toMatchObject({ ok: false, error: { code: 'E_VALIDATION', field } });
    if (!r.ok) expect(r.error.message).toMatch(/[a-zà-ù]{4,}/);
    expect(outboxEvents(t)).toEqual([]);
    expect((await t.must('usage.list', {})).total).toBe(0);
  });

  it('accepts tomorrow (Italy is ahead of UTC) and a 2000-character note', async () => {
    const t = await openMunicipality();
    await t.must('usage.record', { ...entry, date: '2026-11-27', note: 'x'.repeat(2000) });
  });

  it('refuses an edit with bad input, leaving the entry and the outbox as they were', async () => {
    const t = await openMunicipality();
    const a = await t.must('usage.record', entry);
    const r = await t.call('usage.update', { ...entry, id: a.id, quantity: '-1' });
    expect(r).toMatchObject({ ok: false, error: { field: 'quantity' } });
    expect(await t.must('usage.get', { id: a.id })).toEqual(a);
    expect(outboxEvents(t)).toHaveLength(1);
    expect(await t.call('usage.delete', { id: '00000000-0000-4000-8000-00000000ffff' })).toMatchObject({ ok: false, error: { code: 'E_NOT_FOUND' } });
  });

  it('refuses on an uninitialized installation and on the hub', async () => {
    const t = openTestBackend();
    expect(await t.call('usage.record', entry)).toMatchObject({ ok: false, error: { code: 'E_NOT_INITIALIZED' } });
    await t.must('setup.hub', { id: 'CST-PU', name: 'CST' });
    expect(await t.call('usage.record', entry)).toMatchObject({ ok: false, error: { code: 'E_VALIDATION' } });
  });
});

describe('keyset paging within one day', () => {
  it('pages entries of the same date without losing or repeating any, with and without text', async () => {
    const t = await openMunicipality();
    for (let i = 0; i < 7; i++) await t.must('usage.record', { ...entry, quantity: String(i + 1), note: 'stesso giorno' });
    for (const filters of [{}, { text: 'giorno' }, { service: 'PROTOCOLLO' }]) {
      const seen: string[] = [];
      let cursor: string | null | undefined;
      do {
        const p = await t.must('usage.list', { ...filters, limit: 3, cursor });
        seen.push(...p.rows.map((r) => r.quantity));
        cursor = p.nextCursor;
      } while (cursor);
      expect(seen).toEqual(['7', '6', '5', '4', '3', '2', '1']);
    }
  });
});
