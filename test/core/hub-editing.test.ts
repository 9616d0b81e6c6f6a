/** The hub's editing API in-process: validation, refusals, events in the change's transaction. */
import { describe, expect, it } from 'vitest';
import { publishInitialHubRecords } from '../../electron/core/hub/members/hub-members';
import { setupHub } from '../../electron/core/app/setup/setup';
import { derivedRecordId } from '../../electron/core/hub/records/hub-ids';
import { openTestBackend } from '../helpers/backend';
import { outboxEvents } from '../helpers/municipality';

async function hub() {
  const t = openTestBackend();
  await t.must('setup.hub', { id: 'CST-PU', name: 'CST Pesaro-Urbino', province: 'PU' });
  return t;
}

describe('hub editing', () => {
  it('derives stable, distinct ids per hub and key', () => {
    const a = derivedRecordId('CST-PU', 'service', 'PEC');
    expect(derivedRecordId('CST-PU', 'service', 'PEC')).toBe(a);
    expect(derivedRecordId('CST-AN', 'service', 'PEC')).not.toBe(a);
    expect(derivedRecordId('CST-PU', 'member', 'PEC')).not.toBe(a);
  });

  it('publishes the initial records once, and a hub without province publishes only the catalogue', async () => {
    const t = await hub();
    const n = outboxEvents(t).length;
    expect(publishInitialHubRecords(t.backend.ctx)).toBe(0);
    expect(outboxEvents(t)).toHaveLength(n);
    const bare = openTestBackend();
    await bare.must('setup.hub', { id: 'CST-X', name: 'Consorzio X' });
    expect(outboxEvents(bare).map((e) => e.kind)).toEqual(Array(11).fill('service'));
    expect(await bare.must('log.verify', {})).toMatchObject({ ok: true, events: 11 });
  });

  it('a hub set up without its first events publishes them before its first edit', async () => {
    const t = openTestBackend();
    setupHub(t.backend.ctx, { id: 'CST-PU', name: 'CST Pesaro-Urbino', province: 'PU' });
    expect(outboxEvents(t)).toEqual([]);
    const g = await t.must('hub.groups.save', { name: 'Primo gruppo' });
    const kinds = outboxEvents(t).map((e) => e.kind);
    expect(kinds.slice(0, 11)).toEqual(Array(11).fill('service'));
    expect(kinds.at(-1)).toBe('thematic_group');
    expect(outboxEvents(t).at(-1)!.id).toBe(g.id);
    expect(kinds.filter((k) => k === 'member').length).toBeGreaterThan(40);
  });

  it('saves services with defaults, keeps positions, refuses bad input without writing', async () => {
    const t = await hub();
    const before = outboxEvents(t).length;
    const s = await t.must('hub.services.save', { code: 'BACKUP', nameIt: 'Backup in cloud', nameEn: 'Cloud backup', category: 'archive', unit: 'gb', fixedYearlyCents: 120_000 });
    expect(s).toMatchObject({ decimals: true, active: true, position: 12, fixedYearlyCents: 120_000, unitCostCents: null, updatedBy: 'Operatore' });
    const again = await t.must('hub.services.save', { code: 'BACKUP', nameIt: 'Backup', nameEn: 'Backup', category: 'archive', unit: 'gb' });
    expect(again).toMatchObject({ id: s.id, position: 12, fixedYearlyCents: null });
    expect(outboxEvents(t)).toHaveLength(before + 2);
    for (const bad of [
      { code: 'bad code', nameIt: 'x', nameEn: 'x', category: 'archive', unit: 'gb' },
      { code: 'OK', nameIt: '', nameEn: 'x', category: 'archive', unit: 'gb' },
      { code: 'OK', nameIt: 'x', nameEn: 'x', category: 'nope', unit: 'gb' },
      { code: 'OK', nameIt: 'x', nameEn: 'x', category: 'archive', unit: 'litres' },
      { code: 'OK', nameIt: 'x', nameEn: 'x', category: 'archive', unit: 'gb', unitCostCents: 1.5 },
    ]) {
      expect(await t.call('hub.services.save', bad as never)).toMatchObject({ ok: false, error: { code: 'E_VALIDATION' } });
    }
    expect(outboxEvents(t)).toHaveLength(before + 2);
    await t.must('hub.services.delete', { code: 'BACKUP' });
    expect(outboxEvents(t).at(-1)).toMatchObject({ kind: 'service', op: 'delete', id: s.id });
    expect((await t.must('catalogue.list', {})).map((x) => x.code)).not.toContain('BACKUP');
    expect(await t.call('hub.services.delete', { code: 'BACKUP' })).toMatchObject({ ok: false, error: { code: 'E_NOT_FOUND' } });
    // Usage received from a member: the service can only be retired.
    t.backend.ctx.db.prepare("INSERT INTO received_usage_monthly VALUES ('041067', 'PEC', '2026-10', 1000, 1)").run();
    expect(await t.call('hub.services.delete', { code: 'PEC' })).toMatchObject({ ok: false, error: { code: 'E_VALIDATION' } });
  });

  it('courses and groups: validation, updates keep the id, unknown ids are not found', async () => {
    const t = await hub();
    expect(await t.call('hub.courses.save', { title: 'x', startDate: '2026-02-02', endDate: '2026-02-01', hours: '1' })).toMatchObject({ ok: false, error: { field: 'endDate' } });
    expect(await t.call('hub.courses.save', { title: 'x', startDate: '2026-02-01', endDate: '2026-02-01', hours: 'tre' })).toMatchObject({ ok: false, error: { code: 'E_VALIDATION' } });
    const c = await t.must('hub.courses.save', { title: 'CAD', startDate: '2026-02-01', endDate: '2026-02-03', hours: '12,5', mode: 'blended', description: 'Codice dell’amministrazione digitale' });
    expect(c).toMatchObject({ hours: '12.5', hoursMilli: 12_500, mode: 'blended' });
    const c2 = await t.must('hub.courses.save', { id: c.id, title: 'CAD 2026', startDate: '2026-02-01', endDate: '2026-02-03', hours: '12' });
    expect(c2.id).toBe(c.id);
    expect(await t.must('hub.courses.list', { year: 2026 })).toHaveLength(1);
    expect(await t.must('hub.courses.list', { year: 2025 })).toHaveLength(0);
    expect(await t.call('hub.courses.save', { id: '00000000-0000-4000-8000-00000000ffff', title: 'x', startDate: '2026-02-01', endDate: '2026-02-01', hours: '1' })).toMatchObject({
      ok: false,
      error: { code: 'E_NOT_FOUND' },
    });
    await t.must('hub.courses.delete', { id: c.id });
    expect(await t.must('hub.courses.list', {})).toEqual([]);

    expect(await t.call('hub.groups.save', { name: 'G', coordinator: { istat: '001272', person: 'X' } })).toMatchObject({ ok: false, error: { field: 'coordinator.istat' } });
    // The coordinator is one of the technicians designated today (issue 15): Urbino's, as its
    // bundle would have left it (test/sync/committee-roster.test.ts sends it in a real bundle).
    expect(await t.call('hub.groups.save', { name: 'Sicurezza', coordinator: { istat: '041067', person: 'T-07' } })).toMatchObject({ ok: false, error: { key: 'hub.coordinatorNotDesignated' } });
    t.backend.ctx.db
      .prepare("INSERT INTO designation_versions (owner, seq, record_id, data, at) VALUES ('041067', 1, '00000000-0000-8000-8000-000000000001', ?, '2026-01-02T10:00:00.000Z')")
      .run(JSON.stringify({ technician: { code: 'T-07' }, substitute: null, role: '', office_email: '', office_phone: '', from: '2026-01-01', until: null, updated_by: 'Operatore' }));
    const g = await t.must('hub.groups.save', { name: 'Sicurezza', coordinator: { istat: '041067', person: 'T-07' } });
    expect(g).toMatchObject({ active: true, coordinator: { memberName: 'Urbino' } });
    await t.must('hub.groups.save', { id: g.id, name: 'Sicurezza e privacy', active: false });
    expect(await t.must('hub.groups.list', {})).toEqual([expect.objectContaining({ id: g.id, name: 'Sicurezza e privacy', active: false, coordinator: null })]);
    await t.must('hub.groups.delete', { id: g.id });
    expect(outboxEvents(t).filter((e) => e.id === g.id).map((e) => e.op)).toEqual(['put', 'put', 'delete']);
  });

  it('registry: population needs its year, not in the future; members.add from ISTAT list only', async () => {
    const t = await hub();
    expect(await t.call('members.update', { istat: '041067', population: 14000, populationYear: null })).toMatchObject({ ok: false, error: { field: 'populationYear' } });
    expect(await t.call('members.update', { istat: '041067', population: 14000, populationYear: 2030 })).toMatchObject({ ok: false, error: { field: 'populationYear' } });
    expect(await t.call('members.update', { istat: '999999', population: 1, populationYear: 2025 })).toMatchObject({ ok: false, error: { code: 'E_NOT_FOUND' } });
    const m = await t.must('members.update', { istat: '041067', population: 14_100, populationYear: 2026, memberSince: '2004-05-01' });
    expect(m).toMatchObject({ population: 14_100, populationYear: 2026, memberSince: '2004-05-01', status: 'pending' });
    expect(outboxEvents(t).at(-1)).toMatchObject({ kind: 'member', id: derivedRecordId('CST-PU', 'member', '041067'), data: { population: 14_100, population_year: 2026 } });
    expect(await t.call('members.add', { istat: '999999' })).toMatchObject({ ok: false, error: { code: 'E_VALIDATION' } });
    expect(await t.call('members.add', { istat: '041067' })).toMatchObject({ ok: false, error: { code: 'E_VALIDATION' } });
  });
});
