/**
 * The sync agent end to end over the shared-folder courier: real data directories, real bundles
 * written by the exporter, imported by the ordinary import, a real folder between them.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TestBackend } from '../helpers/backend';
import { tempDir } from '../helpers/temp-dir';
import { openHub, openTown } from './hub-helpers';

/** Every `.cstb` waiting in the shared folder, by recipient. */
function waiting(folder: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of readdirSync(folder)) out[r] = readdirSync(join(folder, r)).filter((n) => n.endsWith('.cstb')).sort();
  return out;
}

const spoolCount = (t: TestBackend) => t.backend.ctx.db.prepare('SELECT count(*) FROM sync_outgoing').pluck().get() as number;
const head = (t: TestBackend) => (t.backend.ctx.db.prepare('SELECT max(seq) FROM outbox').pluck().get() as number | null) ?? 0;
const peer = (t: TestBackend, id: string) => t.backend.ctx.db.prepare('SELECT applied_seq, acked_seq FROM peers WHERE id = ?').get(id) as { applied_seq: number; acked_seq: number | null };

async function useFolder(folder: string, ...parties: TestBackend[]): Promise<void> {
  for (const p of parties) await p.must('sync.configure', { folder });
}

describe('sync agent over a shared folder', () => {
  it('member → hub → member: the hub holds the entry, the member the hub’s ack and records; repeated rounds send nothing', async () => {
    const folder = tempDir();
    const hub = await openHub();
    const town = await openTown(hub, '041067');
    await useFolder(folder, hub, town);
    await town.must('usage.record', { service: 'PEC', date: '2026-11-20', quantity: '3' });

    const first = await town.must('sync.now', {});
    expect(first.lastError).toBeNull();
    expect(first.lastRound).toMatchObject({ sent: 1, received: 0 });
    expect(waiting(folder).hub).toHaveLength(1);

    const atHub = await hub.must('sync.now', {});
    expect(atHub.lastError).toBeNull();
    expect(atHub.lastRound).toMatchObject({ received: 1, applied: 1, sent: 1 });
    expect(waiting(folder).hub).toEqual([]);
    expect(waiting(folder)['041067']).toHaveLength(1);
    expect(peer(hub, '041067').applied_seq).toBe(head(town));
    const usage = hub.backend.ctx.db.prepare("SELECT count(*) FROM received_usage_monthly WHERE owner = '041067'").pluck().get() as number;
    expect(usage).toBe(1);

    const back = await town.must('sync.now', {});
    expect(back.lastRound).toMatchObject({ received: 1, applied: 1 });
    expect(peer(town, 'CST-PU')).toEqual({ applied_seq: head(hub), acked_seq: head(town) });
    expect(back.eventsToSend).toBe(0);

    // Settle (the member acknowledges the hub's events), then nothing moves any more.
    for (let i = 0; i < 2; i += 1) {
      await town.must('sync.now', {});
      await hub.must('sync.now', {});
    }
    const spooled = [spoolCount(town), spoolCount(hub)];
    for (let i = 0; i < 3; i += 1) {
      const a = await town.must('sync.now', {});
      const b = await hub.must('sync.now', {});
      expect(a.lastRound).toMatchObject({ sent: 0, received: 0 });
      expect(b.lastRound).toMatchObject({ sent: 0, received: 0 });
    }
    expect([spoolCount(town), spoolCount(hub)]).toEqual(spooled);
    expect(waiting(folder)).toEqual({ hub: [], '041067': [] });
    expect(peer(hub, '041067').acked_seq).toBe(head(hub));
    const dupes = hub.backend.ctx.db.prepare("SELECT count(*) FROM received_bundles WHERE outcome NOT IN ('applied')").pluck().get();
    expect(dupes).toBe(0);
    expect((await hub.must('log.verify', {})).ok).toBe(true);
    expect((await town.must('log.verify', {})).ok).toBe(true);
  }, 60_000);
});
