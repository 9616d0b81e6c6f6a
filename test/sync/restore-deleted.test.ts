/**
 * "Ripristina" on a deleted record (issue 13, item 13): a new version of the record with the data
 * it had before its deletion, appended to the outbox like any edit, so it leaves in the next
 * bundle and the consortium sees the record alive again.
 */
import { describe, expect, it } from 'vitest';
import { openTestBackend } from '../helpers/backend';
import { hubToTown, openHub, openTown, townToHub } from './hub-helpers';

describe('restoring a deleted record', () => {
  it('writes a new version that travels to the hub, which sees the record alive again', async () => {
    const hub = await openHub();
    const urbino = await openTown(hub, '041067');
    await hubToTown(hub, urbino, '041067');
    const kept = await urbino.must('usage.record', { service: 'PEC', date: '2026-10-05', quantity: '3' });
    const gone = await urbino.must('usage.record', { service: 'PEC', date: '2026-10-20', quantity: '4', note: 'caselle nuove' });
    await townToHub(urbino, hub);
    const pec = async () => (await hub.must('hub.usage.byMember', {})).cells.find((c) => c.service === 'PEC' && c.member === '041067');
    expect(await pec()).toMatchObject({ quantityMilli: 7_000, entries: 2 });

    await urbino.must('usage.delete', { id: gone.id });
    await townToHub(urbino, hub);
    expect(await pec()).toMatchObject({ quantityMilli: 3_000, entries: 1 });
    // The hub's reply carries its acknowledgement: what follows is all the next bundle holds.
    await hubToTown(hub, urbino, '041067');

    // The clerk finds it among the deleted records, with the data it had.
    const deleted = await urbino.must('history.deleted', {});
    expect(deleted.items).toHaveLength(1);
    expect(deleted.items[0]).toMatchObject({ kind: 'usage', id: gone.id, data: { service: 'PEC', quantity_milli: 4_000, note: 'caselle nuove' } });
    expect(await urbino.must('history.deleted', { kind: 'staff' })).toEqual({ items: [], more: false });

    const restored = await urbino.must('history.restore', { kind: 'usage', id: gone.id });
    expect(restored).toMatchObject({ kind: 'usage', id: gone.id, nameToRetype: false });
    expect((await urbino.must('history.deleted', {})).items).toEqual([]);
    expect((await urbino.must('usage.get', { id: gone.id })).quantity).toBe('4');
    expect((await urbino.must('usage.monthly', { year: 2026 })).rows.find((r) => r.service === 'PEC')?.monthsMilli[9]).toBe(7_000);
    // In its history: created, deleted, back with the same data, signed by who restored it.
    const history = await urbino.must('history.get', { kind: 'usage', id: gone.id });
    expect(history.versions.map((v) => v.op)).toEqual(['put', 'delete', 'put']);
    expect(history.versions[2]).toMatchObject({ seq: restored.seq, who: 'Operatore 041067', data: { quantity_milli: 4_000, note: 'caselle nuove' } });
    // Nothing to restore twice.
    expect(await urbino.call('history.restore', { kind: 'usage', id: gone.id })).toMatchObject({ ok: false, error: { key: 'history.restoreNotDeleted' } });
    expect(await urbino.call('history.restore', { kind: 'usage', id: kept.id })).toMatchObject({ ok: false, error: { key: 'history.restoreNotDeleted' } });

    // The next bundle carries the restoring event; the hub counts the entry again.
    const sent = await townToHub(urbino, hub);
    expect(sent.exp).toMatchObject({ range: { first: restored.seq, last: restored.seq }, events: 1 });
    expect(sent.res.outcome).toBe('applied');
    expect(await pec()).toMatchObject({ quantityMilli: 7_000, entries: 2 });
  });

  it('refuses what the rows would not allow, and rolls the event back', async () => {
    const t = openTestBackend();
    await t.must('setup.municipality', { istat: '041067', operator: 'Anna' });
    const person = await t.must('staff.create', { code: 'P-001', displayName: 'Anna Neri', role: 'Istruttore', office: 'Anagrafe' });
    const course = await t.must('courses.create', { title: 'Excel', startDate: '2025-05-10', endDate: '2025-05-10', hours: '4' });
    const part = await t.must('participations.create', { staffId: person.id, courseId: course.id });
    await t.must('participations.delete', { id: part.id });
    await t.must('courses.delete', { id: course.id });
    const head = async () => (await t.must('log.verify', {})).events;
    const before = await head();
    // The participation names a course deleted since: restore the course first.
    expect(await t.call('history.restore', { kind: 'participation', id: part.id })).toMatchObject({ ok: false, error: { key: 'history.restoreNeedsOther' } });
    expect(await head()).toBe(before);
    await t.must('history.restore', { kind: 'course', id: course.id });
    await t.must('history.restore', { kind: 'participation', id: part.id });
    expect((await t.must('participations.list', {})).map((p) => p.id)).toEqual([part.id]);

    // A person whose code was given to someone else since; the name (not shared) must be retyped.
    const other = await t.must('staff.create', { code: 'P-002', displayName: 'Bruno Rossi', role: 'Istruttore', office: 'Tributi' });
    await t.must('staff.delete', { id: other.id });
    await t.must('staff.create', { code: 'P-002', displayName: 'Carla Bianchi', role: 'Istruttore', office: 'Tributi' });
    expect(await t.call('history.restore', { kind: 'staff', id: other.id })).toMatchObject({ ok: false, error: { key: 'history.restoreClash' } });
    const third = await t.must('staff.create', { code: 'P-003', displayName: 'Dario Verdi', role: 'Istruttore', office: 'Tributi' });
    await t.must('staff.delete', { id: third.id });
    expect(await t.must('history.restore', { kind: 'staff', id: third.id })).toMatchObject({ nameToRetype: true });
    expect(await t.call('history.restore', { kind: 'member', id: third.id })).toMatchObject({ ok: false, error: { key: 'history.restoreKind' } });
  });
});
