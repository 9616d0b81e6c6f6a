/**
 * Condivisione (issue 13 item 5) through real bundles between a hub and three municipalities,
 * each on its own SQLite file: the hub publishes Urbino's submitted proposal in its stream;
 * Pesaro sees it and joins with a note (its own record); the hub relays the join; Urbino sees
 * who joined, by name; the Technical Committee sees the joiners; withdrawals travel the same way.
 */
import { describe, expect, it } from 'vitest';
import { proposalJoinKind } from '../../shared/records/proposal-joins';
import { outboxEvents } from '../helpers/municipality';
import { join } from 'node:path';
import { tempDir } from '../helpers/temp-dir';
import { hubToTown, openHub, openTown, townToHub } from './hub-helpers';
import { restoreBackup, takeBackup } from './recovery-helpers';

const input = { title: 'Sportello telematico unico', problem: 'Pratiche su carta.', solution: 'Un portale comune.', benefits: 'Meno code.', oneOffCents: 1_200_000, yearlyCents: 300_000 };

async function fourInstallations() {
  const hub = await openHub();
  const urbino = await openTown(hub, '041067');
  const pesaro = await openTown(hub, '041044');
  const fano = await openTown(hub, '041013');
  const p = await urbino.must('proposals.create', input);
  await urbino.must('proposals.submit', { id: p.id });
  await townToHub(urbino, hub);
  return { hub, urbino, pesaro, fano, p };
}

describe('members joining each other proposals', () => {
  it('the hub publishes a submitted proposal; another member joins it with a note; the proposer and the Committee see who joined', async () => {
    const { hub, urbino, pesaro, fano, p } = await fourInstallations();
    // Applying Urbino's bundle published the proposal as a hub event (drafts never are).
    expect(outboxEvents(hub).filter((e) => e.kind === 'shared_proposal')).toHaveLength(1);
    const published = outboxEvents(hub).find((e) => e.kind === 'shared_proposal')!;
    expect(published.data).toMatchObject({ proposer: '041067', proposal_id: p.id, status: 'submitted', version: 1, title: input.title, problem: input.problem, solution: input.solution });

    await hubToTown(hub, pesaro, '041044');
    const [shared] = await pesaro.must('joins.list', {});
    expect(shared).toMatchObject({ proposer: '041067', proposerName: 'Urbino', proposalId: p.id, title: input.title, solution: input.solution, status: 'submitted', joiners: [], mine: null });
    // Urbino does not see its own proposal among the others'.
    await hubToTown(hub, urbino, '041067');
    expect(await urbino.must('joins.list', {})).toEqual([]);

    // Pesaro joins: one event of its own, a record of its own kind.
    const before = outboxEvents(pesaro).length;
    const joined = await pesaro.must('joins.join', { id: shared!.id, note: 'Interessa anche a noi: stesse pratiche edilizie.' });
    // Not relayed yet: until the hub's reply, nobody else sees it (the screen says so).
    expect(joined.mine).toMatchObject({ status: 'joined', note: 'Interessa anche a noi: stesse pratiche edilizie.', relayed: false });
    const mine = outboxEvents(pesaro).slice(before);
    expect(mine.map((e) => [e.kind, e.op, (e.data as { status: string }).status])).toEqual([['proposal_join', 'put', 'joined']]);
    // Canonical like every record: the line's data is the schema's output, members in order.
    expect(JSON.stringify(proposalJoinKind.schema.parse(mine[0]!.data))).toBe(JSON.stringify(mine[0]!.data));
    // The same note again writes nothing.
    await pesaro.must('joins.join', { id: shared!.id, note: 'Interessa anche a noi: stesse pratiche edilizie.' });
    expect(outboxEvents(pesaro).length).toBe(before + 1);

    // The hub receives the join and relays it in its stream; the Committee sees Pesaro by name.
    await townToHub(pesaro, hub);
    const relays = outboxEvents(hub).filter((e) => e.kind === 'shared_proposal_join');
    expect(relays.map((e) => e.data)).toMatchObject([{ proposer: '041067', proposal_id: p.id, joiner: '041044', status: 'joined', note: 'Interessa anche a noi: stesse pratiche edilizie.' }]);
    const evaluation = await hub.must('gov.proposals.get', { id: p.id });
    expect(evaluation.joiners).toMatchObject([{ istat: '041044', name: 'Pesaro', note: 'Interessa anche a noi: stesse pratiche edilizie.' }]);

    // The proposer sees who joined with the hub's next bundle; so does any other member.
    await hubToTown(hub, urbino, '041067');
    expect(await urbino.must('joins.ofProposal', { proposalId: p.id })).toMatchObject([{ istat: '041044', name: 'Pesaro' }]);
    await hubToTown(hub, fano, '041013');
    expect((await fano.must('joins.list', {}))[0]!.joiners.map((j) => j.name)).toEqual(['Pesaro']);
    await hubToTown(hub, pesaro, '041044');
    expect((await pesaro.must('joins.list', {}))[0]!.mine).toMatchObject({ status: 'joined', relayed: true });

    // Pesaro withdraws its join: a new state of the same record, relayed; nobody lists it any more.
    await pesaro.must('joins.withdraw', { id: shared!.id });
    expect(outboxEvents(pesaro).filter((e) => e.kind === 'proposal_join').map((e) => [e.id, (e.data as { status: string }).status])).toEqual([
      [mine[0]!.id, 'joined'],
      [mine[0]!.id, 'withdrawn'],
    ]);
    await townToHub(pesaro, hub);
    expect((await hub.must('gov.proposals.get', { id: p.id })).joiners).toEqual([]);
    await hubToTown(hub, urbino, '041067');
    expect(await urbino.must('joins.ofProposal', { proposalId: p.id })).toEqual([]);
    const again = await pesaro.call('joins.withdraw', { id: shared!.id });
    expect(again.ok ? '' : again.error.message).toMatch(/non ha aderito/);
  });

  it('a withdrawn proposal is published as withdrawn and can no longer be joined; a member cannot join its own', async () => {
    const { hub, urbino, pesaro, p } = await fourInstallations();
    await urbino.must('proposals.withdraw', { id: p.id });
    await townToHub(urbino, hub);
    expect(outboxEvents(hub).filter((e) => e.kind === 'shared_proposal').map((e) => (e.data as { status: string }).status)).toEqual(['submitted', 'withdrawn']);
    await hubToTown(hub, pesaro, '041044');
    const [shared] = await pesaro.must('joins.list', {});
    expect(shared!.status).toBe('withdrawn');
    const refused = await pesaro.call('joins.join', { id: shared!.id, note: '' });
    expect(refused.ok ? '' : refused.error.message).toBe(`La proposta «${input.title}» è stata ritirata dal comune proponente: non si può più aderire.`);

    await hubToTown(hub, urbino, '041067');
    const own = urbino.backend.ctx.db.prepare('SELECT record_id FROM shared_proposals').pluck().get() as string;
    const mineRefused = await urbino.call('joins.join', { id: own, note: '' });
    expect(mineRefused.ok ? '' : mineRefused.error.message).toMatch(/proposta del comune stesso/);
  });

  it('a new version is published again; a hub-installation cannot join', async () => {
    const { hub, urbino, p } = await fourInstallations();
    await urbino.must('proposals.update', { id: p.id, ...input, solution: 'Un portale comune, con pagamenti.' });
    await townToHub(urbino, hub);
    const versions = outboxEvents(hub).filter((e) => e.kind === 'shared_proposal').map((e) => e.data as { version: number; solution: string });
    expect(versions.map((v) => [v.version, v.solution])).toEqual([
      [1, input.solution],
      [2, 'Un portale comune, con pagamenti.'],
    ]);
    const r = await hub.call('joins.list', {});
    expect(r.ok).toBe(false);
  });

  it('a join lost with an old backup is rebuilt from the hub copy, like every record of the member', async () => {
    const { hub, pesaro } = await fourInstallations();
    await hubToTown(hub, pesaro, '041044');
    const [shared] = await pesaro.must('joins.list', {});
    const backup = takeBackup(pesaro);
    await pesaro.must('joins.join', { id: shared!.id, note: 'Anche per noi.' });
    await townToHub(pesaro, hub);
    const restored = restoreBackup(pesaro, backup, '2026-11-27T08:00:00.000Z');
    await hubToTown(hub, restored, '041044');
    expect((await restored.must('joins.list', {}))[0]!.mine).toBeNull();

    const out = join(tempDir(), 'recupero.cstb');
    await hub.must('recovery.export', { for: '041044', out });
    const applied = await restored.must('recovery.apply', { path: out });
    expect(applied.records).toEqual({ proposal_join: 1 });
    const [after] = await restored.must('joins.list', {});
    expect(after!.mine).toMatchObject({ status: 'joined', note: 'Anche per noi.' });
    // And it can be withdrawn as usual, continuing the stream.
    await restored.must('joins.withdraw', { id: shared!.id });
    const { res } = await townToHub(restored, hub);
    expect(res.outcome).toBe('applied');
  });
});
