/**
 * Approval rules through the API: the default electorate is the registry's active members,
 * weighted one member one vote, by population (the registry's) or by quota (each member's share
 * of the membership quota in this version's allocation); the outcome is computed, recorded
 * whatever it is, and only an approval moves the version on.
 */
import { describe, expect, it } from 'vitest';
import { openHub } from '../sync/hub-helpers';

describe('plan approvals through the API', () => {
  it('weights votes by quota and by population from the registry and the allocation', async () => {
    const hub = await openHub();
    await hub.must('plan.create', { year: 2027, date: '2026-11-26' });
    await hub.must('plan.saveItems', {
      year: 2027,
      version: 1,
      items: [{ code: 'QUOTA', description: 'Quota associativa', category: 'quota', fixedCents: 5_000_000, key: { equal: 20, population: 80, usage: 0 } }],
    });
    await hub.must('plan.step', { year: 2027, version: 1, step: 'propose', date: '2026-11-26', by: 'CE' });
    await hub.must('plan.approve', { year: 2027, version: 1, body: 'executive_committee', date: '2026-11-26', minutesRef: 'CE 1', electorate: [{ id: 'P' }], present: ['P'], ballots: [{ member: 'P', vote: 'for' }] });
    await hub.must('plan.step', { year: 2027, version: 1, step: 'submit', date: '2026-11-26', by: 'Presidente' });

    const members = await hub.must('members.list', {});
    const quota = new Map((await hub.must('plan.allocate', { year: 2027 })).items[0]!.shares.map((s) => [s.istat, s.cents]));
    const byQuota = [...members].sort((a, b) => quota.get(b.istat)! - quota.get(a.istat)!);
    const big = byQuota.slice(0, 3).map((m) => m.istat);
    const present = members.map((m) => m.istat);
    const ballots = present.map((member) => ({ member, vote: big.includes(member) ? ('for' as const) : ('against' as const) }));
    const base = { year: 2027, version: 1, body: 'assembly' as const, date: '2026-11-26', minutesRef: 'Assemblea 1', present, ballots };

    // One member one vote: 3 for, the rest against → rejected, recorded, state unchanged.
    const one = await hub.must('plan.approve', { ...base, rules: { weighting: 'one_member_one_vote', majority: { kind: 'simple' }, quorum: { of: 'members', numerator: 1, denominator: 2 } } });
    expect(one.tally).toMatchObject({ forCount: 3, againstCount: members.length - 3, outcome: 'rejected' });
    expect(one.plan.state).toBe('submitted_to_assembly');

    // By quota: the weights are the members' shares of the quota item (cents).
    const q = await hub.must('plan.approve', { ...base, rules: { weighting: 'quota', majority: { kind: 'simple' }, quorum: { of: 'weight', numerator: 1, denominator: 2 } } });
    const forQuota = big.reduce((s, istat) => s + quota.get(istat)!, 0);
    expect(q.tally).toMatchObject({ forWeight: forQuota, totalWeight: 5_000_000, againstWeight: 5_000_000 - forQuota });
    expect(q.outcome).toBe(forQuota > 5_000_000 - forQuota ? 'approved' : 'rejected');

    // By population with a 2/3 qualified majority of the present weight.
    const pop = new Map(members.map((m) => [m.istat, m.population ?? 0]));
    const forPop = big.reduce((s, istat) => s + pop.get(istat)!, 0);
    const total = [...pop.values()].reduce((a, b) => a + b, 0);
    const state = q.plan.state;
    if (state === 'submitted_to_assembly') {
      const pr = await hub.must('plan.approve', { ...base, rules: { weighting: 'population', majority: { kind: 'qualified', numerator: 2, denominator: 3, of: 'present' }, quorum: { of: 'members', numerator: 1, denominator: 2 } } });
      expect(pr.tally).toMatchObject({ forWeight: forPop, presentWeight: total });
      expect(pr.outcome).toBe(3 * forPop >= 2 * total ? 'approved' : 'rejected');
      expect(pr.plan.approvals).toHaveLength(4); // the Executive Committee's and three Assembly votes
    }
    // Everyone in favour: approved by the Assembly, locked, statements published.
    const plan = await hub.must('plan.get', { year: 2027 });
    if (plan.state === 'submitted_to_assembly') {
      await hub.must('plan.approve', { ...base, ballots: present.map((member) => ({ member, vote: 'for' as const })) });
    }
    const done = await hub.must('plan.get', { year: 2027 });
    expect(done).toMatchObject({ state: 'approved_by_assembly', locked: true, editable: false });
    const st = await hub.must('plan.statement', { year: 2027, istat: '041067' });
    expect(st.total_cents).toBe(quota.get('041067'));
    // Locked: no further vote, no edit.
    const again = await hub.call('plan.approve', { ...base, ballots: [] });
    expect(again.ok ? '' : again.error.message).toMatch(/già approvata dall'Assemblea ed è bloccata/);
    // The allocation is frozen: a change of population does not move an approved share.
    await hub.must('members.update', { istat: '041067', population: 1, populationYear: 2026 });
    expect((await hub.must('plan.allocate', { year: 2027 })).items[0]!.shares.find((s) => s.istat === '041067')!.cents).toBe(quota.get('041067'));

    // CSV of every table, for Excel on Italian Windows (BOM, `;`, decimal comma).
    const csv = async (table: 'plan' | 'allocation' | 'statement' | 'savings' | 'ranking') => {
      const f = await hub.must('gov.csv', { table, year: 2027, istat: '041067' });
      return { rows: f.rows, text: Buffer.from(f.contentBase64, 'base64').toString('utf8') };
    };
    expect((await csv('plan')).text).toMatch(/^\uFEFFCodice;Descrizione;.*\r\nQUOTA;Quota associativa;quota;;50000,00;/);
    expect((await csv('allocation')).rows).toBe(members.length);
    const euros = (c: number) => `${Math.floor(c / 100)},${String(c % 100).padStart(2, '0')}`;
    expect((await csv('statement')).text).toContain(`QUOTA;Quota associativa;parti uguali 20%, popolazione 80%;no;${euros(quota.get('041067')!)}`);
    expect((await csv('savings')).rows).toBe(0);
    expect((await csv('ranking')).rows).toBe(0);
  });
});
