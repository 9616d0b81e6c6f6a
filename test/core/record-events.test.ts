import { describe, expect, it } from 'vitest';
import { MUNICIPALITY_RECORD_KINDS } from '../../shared/records/kinds';
import { openMunicipality, outboxEvents } from '../helpers/municipality';

describe('events of the municipality records', () => {
  it('are canonical: every put’s data passes its kind’s schema and re-serializes to the same bytes', async () => {
    const t = await openMunicipality();
    await t.must('settings.update', { shareNames: true });
    await t.must('demo.fill', { months: 3, seed: 11 });
    const events = outboxEvents(t);
    const kinds = new Map(MUNICIPALITY_RECORD_KINDS.map((k) => [k.kind, k]));
    // Every kind but a join, which needs a proposal the hub published (test/sync/proposal-joins.test.ts).
    expect(new Set(events.map((e) => e.kind))).toEqual(new Set([...kinds.keys()].filter((k) => k !== 'proposal_join')));
    for (const e of events) {
      expect(e.op).toBe('put');
      const parsed = kinds.get(e.kind)!.schema.parse(e.data);
      expect(JSON.stringify(parsed)).toBe(JSON.stringify(e.data));
      // Random (v4), except the designation: one per member, its id derived from the ISTAT code (v8).
      const version = e.kind === 'technician_designation' ? '8' : '4';
      expect(e.id).toMatch(new RegExp(`^[0-9a-f]{8}-[0-9a-f]{4}-${version}[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`));
    }
    // With sharing on, staff events carry the name.
    expect(events.filter((e) => e.kind === 'staff').every((e) => typeof e.data?.display_name === 'string')).toBe(true);
    // Every line is exactly the envelope of docs/bundle-format.md, in order.
    const lines = t.backend.ctx.db.prepare('SELECT line FROM outbox ORDER BY seq').pluck().all() as Buffer[];
    for (const line of lines.slice(0, 50)) expect(Object.keys(JSON.parse(line.toString('utf8')))).toEqual(['seq', 'at', 'kind', 'op', 'id', 'data']);
  });

  it('writes nothing when a write fails half-way (the record and its event land together or not at all)', async () => {
    const t = await openMunicipality();
    const a = await t.must('staff.create', { code: 'A-1' });
    await t.must('staff.create', { code: 'B-1' });
    // A code clash is found after the transaction started: nothing of it may remain.
    const r = await t.call('staff.update', { id: a.id, displayName: 'X', code: 'B-1', role: '', office: '', active: true });
    expect(r).toMatchObject({ ok: false, error: { field: 'code' } });
    expect(outboxEvents(t)).toHaveLength(2);
    expect((await t.must('staff.list', {})).find((s) => s.id === a.id)?.displayName).toBeNull();
  });
});
