/**
 * Evaluation through every state, the consortium report and the benchmark: the hub takes a
 * member's proposal through return, resubmission, admission, the plan, progress and completion;
 * the member follows the timeline; the hub publishes the report (named, then by size class) and
 * the member sees where it stands among members of its size. Every hub event is canonical under
 * its kind's schema.
 */
import { describe, expect, it } from 'vitest';
import { findRecordKind } from '../../shared/records/kinds';
import { outboxEvents } from '../helpers/municipality';
import { hubToTown, openHub, openTown, townToHub } from './hub-helpers';

describe('proposal timeline, consortium report and benchmark', () => {
  it('the member follows every state and sees where it stands', async () => {
    const hub = await openHub();
    const urbino = await openTown(hub, '041067');
    const fano = await openTown(hub, '041013');
    await hubToTown(hub, urbino, '041067');
    await hubToTown(hub, fano, '041013');
    await urbino.must('usage.record', { service: 'PEC', date: '2026-10-02', quantity: '9' });
    await fano.must('usage.record', { service: 'PEC', date: '2026-10-03', quantity: '4' });
    const staff = await urbino.must('staff.create', { code: 'U1', role: 'Istruttore', office: 'Anagrafe' });
    const course = await urbino.must('courses.create', { title: 'Privacy', area: 'Normativa', startDate: '2026-10-01', endDate: '2026-10-01', hours: '6', mode: 'online', provider: 'CST' });
    await urbino.must('participations.create', { courseId: course.id, staffId: staff.id, hours: '6', completed: true });
    const p = await urbino.must('proposals.create', { title: 'Sportello telematico', problem: 'Carta.', solution: 'Online.', oneOffCents: 100_000, yearlyCents: 20_000 });
    await urbino.must('proposals.submit', { id: p.id });
    await townToHub(urbino, hub);
    await townToHub(fano, hub);

    const d = '2026-11-26';
    const act = (action: Record<string, unknown>) => hub.must('gov.proposals.act', { id: p.id, action: { date: d, by: 'Comitato tecnico', ...action } as never });
    await act({ type: 'start_evaluation' });
    // Illegal steps are refused with the allowed ones named.
    const bad = await hub.call('gov.proposals.act', { id: p.id, action: { type: 'complete', date: d, by: 'CT' } });
    expect(bad.ok ? '' : bad.error.message).toMatch(/Non è possibile dichiarare completata: la proposta è «in valutazione» e ora si può solo/);
    const noReason = await hub.call('gov.proposals.act', { id: p.id, action: { type: 'not_admit', date: d, by: 'CT', reason: ' ' } });
    expect(noReason.ok).toBe(false);
    await act({ type: 'return', notes: 'Aggiungere un preventivo.' });
    await hubToTown(hub, urbino, '041067');
    expect((await urbino.must('proposals.timeline', { id: p.id })).track).toMatchObject({ status: 'returned', notes: 'Aggiungere un preventivo.' });
    await act({ type: 'resubmit' });
    await act({ type: 'start_evaluation' });
    await act({ type: 'evaluate', scores: { citizen_business_benefit: 9, members_benefiting: 7, feasibility: 8, cost_benefit: 8, national_plan_fit: 9 } });
    await act({ type: 'admit' });
    await act({ type: 'approve_with_plan', planYear: 2026, planVersion: 1 });
    await act({ type: 'start', expectedEndDate: '2027-03-31', progress: 20 });
    await act({ type: 'report_progress', progress: 70 });
    await act({ type: 'complete', note: 'Collaudato.' });

    await hub.must('report.publish', { year: 2026 });
    await hubToTown(hub, urbino, '041067');
    const t = (await urbino.must('proposals.timeline', { id: p.id })).track!;
    expect(t.steps.map((s) => s.to)).toEqual(['received', 'under_evaluation', 'returned', 'received', 'under_evaluation', 'under_evaluation', 'admitted', 'approved', 'in_progress', 'in_progress', 'completed']);
    expect(t).toMatchObject({ status: 'completed', progress: 100, start_date: d, expected_end_date: '2027-03-31', completed_date: d });
    expect((await urbino.must('plan.myShare', {})).proposals.map((x) => x.status)).toEqual(['completed']);

    // By size class (the default): no names, the member still finds its place.
    const report = (await urbino.must('report.get', { year: 2026 })).report!;
    expect(report.named).toBe(false);
    expect(report.rows.every((r) => r.istat === null && r.name === null)).toBe(true);
    expect(report.good_practices).toEqual([{ proposal_id: p.id, title: 'Sportello telematico', member: 'Urbino', completed_date: d }]);
    const mine = report.rows.find((r) => r.usage.PEC === 9000)!;
    expect(mine).toMatchObject({ training_hours_milli: 6000, staff: 1, hours_per_employee_milli: 6000 });
    const bench = await urbino.must('report.benchmark', { year: 2026 });
    expect(bench).toMatchObject({ istat: '041067', sizeLabel: 'da 10.001 a 20.000 abitanti' });
    const pec = bench.measures.find((m) => m.measure === 'usage:PEC')!;
    expect(pec).toMatchObject({ value: 9000, position: 1 });
    expect(bench.measures.find((m) => m.measure === 'hours_per_employee')).toMatchObject({ value: 6000, position: 1 });

    // The Assembly decides to name members: the next report names them.
    await hub.must('gov.settings.update', { reportNamed: true });
    await hub.must('report.publish', { year: 2026 });
    await hubToTown(hub, fano, '041013');
    const named = (await fano.must('report.get', { year: 2026 })).report!;
    expect(named.rows.find((r) => r.istat === '041067')).toMatchObject({ name: 'Urbino', usage: { PEC: 9000 } });
    expect((await fano.must('gov.csv', { table: 'report', year: 2026 })).rows).toBe(named.rows.length);

    // Every hub event is canonical under its kind's schema (what a member re-validates).
    for (const e of outboxEvents(hub).filter((x) => ['proposal_status', 'plan_version', 'cost_statement', 'consortium_report', 'consortium_report_part'].includes(x.kind))) {
      const kind = findRecordKind(e.kind)!;
      expect(kind.owner).toBe('hub');
      expect(JSON.stringify(kind.schema.parse(e.data))).toBe(JSON.stringify(e.data));
    }
  });

  // A withdrawal before the decision ends the proposal on the hub too (issue 13, one state for
  // both roles): the office records no further step, not even "not admitted".
  it('a proposal withdrawn by its member takes no further step on the hub; a draft is not evaluated', async () => {
    const hub = await openHub();
    const urbino = await openTown(hub, '041067');
    const p = await urbino.must('proposals.create', { title: 'Ritirata', problem: 'x', solution: 'y' });
    await urbino.must('proposals.submit', { id: p.id });
    await townToHub(urbino, hub);
    await hub.must('gov.proposals.act', { id: p.id, action: { type: 'start_evaluation', date: '2026-11-26', by: 'CT' } });
    await urbino.must('proposals.withdraw', { id: p.id });
    await townToHub(urbino, hub);
    const r = await hub.call('gov.proposals.act', { id: p.id, action: { type: 'return', date: '2026-11-26', by: 'CT', notes: 'x' } });
    expect(r.ok ? '' : r.error.message).toMatch(/è stata ritirata dal comune/);
    const closed = await hub.call('gov.proposals.act', { id: p.id, action: { type: 'not_admit', date: '2026-11-26', by: 'CT', reason: 'Ritirata dal comune.' } });
    expect(closed.ok ? '' : closed.error.message).toMatch(/è stata ritirata dal comune prima della decisione/);
    expect((await hub.must('gov.proposals.get', { id: p.id })).proposal.state).toMatchObject({ stage: 'withdrawn', officeActions: [] });
    const draft = await urbino.must('proposals.create', { title: 'Bozza', problem: 'x', solution: 'y' });
    await townToHub(urbino, hub);
    const d = await hub.call('gov.proposals.act', { id: draft.id, action: { type: 'start_evaluation', date: '2026-11-26', by: 'CT' } });
    expect(d.ok ? '' : d.error.message).toMatch(/non è stata presentata dal comune/);
  });
});
