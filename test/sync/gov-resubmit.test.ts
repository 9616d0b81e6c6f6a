/**
 * A proposal returned for changes comes back by itself: the member edits it (a new version) and
 * sends its bundle; applying it, the hub moves the track back to "received" as a hub event
 * ("nuova versione ricevuta", with the version), and the member sees the step in its timeline.
 * `gov.proposals.get` shows the proposal with its content, versions, scores and timeline.
 */
import { describe, expect, it } from 'vitest';
import { outboxEvents } from '../helpers/municipality';
import { hubToTown, openHub, openTown, townToHub } from './hub-helpers';

describe('resubmission of a returned proposal through bundles', () => {
  it('a new version of a returned proposal moves the track back to received, as a hub event', async () => {
    const hub = await openHub();
    const urbino = await openTown(hub, '041067');
    await hubToTown(hub, urbino, '041067');
    const input = { title: 'Sportello telematico', problem: 'Carta.', solution: 'Online.', oneOffCents: 100_000, yearlyCents: 20_000 };
    const p = await urbino.must('proposals.create', input);
    await urbino.must('proposals.submit', { id: p.id });
    await townToHub(urbino, hub);
    const act = (action: Record<string, unknown>) => hub.must('gov.proposals.act', { id: p.id, action: { date: '2026-11-26', by: 'Comitato tecnico', ...action } as never });
    await act({ type: 'start_evaluation' });
    await act({ type: 'return', notes: 'Aggiungere un preventivo.' });
    await hubToTown(hub, urbino, '041067');

    // The member answers with a new version: its bundle alone brings the track back.
    const before = outboxEvents(hub).length;
    await urbino.must('proposals.update', { id: p.id, ...input, solution: 'Online, con preventivo allegato.' });
    const { res } = await townToHub(urbino, hub);
    expect(res.outcome).toBe('applied');

    const events = outboxEvents(hub).slice(before);
    // The new version is also published to the members (condivisione, shared_proposal).
    expect(events.map((e) => e.kind).sort()).toEqual(['proposal_status', 'shared_proposal']);
    const detail = await hub.must('gov.proposals.get', { id: p.id });
    expect(detail.data.solution).toBe('Online, con preventivo allegato.');
    expect(detail.proposal.version).toBe(2);
    expect(detail.track).toMatchObject({ status: 'received', notes: 'Aggiungere un preventivo.' });
    const last = detail.track!.steps.at(-1)!;
    expect(last).toMatchObject({ from: 'returned', to: 'received', by: 'Urbino', note: 'Nuova versione ricevuta (versione 2)', note_key: 'new_version', note_params: { version: 2 } });
    expect(detail.criteria.criteria.length).toBeGreaterThan(0);

    // The hub's step reaches the member with the next hub bundle.
    await hubToTown(hub, urbino, '041067');
    expect((await urbino.must('proposals.timeline', { id: p.id })).track!.steps.map((s) => s.to)).toEqual(['received', 'under_evaluation', 'returned', 'received']);

    // A new version while under evaluation does not move the track.
    await act({ type: 'start_evaluation' });
    const n = outboxEvents(hub).length;
    await urbino.must('proposals.update', { id: p.id, ...input, solution: 'Terza versione.' });
    await townToHub(urbino, hub);
    expect(outboxEvents(hub).slice(n).map((e) => e.kind)).toEqual(['shared_proposal']);
    expect((await hub.must('gov.proposals.get', { id: p.id })).track!.status).toBe('under_evaluation');
  });

  it('gov.proposals.get: a proposal never acted on has no track yet and the configured criteria; an unknown id is refused', async () => {
    const hub = await openHub();
    const urbino = await openTown(hub, '041067');
    const p = await urbino.must('proposals.create', { title: 'Nuova', problem: 'x', solution: 'y' });
    await urbino.must('proposals.submit', { id: p.id });
    await townToHub(urbino, hub);
    const d = await hub.must('gov.proposals.get', { id: p.id });
    expect(d.track).toBeNull();
    expect(d.criteria.criteria.map((c) => c.id)).toContain('feasibility');
    const bad = await hub.call('gov.proposals.get', { id: '00000000-0000-4000-8000-000000000000' });
    expect(bad.ok ? '' : bad.error.code).toBe('E_NOT_FOUND');
    const town = await urbino.call('gov.proposals.get', { id: p.id });
    expect(town.ok).toBe(false);
  });
});
