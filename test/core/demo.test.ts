import { describe, expect, it } from 'vitest';
import { openTestBackend } from '../helpers/backend';
import { openMunicipality, outboxEvents } from '../helpers/municipality';

describe('demo data', () => {
  it('fills a year of realistic records, deterministic for a seed', async () => {
    const t = await openMunicipality();
    const s = await t.must('demo.fill', { months: 12, seed: 7 });
    expect(s.staff).toBeGreaterThanOrEqual(8);
    expect(s.staff).toBeLessThanOrEqual(15);
    expect(s.proposals).toBeGreaterThanOrEqual(3);
    expect(s.proposals).toBeLessThanOrEqual(5);
    expect(s.usageEntries).toBeGreaterThan(500);
    expect(s.participations).toBeGreaterThan(s.courses);
    expect(await t.must('log.verify', {})).toMatchObject({ ok: true, events: s.events });

    // Seasons: August is quieter than October for the registry office.
    const m = await t.must('usage.monthly', { year: 2026 });
    const protocollo = m.rows.find((r) => r.service === 'PROTOCOLLO')!;
    expect(protocollo.monthsMilli[7]!).toBeLessThan(protocollo.monthsMilli[9]!);
    const statuses = (await t.must('proposals.list', {})).map((p) => p.status);
    expect(new Set(statuses)).toEqual(new Set(['draft', 'submitted', 'withdrawn']));
    expect((await t.must('proposals.list', { status: 'submitted' })).some((p) => p.version === 3 && p.attachments.length === 1)).toBe(true);
    // No name leaves the municipality by default.
    const names = (await t.must('staff.list', {})).map((x) => x.displayName!.split(' ')[1]!);
    const lines = outboxEvents(t).filter((e) => e.kind === 'staff').map((e) => JSON.stringify(e.data));
    expect(lines.some((l) => names.some((n) => l.includes(n)))).toBe(false);
    // The municipality's technician in the Technical Committee, with a substitute: codes only leave.
    const d = (await t.must('committee.designation.get', {})).designation!;
    expect(d).toMatchObject({ technician: { code: 'TEC-1' }, substitute: { code: 'SOS-1' }, until: null, namesShared: false });
    expect(d.technician.name).toMatch(/^\S+ \S+/);
    const sent = outboxEvents(t).filter((e) => e.kind === 'technician_designation');
    expect(sent).toHaveLength(1);
    expect(JSON.stringify(sent[0]!.data)).not.toContain(d.technician.name!);

    const again = await openMunicipality();
    const s2 = await again.must('demo.fill', { months: 12, seed: 7 });
    expect(s2).toEqual(s);
    const data = (x: typeof t) => outboxEvents(x).map((e) => [e.kind, e.id, e.data]);
    expect(data(again)).toEqual(data(t));
  });

  it('refuses a second run, a hub and an uninitialized installation', async () => {
    const t = await openMunicipality();
    await t.must('demo.fill', { months: 1 });
    expect(await t.call('demo.fill', { months: 1 })).toMatchObject({ ok: false, error: { code: 'E_VALIDATION', message: expect.stringMatching(/vuota/) } });
    const fresh = openTestBackend();
    expect(await fresh.call('demo.fill', {})).toMatchObject({ ok: false, error: { code: 'E_NOT_INITIALIZED' } });
    await fresh.must('setup.hub', { id: 'CST-PU', name: 'CST' });
    expect(await fresh.call('demo.fill', {})).toMatchObject({ ok: false, error: { code: 'E_VALIDATION' } });
    expect(await fresh.call('demo.fill', { months: 0 })).toMatchObject({ ok: false, error: { field: 'months' } });
  });
});
