/**
 * "Novità" (issue 13, item 14): files imported and proposals received since they were last
 * seen, counted from what was really received, the mark kept in the installation's database.
 */
import { describe, expect, it } from 'vitest';
import { openTestBackend } from '../helpers/backend';
import { hubToTown, openHub, openTown, townToHub } from './hub-helpers';

describe('notices of what arrived', () => {
  it('counts files and proposals received since they were seen, on the hub and in the town hall', async () => {
    const hub = await openHub();
    const urbino = await openTown(hub, '041067');
    expect(await hub.must('notices.get', {})).toEqual({ bundles: 0, proposals: 0 });

    await hubToTown(hub, urbino, '041067');
    expect(await urbino.must('notices.get', {})).toEqual({ bundles: 1, proposals: 0 });
    expect(await urbino.must('notices.seen', { what: 'bundles' })).toEqual({ bundles: 0, proposals: 0 });

    const p = await urbino.must('proposals.create', { title: 'Wi-Fi nelle frazioni', problem: 'Niente rete.', solution: 'Punti di accesso.' });
    await urbino.must('proposals.submit', { id: p.id });
    await urbino.must('proposals.create', { title: 'Solo una bozza' });
    await townToHub(urbino, hub);
    expect(await hub.must('notices.get', {})).toEqual({ bundles: 1, proposals: 1 });
    // Opening the imports clears the files, not the proposals still to be looked at.
    expect(await hub.must('notices.seen', { what: 'bundles' })).toEqual({ bundles: 0, proposals: 1 });

    await urbino.must('usage.record', { service: 'PEC', date: '2026-10-05', quantity: '3' });
    await townToHub(urbino, hub);
    expect(await hub.must('notices.get', {})).toEqual({ bundles: 1, proposals: 1 });
    expect(await hub.must('notices.seen', { what: 'all' })).toEqual({ bundles: 0, proposals: 0 });
    // Seen is kept by the installation: a new window (another call) finds it the same.
    expect(await hub.must('notices.get', {})).toEqual({ bundles: 0, proposals: 0 });
  });

  it('is quiet before setup', async () => {
    const t = openTestBackend();
    expect(await t.must('notices.get', {})).toEqual({ bundles: 0, proposals: 0 });
  });
});
