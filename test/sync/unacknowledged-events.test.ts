/**
 * "Events not acknowledged" is one count (electron/core/sync/outbox/unacknowledged.ts), said in
 * three places: `sync.status` (waiting), `home.summary` (unsentEvents) and `sync.network`
 * (eventsToSend). They must never disagree, on a member or on the hub.
 */
import { describe, expect, it } from 'vitest';
import type { TestBackend } from '../helpers/backend';
import { hubToTown, openHub, openTown, townToHub } from './hub-helpers';

async function threeCounts(t: TestBackend): Promise<number[]> {
  const status = await t.must('sync.status', {});
  const network = await t.must('sync.network', {});
  const counts = [status.waiting, network.eventsToSend];
  if (status.role === 'municipality') counts.push((await t.must('home.summary', {})).unsentEvents);
  return counts;
}

describe('events not acknowledged', () => {
  it('a member: the same figure in sync.status, home.summary and sync.network, whatever says the acknowledgement', async () => {
    const hub = await openHub();
    const town = await openTown(hub, '041067');
    expect(await threeCounts(town)).toEqual([0, 0, 0]);
    await town.must('usage.record', { service: 'PEC', date: '2026-11-20', quantity: '3' });
    await town.must('usage.record', { service: 'PEC', date: '2026-11-21', quantity: '4' });
    expect(await threeCounts(town)).toEqual([2, 2, 2]);

    // The hub takes both and acknowledges them in its own bundle.
    await townToHub(town, hub);
    await hubToTown(hub, town, '041067');
    expect(await threeCounts(town)).toEqual([0, 0, 0]);

    // The older acknowledgement of the setting `hub_ack_seq` counts wherever it is further.
    await town.must('usage.record', { service: 'PEC', date: '2026-11-22', quantity: '5' });
    await town.must('usage.record', { service: 'PEC', date: '2026-11-23', quantity: '6' });
    expect(await threeCounts(town)).toEqual([2, 2, 2]);
    town.backend.ctx.db.prepare("INSERT INTO settings (key, value) VALUES ('hub_ack_seq', '3')").run();
    expect(await threeCounts(town)).toEqual([1, 1, 1]);
  }, 60_000);

  it('the hub: the sum over its confirmed members, in sync.status as in sync.network', async () => {
    const hub = await openHub();
    const a = await openTown(hub, '041067');
    const b = await openTown(hub, '041001');
    const head = (hub.backend.ctx.db.prepare('SELECT max(seq) FROM outbox').pluck().get() as number | null) ?? 0;
    expect(head, 'the hub\'s setup wrote its catalogue').toBeGreaterThan(0);
    expect(await threeCounts(hub)).toEqual([2 * head, 2 * head]);
    // Member a acknowledges everything (its bundle carries the ack of what it applied).
    await hubToTown(hub, a, '041067');
    await townToHub(a, hub);
    expect(await threeCounts(hub)).toEqual([head, head]);
    await hubToTown(hub, b, '041001');
    await townToHub(b, hub);
    expect(await threeCounts(hub)).toEqual([0, 0]);
  }, 60_000);
});
