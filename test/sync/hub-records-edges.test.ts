/**
 * Edges of the hub's records on a municipality: a record the hub deletes stays while the
 * municipality's own records refer to it; invalid hub data is refused whole (E_RECORD); the
 * hub-owned kinds are declared strict, owned by the hub, and unique.
 */
import { describe, expect, it } from 'vitest';
import { appendEvent } from '../../electron/core/sync/outbox/outbox';
import { HUB_RECORD_KINDS, MUNICIPALITY_RECORD_KINDS, RECORD_KINDS } from '../../shared/records/kinds';
import { tempDir } from '../helpers/temp-dir';
import { hubToTown, openHub, openTown } from './hub-helpers';

describe('hub records on a municipality, edges', () => {
  it('declares the hub-owned kinds, distinct from the municipality ones, with strict schemas', () => {
    expect(HUB_RECORD_KINDS.map((k) => k.kind)).toEqual(expect.arrayContaining(['service', 'offered_course', 'thematic_group', 'member']));
    expect(HUB_RECORD_KINDS.every((k) => k.owner === 'hub' && k.description.length > 10)).toBe(true);
    expect(new Set(RECORD_KINDS.map((k) => k.kind)).size).toBe(MUNICIPALITY_RECORD_KINDS.length + HUB_RECORD_KINDS.length);
    const member = { istat: '041067', name: 'Urbino', province: 'PU', population: 14000, population_year: 2025, status: 'active', member_since: null, updated_by: 'U' };
    const kind = HUB_RECORD_KINDS.find((k) => k.kind === 'member')!;
    expect(kind.schema.safeParse(member).success).toBe(true);
    expect(kind.schema.safeParse({ ...member, extra: 1 }).success).toBe(false);
    expect(kind.schema.safeParse({ ...member, population: 1.5 }).success).toBe(false);
  });

  it('keeps a deleted course or group while participations or memberships refer to it', async () => {
    const hub = await openHub();
    const town = await openTown(hub, '041067');
    const used = await hub.must('hub.courses.save', { title: 'Usato', startDate: '2026-10-01', endDate: '2026-10-01', hours: '2' });
    const unused = await hub.must('hub.courses.save', { title: 'Non usato', startDate: '2026-10-01', endDate: '2026-10-01', hours: '2' });
    const group = await hub.must('hub.groups.save', { name: 'Con iscritti' });
    const empty = await hub.must('hub.groups.save', { name: 'Vuoto' });
    await hubToTown(hub, town, '041067');
    const s = await town.must('staff.create', {});
    await town.must('participations.create', { staffId: s.id, courseId: used.id });
    await town.must('groups.addMember', { groupId: group.id, staffId: s.id, since: '2026-01-01' });
    // The hub has not received the participation yet: it may delete the course.
    for (const id of [used.id, unused.id]) await hub.must('hub.courses.delete', { id });
    for (const id of [group.id, empty.id]) await hub.must('hub.groups.delete', { id });
    await hubToTown(hub, town, '041067');
    expect((await town.must('courses.list', {})).map((c) => c.title)).toEqual(['Usato']);
    expect((await town.must('groups.list', {})).map((g) => g.name)).toEqual(['Con iscritti']);
    expect(await town.must('hub.courses.list', {})).toEqual([]);
    expect(await town.must('sync.status', {})).toMatchObject({ received: { courses: 0, groups: 0 } });
  });

  it('a hub bundle with an invalid record is refused whole with E_RECORD, naming the field', async () => {
    const hub = await openHub();
    const town = await openTown(hub, '041067');
    await hub.must('hub.groups.save', { name: 'Valido' });
    const ctx = hub.backend.ctx;
    ctx.db.transaction(() =>
      appendEvent(ctx, { kind: 'service', op: 'put', id: '00000000-0000-4000-8000-0000000000bb', data: { code: 'bad', name_it: 'x', name_en: 'x', category: 'web', unit: 'sites', decimals: false, active: true, position: 1, fixed_yearly_cents: null, unit_cost_cents: null, updated_by: 'x' } }),
    )();
    const [exp] = await hub.must('bundle.export', { dir: tempDir(), for: '041067' });
    const [res] = await town.must('bundle.import', { files: [{ path: exp!.path }] });
    expect(res).toMatchObject({ outcome: 'refused', code: 'E_RECORD' });
    expect(res!.detail).toMatch(/data\.code/);
    expect(await town.must('groups.list', {})).toEqual([]);
    expect((await town.must('catalogue.list', {})).every((s) => s.source === 'provisional')).toBe(true);
    expect(await town.must('sync.status', {})).toMatchObject({ hubSeqApplied: 0 });
  });
});
