import { describe, expect, it } from 'vitest';
import { openMunicipality, outboxEvents } from '../helpers/municipality';

describe('staff register and name sharing', () => {
  it('keeps the name local while sharing is off (the default): events carry only code, role, office', async () => {
    const t = await openMunicipality();
    expect(await t.must('settings.get', {})).toEqual({ shareNames: false, operator: 'Maria Rossi' });
    const a = await t.must('staff.create', { displayName: 'Giulia Bianchi', role: 'Istruttore amministrativo', office: 'Anagrafe' });
    const b = await t.must('staff.create', { displayName: 'Luca Verdi', code: 'TEC-01', office: 'Ufficio tecnico' });
    expect(a).toMatchObject({ code: 'P-001', displayName: 'Giulia Bianchi', active: true });
    expect(b.code).toBe('TEC-01');
    expect((await t.must('staff.create', {})).code).toBe('P-002');
    const lines = (t.backend.ctx.db.prepare('SELECT line FROM outbox').pluck().all() as Buffer[]).map((l) => l.toString('utf8'));
    expect(lines.join('\n')).not.toMatch(/Giulia|Bianchi|Luca|Verdi/);
    expect(outboxEvents(t)[0]!.data).toEqual({ code: 'P-001', role: 'Istruttore amministrativo', office: 'Anagrafe', active: true, updated_by: 'Maria Rossi' });
    expect((await t.must('staff.list', { text: 'bianchi' })).map((s) => s.id)).toEqual([a.id]);
  });

  it('re-puts every staff record with the name when sharing is turned on, and without when off again', async () => {
    const t = await openMunicipality();
    const a = await t.must('staff.create', { displayName: 'Giulia Bianchi' });
    const b = await t.must('staff.create', { displayName: '' });
    expect(await t.must('settings.update', { shareNames: true })).toMatchObject({ shareNames: true });
    let events = outboxEvents(t);
    expect(events).toHaveLength(4);
    expect(events.slice(2).map((e) => [e.id, e.data?.display_name])).toEqual([
      [a.id, 'Giulia Bianchi'],
      [b.id, undefined],
    ]);
    // While sharing is on, new records carry the name too.
    await t.must('staff.update', { id: a.id, displayName: 'Giulia Bianchi Rossi', code: 'P-001', role: 'Responsabile', office: '', active: true });
    expect(outboxEvents(t)[4]!.data?.display_name).toBe('Giulia Bianchi Rossi');
    // Setting it to the same value changes nothing.
    await t.must('settings.update', { shareNames: true });
    expect(outboxEvents(t)).toHaveLength(5);
    await t.must('settings.update', { shareNames: false });
    events = outboxEvents(t);
    expect(events).toHaveLength(7);
    expect(events.slice(5).every((e) => e.data && !('display_name' in e.data))).toBe(true);
    expect((await t.must('staff.list', {}))[0]!.displayName).toBe('Giulia Bianchi Rossi');
    expect(await t.must('log.verify', {})).toMatchObject({ ok: true, events: 7 });
  });

  it('names the operator of each version', async () => {
    const t = await openMunicipality();
    await t.must('settings.update', { operator: 'Paolo Neri' });
    const a = await t.must('staff.create', { displayName: 'X' });
    expect(a.updatedBy).toBe('Paolo Neri');
    expect(await t.call('settings.update', { operator: '  ' })).toMatchObject({ ok: false, error: { field: 'operator' } });
  });

  it('refuses a duplicate code, a bad code, and deleting a person with training', async () => {
    const t = await openMunicipality();
    const a = await t.must('staff.create', { code: 'P-001' });
    expect(await t.call('staff.create', { code: 'p-001' })).toMatchObject({ ok: false, error: { code: 'E_VALIDATION', field: 'code' } });
    expect(await t.call('staff.create', { code: 'P 001!' })).toMatchObject({ ok: false, error: { field: 'code' } });
    expect(await t.call('staff.create', { displayName: 'a\u0007b' })).toMatchObject({ ok: false, error: { field: 'displayName' } });
    const c = await t.must('courses.create', { title: 'Privacy e GDPR', startDate: '2026-10-01', endDate: '2026-10-01', hours: '4' });
    await t.must('participations.create', { staffId: a.id, courseId: c.id });
    expect(await t.call('staff.delete', { id: a.id })).toMatchObject({ ok: false, error: { code: 'E_VALIDATION' } });
    expect(outboxEvents(t)).toHaveLength(3);
  });
});

describe('courses and participations', () => {
  it('records a course with two participants, their evaluations and the totals', async () => {
    const t = await openMunicipality();
    const a = await t.must('staff.create', { displayName: 'Giulia' });
    const b = await t.must('staff.create', { displayName: 'Luca' });
    const c = await t.must('courses.create', {
      title: 'Conservazione digitale',
      area: 'Archivi',
      startDate: '2026-11-10',
      endDate: '2026-11-12',
      hours: '7,5',
      mode: 'online',
      provider: 'CST',
      consortium: true,
    });
    expect(c).toMatchObject({ hours: '7.5', hoursMilli: 7500, participants: 0, averageEvaluation: null });
    await t.must('participations.create', { staffId: a.id, courseId: c.id, completed: true, evaluation: 5, comment: 'Utile' });
    const pb = await t.must('participations.create', { staffId: b.id, courseId: c.id, hours: '3', evaluation: 4 });
    expect(pb).toMatchObject({ hoursMilli: 3000, staffCode: 'P-002', courseTitle: 'Conservazione digitale' });
    expect(await t.call('participations.create', { staffId: b.id, courseId: c.id })).toMatchObject({ ok: false, error: { field: 'staffId' } });
    expect(await t.call('participations.create', { staffId: b.id, courseId: c.id, evaluation: 6 })).toMatchObject({ ok: false, error: { field: 'evaluation' } });
    const courses = await t.must('courses.list', { year: 2026 });
    expect(courses[0]).toMatchObject({ participants: 2, averageEvaluation: 4.5 });
    const totals = await t.must('training.totals', { year: 2026 });
    expect(totals.total).toEqual({ courses: 1, participations: 2, completed: 1, hoursMilli: 10_500, hours: '10.5' });
    expect(totals.perPerson.map((p) => [p.code, p.hours])).toEqual([
      ['P-001', '7.5'],
      ['P-002', '3'],
    ]);
    const home = await t.must('home.summary', {});
    expect(home).toMatchObject({ month: '2026-11', participations: 2, trainingHoursMilli: 10_500 });
    expect(outboxEvents(t).map((e) => e.kind)).toEqual(['staff', 'staff', 'course', 'participation', 'participation']);
  });

  it('refuses a course ending before it starts or far in the future, changing nothing', async () => {
    const t = await openMunicipality();
    const base = { title: 'X', startDate: '2026-11-10', endDate: '2026-11-12', hours: '2' };
    expect(await t.call('courses.create', { ...base, endDate: '2026-11-01' })).toMatchObject({ ok: false, error: { field: 'endDate' } });
    expect(await t.call('courses.create', { ...base, startDate: '2029-01-01', endDate: '2029-01-02' })).toMatchObject({ ok: false, error: { field: 'startDate' } });
    expect(await t.call('courses.create', { ...base, hours: '-2' })).toMatchObject({ ok: false, error: { field: 'hours' } });
    expect(outboxEvents(t)).toEqual([]);
  });
});
