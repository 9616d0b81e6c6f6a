/**
 * Training hours on the hub follow the members' changes bundle after bundle: a course moved to
 * another year, a participation moved to another course or deleted, staff deactivated.
 */
import { describe, expect, it } from 'vitest';
import { openHub, openTown, townToHub } from './hub-helpers';

describe('hub training totals, incrementally', () => {
  it('follow course years, moved and deleted participations, active staff', async () => {
    const hub = await openHub();
    const town = await openTown(hub, '041067');
    const s1 = await town.must('staff.create', {});
    const s2 = await town.must('staff.create', {});
    const a = await town.must('courses.create', { title: 'A', startDate: '2026-03-01', endDate: '2026-03-01', hours: '4' });
    const b = await town.must('courses.create', { title: 'B', startDate: '2026-04-01', endDate: '2026-04-01', hours: '3' });
    const p1 = await town.must('participations.create', { staffId: s1.id, courseId: a.id, completed: true });
    const p2 = await town.must('participations.create', { staffId: s2.id, courseId: a.id });
    await townToHub(town, hub);
    const rows = async () => (await hub.must('hub.training.byMember', { member: '041067' })).map((r) => [r.year, r.participations, r.completed, r.hoursMilli, r.staff]);
    expect(await rows()).toEqual([[2026, 2, 1, 8_000, 2]]);

    await town.must('courses.update', { id: a.id, title: 'A', startDate: '2025-03-01', endDate: '2025-03-01', hours: '4' });
    await town.must('participations.update', { id: p2.id, staffId: s2.id, courseId: b.id });
    await townToHub(town, hub);
    expect(await rows()).toEqual([
      [2026, 1, 0, 3_000, 2],
      [2025, 1, 1, 4_000, 2],
    ]);

    await town.must('participations.delete', { id: p1.id });
    const staff = (await town.must('staff.list', {})).find((s) => s.id === s1.id)!;
    await town.must('staff.update', { id: s1.id, displayName: '', code: staff.code, role: '', office: '', active: false });
    await townToHub(town, hub);
    expect(await rows()).toEqual([[2026, 1, 0, 3_000, 1]]);
    const table = hub.backend.ctx.db.prepare("SELECT course_id, participations, hours_milli FROM hub_training_course_totals WHERE owner = '041067' ORDER BY course_id").all();
    expect(table).toEqual(
      [
        { course_id: a.id, participations: 0, hours_milli: 0 },
        { course_id: b.id, participations: 1, hours_milli: 3_000 },
      ].sort((x, y) => (x.course_id < y.course_id ? -1 : 1)),
    );
  });
});
