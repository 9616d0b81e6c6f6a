/**
 * The hub's own records travel to a member: the hub edits its catalogue, courses, groups and a
 * member's population, exports to the member, the member imports; its catalogue is the hub's,
 * the offered courses and the groups are visible, the registry is stored.
 */
import { describe, expect, it } from 'vitest';
import { appendEvent } from '../../electron/core/sync/outbox/outbox';
import { outboxEvents } from '../helpers/municipality';
import { tempDir } from '../helpers/temp-dir';
import { hubToTown, openHub, openTown, townToHub } from './hub-helpers';

describe('hub records to a member', () => {
  it('publishes the catalogue and the registry at setup, with ids derived from code and ISTAT', async () => {
    const hub = await openHub();
    const events = outboxEvents(hub);
    const services = events.filter((e) => e.kind === 'service');
    const members = events.filter((e) => e.kind === 'member');
    expect(services).toHaveLength(11);
    expect(members.length).toBeGreaterThan(40);
    expect(events).toHaveLength(services.length + members.length);
    expect(services[0]).toMatchObject({ op: 'put', data: { code: 'PROTOCOLLO', active: true, position: 1, fixed_yearly_cents: null, updated_by: 'Ufficio CST' } });
    expect(services[0]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Saving a code again keeps its id.
    const pec = await hub.must('hub.services.save', { code: 'PEC', nameIt: 'PEC istituzionale', nameEn: 'Certified e-mail', category: 'communication', unit: 'mailboxes' });
    expect(pec.id).toBe(services.find((e) => e.data?.code === 'PEC')!.id);
    expect((await hub.must('catalogue.list', {})).every((s) => s.source === 'hub')).toBe(true);
    const urbino = members.find((e) => e.data?.istat === '041067');
    expect(urbino?.data).toMatchObject({ name: 'Urbino', province: 'PU', status: 'active' });
  });

  it('the member imports: the hub catalogue replaces the provisional one, courses, groups and registry arrive', async () => {
    const hub = await openHub();
    const town = await openTown(hub, '041067');
    // Recorded against the provisional catalogue before the hub's arrives.
    await town.must('usage.record', { service: 'WIFI', date: '2026-11-02', quantity: '3' });
    const before = await town.must('sync.status', {});
    expect(before).toMatchObject({ role: 'municipality', hub: { id: 'CST-PU', confirmed: true }, hubSeqApplied: 0, hubSeqAppliedAt: null, ourLastSeq: 1, ackedByHub: null, waiting: 1, lastImportAt: null });

    await hub.must('hub.services.save', { code: 'PAGOPA', nameIt: 'Pagamenti pagoPA', nameEn: 'pagoPA payments', category: 'citizens', unit: 'requests', unitCostCents: 35 });
    await hub.must('hub.services.save', { code: 'GIS', nameIt: 'GIS e cartografia', nameEn: 'GIS and mapping', category: 'territory', unit: 'accesses', active: false });
    await hub.must('hub.services.delete', { code: 'WIFI' });
    const course = await hub.must('hub.courses.save', { title: 'Sicurezza informatica di base', area: 'Sicurezza', startDate: '2026-12-01', endDate: '2026-12-02', hours: '7,5', mode: 'online', provider: 'CST' });
    // The coordinator is a technician that a member designated (issue 15), here Pesaro's.
    const pesaro = await openTown(hub, '041044');
    await pesaro.must('settings.update', { shareNames: true });
    await pesaro.must('committee.designation.save', { technicianName: 'Ing. Bianchi', from: '2026-01-01' });
    await townToHub(pesaro, hub);
    const group = await hub.must('hub.groups.save', { name: 'Transizione digitale', description: 'Piano triennale AgID', coordinator: { istat: '041044', person: 'Ing. Bianchi' } });
    expect(group.coordinator).toEqual({ istat: '041044', person: 'Ing. Bianchi', memberName: 'Pesaro' });
    const upd = await hub.must('members.update', { istat: '041067', population: 14_321, populationYear: 2025 });
    expect(upd).toMatchObject({ population: 14_321, populationYear: 2025, membership: 'active' });

    const { exp, res } = await hubToTown(hub, town, '041067');
    expect(res.outcome).toBe('applied');

    const catalogue = await town.must('catalogue.list', {});
    const codes = catalogue.map((s) => s.code);
    expect(codes).toContain('PAGOPA');
    expect(codes).not.toContain('GIS'); // retired, never used here
    expect(codes).toContain('WIFI'); // deleted by the hub but used here: kept for its entries
    expect(catalogue.every((s) => s.source === 'hub')).toBe(true);
    expect(catalogue.find((s) => s.code === 'PEC')).toMatchObject({ nameIt: 'Posta elettronica certificata (PEC)', source: 'hub' });
    expect((await town.must('hub.services.list', {})).find((s) => s.code === 'PAGOPA')).toMatchObject({ unitCostCents: 35, active: true });
    await town.must('usage.record', { service: 'PAGOPA', date: '2026-11-20', quantity: '12' });

    const courses = await town.must('courses.list', {});
    expect(courses).toContainEqual(expect.objectContaining({ id: course.id, title: 'Sicurezza informatica di base', consortium: true, hours: '7.5', mode: 'online' }));
    const staff = await town.must('staff.create', {});
    await town.must('participations.create', { staffId: staff.id, courseId: course.id, evaluation: 5 });
    const edit = await town.call('courses.update', { id: course.id, title: 'X', startDate: '2026-12-01', endDate: '2026-12-01', hours: '1' });
    expect(edit).toMatchObject({ ok: false, error: { code: 'E_VALIDATION' } });

    const groups = await town.must('groups.list', {});
    expect(groups).toContainEqual(expect.objectContaining({ id: group.id, name: 'Transizione digitale', source: 'hub' }));
    expect((await town.must('groups.delete', { id: group.id }).catch((e: Error) => e.message))).toMatch(/E_VALIDATION/);

    const registry = await town.must('members.list', {});
    expect(registry.length).toBeGreaterThan(40);
    expect(registry.find((m) => m.istat === '041067')).toMatchObject({ name: 'Urbino', population: 14_321, populationYear: 2025 });

    const after = await town.must('sync.status', {});
    expect(after).toMatchObject({ hubSeqApplied: exp.range.last, ackedByHub: null, received: { services: 11, courses: 1, groups: 1 } });
    expect(after.hubSeqAppliedAt).toMatch(/^2026-11-26T/);
    expect(after.lastImportAt).not.toBeNull();
    expect(after.waiting).toBe(after.ourLastSeq);

    // A second export carries only what changed since the member's acknowledgement... which
    // the hub learns from the member's next bundle; until then a re-import is a duplicate.
    const [again] = await hub.must('bundle.export', { dir: tempDir(), for: '041067' });
    const [dup] = await town.must('bundle.import', { files: [{ path: again!.path }] });
    expect(dup!.outcome).toBe('duplicate');
  });

  it('hub editing is refused on a municipality; a municipality sending a hub-owned kind gets E_OWNERSHIP', async () => {
    const hub = await openHub();
    const town = await openTown(hub, '041067');
    for (const [m, input] of [
      ['hub.services.save', { code: 'X1', nameIt: 'x', nameEn: 'x', category: 'web', unit: 'sites' }],
      ['hub.courses.save', { title: 'x', startDate: '2026-01-01', endDate: '2026-01-01', hours: '1' }],
      ['hub.groups.save', { name: 'x' }],
      ['members.update', { istat: '041067', population: 1, populationYear: 2025 }],
      ['hub.members.overview', {}],
    ] as const) {
      const r = await town.call(m, input as never);
      expect(r, m).toMatchObject({ ok: false, error: { code: 'E_VALIDATION' } });
    }
    // A tampered municipality writes a hub-owned kind into its own stream.
    const ctx = town.backend.ctx;
    ctx.db.transaction(() => appendEvent(ctx, { kind: 'service', op: 'put', id: '00000000-0000-4000-8000-0000000000aa', data: { code: 'FAKE' } }))();
    const [exp] = await town.must('bundle.export', { dir: tempDir() });
    const [res] = await hub.must('bundle.import', { files: [{ path: exp!.path }] });
    expect(res).toMatchObject({ outcome: 'refused', code: 'E_OWNERSHIP' });
    expect((await hub.must('hub.services.list', {})).map((s) => s.code)).not.toContain('FAKE');
  });

  it('members.add and members.remove travel as put and delete; an enrolled member cannot be removed', async () => {
    const hub = await openHub();
    const town = await openTown(hub, '041067');
    const added = await hub.must('members.add', { istat: '001272', memberSince: '2026-01-01' });
    expect(added).toMatchObject({ istat: '001272', name: 'Torino', status: 'pending', memberSince: '2026-01-01' });
    await hubToTown(hub, town, '041067');
    expect((await town.must('members.list', {})).some((m) => m.istat === '001272')).toBe(true);
    await hub.must('members.remove', { istat: '001272' });
    expect(await hub.call('members.remove', { istat: '041067' })).toMatchObject({ ok: false, error: { code: 'E_VALIDATION' } });
    await hub.must('members.update', { istat: '041067', status: 'withdrawn' });
    const [exp] = await hub.must('bundle.export', { dir: tempDir(), for: '041067' });
    await town.must('bundle.import', { files: [{ path: exp!.path }] });
    const list = await town.must('members.list', {});
    expect(list.some((m) => m.istat === '001272')).toBe(false);
    expect(list.find((m) => m.istat === '041067')).toMatchObject({ membership: 'withdrawn' });
  });
});
