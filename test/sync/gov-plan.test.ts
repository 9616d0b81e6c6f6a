/**
 * Governance end to end: a member proposes, the hub evaluates and admits the proposal, builds
 * the 2027 plan with it, records the Executive Committee's and the Assembly's approvals and
 * exports to its members; the member imports and sees its share, its savings and the
 * proposal's timeline.
 */
import { describe, expect, it } from 'vitest';
import { toItemInput } from '../../shared/domain/gov-plan';
import { hubToTown, openHub, openTown, townToHub } from './hub-helpers';

describe('governance: plan, approvals and statements travel to members', () => {
  it('the member sees the approved plan, its share, its savings and its proposal timeline', async () => {
    const hub = await openHub();
    const urbino = await openTown(hub, '041067');
    const pesaro = await openTown(hub, '041044');
    await hub.must('hub.services.save', { code: 'PEC', nameIt: 'PEC istituzionale', nameEn: 'Certified e-mail', category: 'communication', unit: 'mailboxes', fixedYearlyCents: 500_000, unitCostCents: 2_500 });
    const group = await hub.must('hub.groups.save', { name: 'Transizione digitale', description: 'Piano triennale' });
    await hubToTown(hub, urbino, '041067');
    await hubToTown(hub, pesaro, '041044');

    await urbino.must('usage.record', { service: 'PEC', date: '2026-10-02', quantity: '9' });
    await pesaro.must('usage.record', { service: 'PEC', date: '2026-10-07', quantity: '30' });
    const p = await urbino.must('proposals.create', { title: 'Wi-Fi nelle frazioni', problem: 'Niente rete.', solution: 'Punti di accesso.', oneOffCents: 1_250_000, yearlyCents: 180_000, beneficiaries: ['041044'] });
    await urbino.must('proposals.submit', { id: p.id });
    await townToHub(urbino, hub);
    await townToHub(pesaro, hub);

    // Evaluation: every step a hub event.
    const before = (await hub.must('log.verify', {})).events;
    await hub.must('gov.proposals.assign', { id: p.id, groupId: group.id });
    await hub.must('gov.proposals.act', { id: p.id, action: { type: 'start_evaluation', date: '2026-11-26', by: 'Comitato tecnico' } });
    const scored = await hub.must('gov.proposals.act', {
      id: p.id,
      action: { type: 'evaluate', date: '2026-11-26', by: 'Comitato tecnico', scores: { citizen_business_benefit: 8, members_benefiting: 6, feasibility: 9, cost_benefit: 7, national_plan_fit: 8 } },
    });
    expect(scored.evaluation?.total_hundredths).toBe(30 * 8 + 20 * 6 + 20 * 9 + 15 * 7 + 15 * 8);
    await hub.must('gov.proposals.act', { id: p.id, action: { type: 'admit', date: '2026-11-26', by: 'Comitato tecnico' } });
    expect((await hub.must('log.verify', {})).events).toBe(before + 4);
    expect(await hub.must('gov.proposals.ranking', {})).toMatchObject([{ id: p.id, position: 1, totalHundredths: 765 }]);

    // The plan: PEC from the catalogue (quantity suggested from 2026's usage), the initiative, the quota.
    const plan = await hub.must('plan.create', { year: 2027, date: '2026-11-26', by: 'Direttore tecnico' });
    const pec = plan.items.find((i) => i.code === 'PEC')!;
    expect(pec).toMatchObject({ suggested_milli: 39_000, quantity_milli: 39_000, cost_cents: 500_000 + 39 * 2_500 });
    const init = plan.items.find((i) => i.category === 'initiative')!;
    expect(init).toMatchObject({ proposal_id: p.id, cost_cents: 1_430_000 });
    expect(init.exempt).not.toContain('041067');
    expect(init.exempt).not.toContain('041044');
    const items = plan.items.map((i) => ({
      ...toItemInput(i),
      fixedCents: i.category === 'quota' ? 2_000_000 : i.fixed_cents,
      reference: i.code === 'PEC' ? { kind: 'size_class' as const, cents: [60_000, 80_000, 120_000, 200_000, 300_000, 500_000] } : null,
    }));
    const saved = await hub.must('plan.saveItems', { year: 2027, version: 1, items });
    expect(saved.byCategory.find((c) => c.category === 'quota')!.cents).toBe(2_000_000);

    const members = (await hub.must('members.list', {})).map((m) => m.istat);
    await hub.must('plan.step', { year: 2027, version: 1, step: 'propose', date: '2026-11-26', by: 'Comitato esecutivo' });
    const ec = ['EC1', 'EC2', 'EC3'];
    const r1 = await hub.must('plan.approve', {
      year: 2027,
      version: 1,
      body: 'executive_committee',
      date: '2026-11-26',
      minutesRef: 'Verbale CE n. 7/2026',
      electorate: ec.map((id) => ({ id })),
      present: ec,
      ballots: ec.map((member) => ({ member, vote: 'for' as const })),
    });
    expect(r1.outcome).toBe('approved');
    await hub.must('plan.step', { year: 2027, version: 1, step: 'submit', date: '2026-11-26', by: 'Presidente' });
    const present = members.slice(0, Math.ceil(members.length * 0.6));
    const r2 = await hub.must('plan.approve', {
      year: 2027,
      version: 1,
      body: 'assembly',
      date: '2026-11-26',
      minutesRef: 'Verbale Assemblea n. 3/2026',
      present,
      ballots: present.map((member, i) => ({ member, vote: i === 0 ? ('against' as const) : ('for' as const) })),
      rules: { weighting: 'population', majority: { kind: 'simple' }, quorum: { of: 'members', numerator: 1, denominator: 2 } },
    });
    expect(r2.outcome).toBe('approved');
    expect(r2.plan).toMatchObject({ state: 'approved_by_assembly', locked: true });
    expect(r2.tally.weighting).toBe('population');

    const alloc = await hub.must('plan.allocate', { year: 2027 });
    for (const item of alloc.items) expect(item.shares.reduce((s, x) => s + x.cents, 0)).toBe(item.cost_cents);
    const timelineHub = await hub.must('proposals.timeline', { id: p.id });
    expect(timelineHub.track?.status).toBe('approved');

    await hubToTown(hub, urbino, '041067');
    const mine = await urbino.must('plan.myShare', {});
    expect(mine.year).toBe(2027);
    expect(mine.plan).toMatchObject({ version: 1, state: 'approved_by_assembly' });
    const share = alloc.items.flatMap((i) => i.shares.filter((s) => s.istat === '041067').map((s) => s.cents)).reduce((a, b) => a + b, 0);
    expect(mine.statement?.total_cents).toBe(share);
    expect(mine.statement?.lines.find((l) => l.code === 'PEC')?.stand_alone_cents).toBe(300_000); // Urbino: 10,001–20,000
    expect(mine.statement?.savings_cents).toBe(300_000 - mine.statement!.lines.find((l) => l.code === 'PEC')!.cents);
    expect(mine.proposals).toHaveLength(1);
    expect(mine.proposals[0]!.steps.map((s) => s.to)).toEqual(['received', 'under_evaluation', 'under_evaluation', 'admitted', 'approved']);
    expect((await urbino.must('proposals.timeline', { id: p.id })).track?.group_id).toBe(group.id);
  });
});
