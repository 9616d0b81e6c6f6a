import { describe, expect, it } from 'vitest';
import { openMunicipality, outboxEvents } from '../helpers/municipality';

describe('thematic groups', () => {
  it('names a local group, adds members and records meetings with attendees', async () => {
    const t = await openMunicipality();
    const a = await t.must('staff.create', { displayName: 'Giulia' });
    const b = await t.must('staff.create', { displayName: 'Luca' });
    const g = await t.must('groups.create', { name: 'Transizione digitale' });
    expect(g).toMatchObject({ source: 'local', members: [], meetings: 0 });
    await t.must('groups.addMember', { groupId: g.id, staffId: a.id, since: '2026-01-15' });
    const g2 = await t.must('groups.addMember', { groupId: g.id, staffId: b.id, since: '2026-03-01' });
    expect(g2.members.map((m) => m.code)).toEqual(['P-001', 'P-002']);
    expect(await t.call('groups.addMember', { groupId: g.id, staffId: a.id, since: '2026-02-01' })).toMatchObject({ ok: false, error: { field: 'staffId' } });
    const m = await t.must('meetings.create', { groupId: g.id, date: '2026-11-05', hours: '2,5', topic: 'Piano triennale', attendees: [a.id, b.id, a.id] });
    expect(m).toMatchObject({ hoursMilli: 2500, groupName: 'Transizione digitale' });
    expect(m.attendees.map((x) => x.code)).toEqual(['P-001', 'P-002']);
    expect(await t.call('meetings.create', { groupId: g.id, date: '2026-11-05', hours: '0', topic: 'x' })).toMatchObject({ ok: false, error: { field: 'hours' } });
    expect(await t.call('groups.delete', { id: g.id })).toMatchObject({ ok: false, error: { code: 'E_VALIDATION' } });
    const after = await t.must('groups.removeMember', { id: g2.members[1]!.membershipId });
    expect(after.members).toHaveLength(1);
    expect((await t.must('groups.list', {}))[0]).toMatchObject({ meetings: 1 });
    expect(outboxEvents(t).map((e) => `${e.kind}:${e.op}`)).toEqual([
      'staff:put',
      'staff:put',
      'local_group:put',
      'group_membership:put',
      'group_membership:put',
      'group_meeting:put',
      'group_membership:delete',
    ]);
  });
});

describe('history of a record', () => {
  it('shows every version of a usage entry corrected after export, with who and what changed', async () => {
    const t = await openMunicipality();
    const e = await t.must('usage.record', { service: 'PEC', date: '2026-11-02', quantity: '10' });
    // The consortium acknowledged everything so far: the entry has been sent.
    t.backend.ctx.db.prepare("INSERT INTO settings (key, value) VALUES ('hub_ack_seq', '1')").run();
    expect((await t.must('home.summary', {})).unsentEvents).toBe(0);
    await t.must('settings.update', { operator: 'Paolo Neri' });
    await t.must('usage.update', { id: e.id, service: 'PEC', date: '2026-11-02', quantity: '12', note: 'Conteggio corretto' });
    expect((await t.must('home.summary', {})).unsentEvents).toBe(1);
    const h = await t.must('history.get', { kind: 'usage', id: e.id });
    expect(h.versions.map((v) => [v.seq, v.op, v.who, v.changed])).toEqual([
      [1, 'put', 'Maria Rossi', ['service', 'date', 'period', 'quantity_milli', 'beneficiaries', 'channel', 'note']],
      [2, 'put', 'Paolo Neri', ['quantity_milli', 'note']],
    ]);
    expect(h.versions[0]!.data).toMatchObject({ quantity_milli: 10_000 });
    expect(h.versions[1]!.data).toMatchObject({ quantity_milli: 12_000 });
    await t.must('usage.delete', { id: e.id });
    const h2 = await t.must('history.get', { kind: 'usage', id: e.id });
    expect(h2.versions[2]).toMatchObject({ op: 'delete', who: null, data: null, changed: [] });
    expect((await t.must('history.get', { kind: 'usage', id: 'nope' })).versions).toEqual([]);
  });
});

describe('home summary', () => {
  it('shows this month’s figures, unsent events and no export yet', async () => {
    const t = await openMunicipality();
    await t.must('usage.record', { service: 'PEC', date: '2026-11-02', quantity: '10' });
    await t.must('usage.record', { service: 'PEC', date: '2026-11-03', quantity: '5' });
    await t.must('usage.record', { service: 'SITO', date: '2026-10-03', quantity: '5' });
    const h = await t.must('home.summary', {});
    expect(h).toMatchObject({
      month: '2026-11',
      usage: [{ service: 'PEC', unit: 'mailboxes', entries: 2, quantityMilli: 15_000, quantity: '15' }],
      usageEntries: 2,
      proposals: { draft: 0, submitted: 0, withdrawn: 0 },
      unsentEvents: 3,
      lastExportAt: null,
    });
  });
});

describe('lists with optional filters', () => {
  it('filters participations by course or person and meetings by group or year', async () => {
    const t = await openMunicipality();
    const a = await t.must('staff.create', {});
    const b = await t.must('staff.create', {});
    const c1 = await t.must('courses.create', { title: 'A', startDate: '2026-03-01', endDate: '2026-03-01', hours: '2' });
    const c2 = await t.must('courses.create', { title: 'B', startDate: '2026-04-01', endDate: '2026-04-01', hours: '3' });
    await t.must('participations.create', { staffId: a.id, courseId: c1.id });
    await t.must('participations.create', { staffId: b.id, courseId: c1.id });
    await t.must('participations.create', { staffId: a.id, courseId: c2.id });
    expect(await t.must('participations.list', {})).toHaveLength(3);
    expect(await t.must('participations.list', { courseId: c1.id })).toHaveLength(2);
    expect(await t.must('participations.list', { staffId: a.id })).toHaveLength(2);
    expect(await t.must('participations.list', { courseId: c2.id, staffId: b.id })).toHaveLength(0);
    const g = await t.must('groups.create', { name: 'G' });
    const h = await t.must('groups.create', { name: 'H' });
    await t.must('meetings.create', { groupId: g.id, date: '2025-05-01', hours: '1', topic: 'x' });
    await t.must('meetings.create', { groupId: h.id, date: '2026-05-01', hours: '1', topic: 'y' });
    expect(await t.must('meetings.list', {})).toHaveLength(2);
    expect((await t.must('meetings.list', { groupId: g.id })).map((m) => m.topic)).toEqual(['x']);
    expect((await t.must('meetings.list', { year: 2026 })).map((m) => m.topic)).toEqual(['y']);
  });
});

describe('home summary and the bundles', () => {
  it('counts unsent events from the hub’s acknowledgement and shows the last export', async () => {
    const t = await openMunicipality();
    for (let i = 1; i <= 4; i++) await t.must('usage.record', { service: 'PEC', date: `2026-11-0${i}`, quantity: '1' });
    const db = t.backend.ctx.db;
    db.prepare(
      `INSERT INTO peers (kind, id, name, signing_key, key_id, age_recipient, fingerprint, identity_created_at, status, imported_at, acked_seq)
       VALUES ('hub', 'CST-PU', 'CST', 'RW', '0000000000000000', 'age1', '0', 'x', 'confirmed', 'x', 3)`,
    ).run();
    db.prepare(
      `INSERT INTO bundle_exports (bundle_id, created_at, recipient_kind, recipient_id, first_seq, last_seq, events, bytes, file_name, path, encrypted, file_sha256)
       VALUES ('b', '2026-11-20T08:00:00.000Z', 'hub', 'CST-PU', 1, 3, 3, 100, 'f', 'p', 1, 'h')`,
    ).run();
    expect(await t.must('home.summary', {})).toMatchObject({ unsentEvents: 1, lastExportAt: '2026-11-20T08:00:00.000Z' });
  });
});
