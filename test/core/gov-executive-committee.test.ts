/**
 * The Executive Committee's composition kept in gov.settings: member ISTAT codes (checked against
 * the registry) and the Technical Director's name. Its votes are counted on its components only;
 * a vote naming anyone else is refused and changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { openHub } from '../sync/hub-helpers';

describe('Executive Committee in the settings', () => {
  it('is validated against the registry, drafts in the Director\'s name and counts votes on its components only', async () => {
    const hub = await openHub();
    const empty = await hub.must('gov.settings.get', {});
    expect(empty.executiveCommittee).toEqual({ members: [], technicalDirector: '' });

    const unknown = await hub.call('gov.settings.update', { executiveCommittee: { members: ['041067', '099999'], technicalDirector: 'Ing. Rossi' } });
    expect(unknown.ok ? null : unknown.error).toMatchObject({ code: 'E_VALIDATION', field: 'executiveCommittee.members', params: { rule: 'COMMITTEE_UNKNOWN_MEMBER', member: '099999' } });
    const twice = await hub.call('gov.settings.update', { executiveCommittee: { members: ['041067', '041067'], technicalDirector: '' } });
    expect(twice.ok ? null : twice.error.params).toMatchObject({ rule: 'COMMITTEE_DUPLICATE' });
    const badCode = await hub.call('gov.settings.update', { executiveCommittee: { members: ['41067'], technicalDirector: '' } });
    expect(badCode.ok).toBe(false);
    expect((await hub.must('gov.settings.get', {})).executiveCommittee.members).toEqual([]);

    const saved = await hub.must('gov.settings.update', { executiveCommittee: { members: ['041067', '041013', '041044'], technicalDirector: ' Ing. Rossi ' } });
    expect(saved.executiveCommittee).toEqual({ members: ['041013', '041044', '041067'], technicalDirector: 'Ing. Rossi' });
    // Other settings are kept when only the committee changes, and vice versa.
    expect((await hub.must('gov.settings.update', { reportNamed: true })).executiveCommittee.members).toHaveLength(3);

    const plan = await hub.must('plan.create', { year: 2027, date: '2026-11-26' });
    expect(plan.steps[0]).toMatchObject({ to: 'draft', by: 'Ing. Rossi' });
    await hub.must('plan.step', { year: 2027, version: 1, step: 'propose', date: '2026-11-26', by: 'Presidente' });
    const vote = { year: 2027, version: 1, body: 'executive_committee' as const, date: '2026-11-26', minutesRef: 'CE 4/2026' };

    // Someone outside the committee present or voting: refused, nothing recorded.
    const outsider = await hub.call('plan.approve', { ...vote, present: ['041067', '041001'], ballots: [{ member: '041001', vote: 'for' }] });
    expect(outsider.ok ? null : outsider.error.params).toMatchObject({ rule: 'VOTE_UNKNOWN_MEMBER', member: '041001' });
    const names = await hub.call('plan.approve', { ...vote, electorate: [{ id: 'Mario Rossi' }], present: ['Mario Rossi'], ballots: [{ member: 'Mario Rossi', vote: 'for' }] });
    expect(names.ok ? null : names.error.params).toMatchObject({ rule: 'COMMITTEE_MISMATCH' });
    expect((await hub.must('plan.get', { year: 2027 })).approvals).toHaveLength(0);

    const ok = await hub.must('plan.approve', { ...vote, present: ['041013', '041044', '041067'], ballots: [{ member: '041013', vote: 'for' }, { member: '041044', vote: 'for' }, { member: '041067', vote: 'against' }] });
    expect(ok.tally).toMatchObject({ members: 3, presentMembers: 3, forCount: 2, againstCount: 1, outcome: 'approved' });
    expect(ok.plan.state).toBe('approved_by_executive');
  });
});
