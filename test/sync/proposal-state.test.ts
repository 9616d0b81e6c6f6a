/**
 * One state of a proposal for every screen of both roles (issue 13, items 1 and 2): the member's
 * record and the hub's track, exchanged in real bundles between a hub and Urbino on real SQLite
 * files, read through every call that shows a proposal's state.
 */
import { describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../helpers/backend';
import { hubToTown, introduce, openHub, townToHub } from './hub-helpers';

/** Urbino with a clock the test moves on (the withdrawal's day is the member's event's). */
async function openUrbino(hub: TestBackend) {
  let t = Date.parse('2026-11-26T08:00:00.000Z');
  const town = openTestBackend({ clock: { now: () => new Date(t++).toISOString() } });
  await town.must('setup.municipality', { istat: '041067', operator: 'Operatore Urbino' });
  await introduce(town, hub);
  await introduce(hub, town);
  return Object.assign(town, { later: (days: number) => void (t += days * 86_400_000) });
}

const INPUT = { title: 'Sportello telematico', problem: 'Carta.', solution: 'Online.', oneOffCents: 100_000, yearlyCents: 20_000 };
const SCORES = { citizen_business_benefit: 8, members_benefiting: 7, feasibility: 9, cost_benefit: 6, national_plan_fit: 7 };

async function submitted(hub: TestBackend, town: TestBackend) {
  const p = await town.must('proposals.create', INPUT);
  await town.must('proposals.submit', { id: p.id });
  await townToHub(town, hub);
  const act = (action: Record<string, unknown>) => hub.call('gov.proposals.act', { id: p.id, action: { date: '2026-11-26', by: 'Comitato tecnico', ...action } as never });
  return { id: p.id, act };
}

/** The stage as each hub call says it. */
async function hubStages(hub: TestBackend, id: string) {
  const list = (await hub.must('gov.proposals.list', {})).find((r) => r.id === id)!;
  const detail = await hub.must('gov.proposals.get', { id });
  const members = (await hub.must('hub.proposals.list', {})).find((r) => r.id === id)!;
  return { list: list.state.stage, detail: detail.proposal.state.stage, members: members.state.stage };
}

describe('one state of a proposal on every screen', () => {
  it('hub: a proposal withdrawn before any step is withdrawn everywhere, offers no step, and its timeline says when', async () => {
    const hub = await openHub();
    const urbino = await openUrbino(hub);
    const { id, act } = await submitted(hub, urbino);
    expect(await hubStages(hub, id)).toEqual({ list: 'received', detail: 'received', members: 'received' });
    // Before any step the timeline is not empty: the proposal was received on its submission day.
    expect((await hub.must('gov.proposals.get', { id })).proposal.state.steps).toEqual([{ from: null, to: 'received', date: '2026-11-26', by: 'Urbino', note: '' }]);

    urbino.later(2);
    await urbino.must('proposals.withdraw', { id });
    await townToHub(urbino, hub);
    expect(await hubStages(hub, id)).toEqual({ list: 'withdrawn', detail: 'withdrawn', members: 'withdrawn' });
    const state = (await hub.must('gov.proposals.get', { id })).proposal.state;
    expect(state.officeActions).toEqual([]);
    expect(state.steps.map((s) => [s.to, s.date])).toEqual([
      ['received', '2026-11-26'],
      ['withdrawn', '2026-11-28'],
    ]);
    // The step the screen used to offer is refused with the reason, and nothing is written.
    const start = await act({ type: 'start_evaluation' });
    expect(start.ok ? '' : start.error.params).toMatchObject({ rule: 'PROPOSAL_WITHDRAWN' });
    expect((await hub.must('gov.proposals.get', { id })).track).toBeNull();
    expect((await hub.must('gov.proposals.list', { status: 'withdrawn' })).map((r) => r.id)).toEqual([id]);
    expect(await hub.must('gov.proposals.list', { status: 'received' })).toEqual([]);
  });

  it('hub: withdrawn under evaluation, it leaves the ranking and no step is accepted', async () => {
    const hub = await openHub();
    const urbino = await openUrbino(hub);
    const { id, act } = await submitted(hub, urbino);
    expect((await act({ type: 'start_evaluation' })).ok).toBe(true);
    expect((await act({ type: 'evaluate', scores: SCORES })).ok).toBe(true);
    expect((await hub.must('gov.proposals.ranking', {})).map((r) => r.id)).toEqual([id]);
    await urbino.must('proposals.withdraw', { id });
    await townToHub(urbino, hub);
    expect(await hubStages(hub, id)).toEqual({ list: 'withdrawn', detail: 'withdrawn', members: 'withdrawn' });
    expect((await hub.must('gov.proposals.get', { id })).proposal.state.steps.map((s) => s.to)).toEqual(['received', 'under_evaluation', 'under_evaluation', 'withdrawn']);
    expect(await hub.must('gov.proposals.ranking', {})).toEqual([]);
    for (const action of [{ type: 'not_admit', reason: 'Ritirata.' }, { type: 'admit' }]) {
      const r = await act(action);
      expect(r.ok ? '' : r.error.params).toMatchObject({ rule: 'PROPOSAL_WITHDRAWN' });
    }
    const assign = await hub.call('gov.proposals.assign', { id, groupId: null });
    expect(assign.ok).toBe(false);
  });

  it('municipality: once the hub admitted it, Proposte and Piano e quote say so and withdrawing or changing it is refused', async () => {
    const hub = await openHub();
    const urbino = await openUrbino(hub);
    const { id, act } = await submitted(hub, urbino);
    // Before the hub's first step the member only knows it sent it; it may still change or withdraw it.
    const sent = (await urbino.must('proposals.get', { id })).proposal.state;
    expect(sent).toMatchObject({ stage: 'sent', memberActions: ['edit', 'attach', 'withdraw'] });

    await act({ type: 'start_evaluation' });
    await act({ type: 'evaluate', scores: SCORES });
    await act({ type: 'admit' });
    await hubToTown(hub, urbino, '041067');
    const own = (await urbino.must('proposals.list', {})).find((p) => p.id === id)!;
    expect(own.status).toBe('submitted');
    expect(own.state).toMatchObject({ stage: 'admitted', memberActions: [] });
    const share = await urbino.must('plan.myShare', {});
    expect(share.proposals.map((p) => p.state.stage)).toEqual(['admitted']);
    // The list exported as CSV says the same state, not the member's own "presentata".
    const csv = Buffer.from((await urbino.must('csv.export', { list: 'proposals' })).contentBase64, 'base64').toString('utf8');
    expect(csv).toMatch(/;ammessa al piano;/);

    const withdraw = await urbino.call('proposals.withdraw', { id });
    expect(withdraw.ok ? '' : withdraw.error.message).toMatch(/^Il consorzio ha già deciso sulla proposta \(stato: ammessa al piano\)/);
    const update = await urbino.call('proposals.update', { id, ...INPUT, solution: 'Cambiata.' });
    expect(update.ok).toBe(false);
    expect((await urbino.must('proposals.get', { id })).proposal.status).toBe('submitted');
  });

  it('bundles that cross: a withdrawal sent after the hub decided leaves the decision and says so on both sides', async () => {
    const hub = await openHub();
    const urbino = await openUrbino(hub);
    const { id, act } = await submitted(hub, urbino);
    // The member withdraws while the hub, not knowing, decides.
    urbino.later(1);
    await urbino.must('proposals.withdraw', { id });
    await act({ type: 'start_evaluation' });
    await act({ type: 'not_admit', reason: 'Già coperta dal protocollo.' });
    await townToHub(urbino, hub);
    await hubToTown(hub, urbino, '041067');
    const onHub = (await hub.must('gov.proposals.get', { id })).proposal.state;
    const onTown = (await urbino.must('proposals.get', { id })).proposal.state;
    for (const s of [onHub, onTown]) expect(s).toMatchObject({ stage: 'not_admitted', lateWithdrawal: '2026-11-27', officeActions: [], memberActions: [] });
    expect(onTown.steps).toEqual(onHub.steps);
    // The member's home counts it as the list shows it: with the decision, not as withdrawn.
    expect((await urbino.must('home.summary', {})).proposals).toEqual({ draft: 0, submitted: 1, withdrawn: 0 });
  });
});
