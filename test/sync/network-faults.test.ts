/**
 * Every kind of bad network, during each transfer of a sync: a member's upload, the hub's
 * download of it, and the hub's delete once imported. Real installations, the real `cst mailbox
 * serve` process, the fault proxy between every client and the server, the agent's real rounds
 * (`sync.now`). Each fault fails the round with the status a clerk reads (offline or server
 * trouble, in Italian, with the next attempt); once the line is good the next round completes,
 * and the hub holds every event exactly once.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Fault } from '../helpers/fault-proxy';
import type { TestBackend } from '../helpers/backend';
import {
  clearFaults,
  expectBackingOff,
  expectHubHolds,
  expectMemberHolds,
  faultFromNow,
  head,
  peerRow,
  startNetwork,
  whenFaultFires,
  type CourierOp,
  type Network,
} from './network-helpers';

/** Longer than the client's timeout (2 s); the proxy lets go as soon as the client hangs up. */
const STALL_MS = 60_000;

interface Case {
  name: string;
  /**
   * The faults, given the size of the bundle the operation carries: for the first connection the
   * operation opens, and for every later one (its retry on a fresh connection, the rest of the round).
   */
  fault: (bytes: number) => { first: Fault; later?: Fault };
  /** The mailbox goes down (connections closed, the port refusing) when the first fault fires. */
  thenDown?: boolean;
  key: 'syncAgent.offline' | 'syncAgent.server';
}

/**
 * The faults, each started when the operation starts, on fresh connections. Byte offsets land
 * inside the bundle's own transfer: past every small request for an upload (a request is under
 * 1 KB), inside the answer for a download. Each operation's request is the first on its
 * connection (the round's new bundle is sent `fresh`: its PUT is not preceded by an upload-state
 * question), so a cut of the answer from its first byte is "the request arrived, its answer was
 * lost".
 */
function cases(op: 'upload' | 'download' | 'delete'): Case[] {
  const bulk = op === 'download' ? 'toClient' : 'toServer';
  const mid = (bytes: number) => (op === 'delete' ? 40 : op === 'upload' ? Math.max(1_200, Math.floor(bytes / 2)) : Math.floor(bytes / 2));
  const lost = (direction: 'toClient') => ({ first: { kind: 'cut' as const, direction, afterBytes: 0 }, later: { kind: 'cut' as const, direction, afterBytes: 0 } });
  return [
    { name: 'cut on the way to the server', fault: (b) => ({ first: { kind: 'cut', direction: 'toServer', afterBytes: op === 'download' ? 40 : mid(b) } }), key: 'syncAgent.offline' },
    {
      name: 'cut on the way back',
      fault: (b) => (op === 'download' ? { first: { kind: 'cut', direction: 'toClient', afterBytes: mid(b) } } : lost('toClient')),
      key: 'syncAgent.offline',
    },
    { name: 'reset mid-transfer', fault: (b) => ({ first: { kind: 'reset', direction: bulk, afterBytes: mid(b) } }), key: 'syncAgent.offline' },
    {
      name: 'reset once the request arrived',
      fault: () => ({ first: { kind: 'reset', direction: 'toClient', afterBytes: 0 }, later: { kind: 'reset', direction: 'toClient', afterBytes: 0 } }),
      key: 'syncAgent.offline',
    },
    { name: 'stall beyond the client’s timeout', fault: (b) => ({ first: { kind: 'stall', direction: bulk, afterBytes: mid(b), ms: STALL_MS } }), key: 'syncAgent.offline' },
    { name: 'connection refused', fault: () => ({ first: { kind: 'refuse' } }), key: 'syncAgent.offline' },
    { name: 'server down in mid-transfer', fault: (b) => ({ first: { kind: 'stall', direction: bulk, afterBytes: mid(b), ms: STALL_MS } }), thenDown: true, key: 'syncAgent.offline' },
    { name: 'HTTP 503 from a reverse proxy', fault: () => ({ first: { kind: 'http_error', status: 503, headers: { 'Retry-After': '1' } } }), key: 'syncAgent.server' },
  ];
}

let entry = 0;
/** Usage entries enough for a bundle of several kilobytes (every byte offset above lands inside it). */
async function recordUsage(town: TestBackend, n = 20): Promise<void> {
  for (let i = 0; i < n; i += 1) {
    entry += 1;
    await town.must('usage.record', { service: entry % 2 ? 'PEC' : 'SITO', date: `2026-${String(1 + (entry % 10)).padStart(2, '0')}-${String(1 + (entry % 27)).padStart(2, '0')}`, quantity: String(1 + (entry % 7)), note: `voce ${entry}` });
  }
}

/** Arms the case’s fault for the next `op` of `party` (started by the courier hook, then disarmed). */
function arm(net: Network, op: CourierOp, party: string, c: Case, bytes: () => number): void {
  net.beforeOp = async (o, who) => {
    if (o !== op || who !== party) return;
    net.beforeOp = null;
    const { first, later } = c.fault(bytes());
    await faultFromNow(net.proxy, first, later);
    if (c.thenDown) whenFaultFires(net.proxy, () => void net.proxy.setMode('down'));
  };
}

async function disarm(net: Network): Promise<void> {
  net.beforeOp = null;
  await clearFaults(net.proxy);
}

const newestBytes = (t: TestBackend) => (t.backend.ctx.db.prepare('SELECT bytes FROM sync_outgoing ORDER BY created_at DESC LIMIT 1').pluck().get() as number | undefined) ?? 0;
/** Complete bundles waiting in the mailbox for the hub (files in the mailbox's own folder). */
const waitingForHub = (net: Network) => {
  const dir = join(net.mailboxDir, 'bundles');
  return existsSync(dir) ? readdirSync(dir).filter((n) => n.startsWith('hub-') && n.endsWith('.cstb')).length : 0;
};

/** The mailbox's log lines of downloads (`cst mailbox serve` writes one JSON line per request). */
function downloads(net: Network): Array<{ status: number; out: number }> {
  return net.mailbox
    .stdout()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { method?: string; route?: string; status: number; out: number })
    .filter((l) => l.method === 'GET' && l.route === '/v1/inbox/:sha256');
}

/** Whether the fault let part of a download's answer through before it struck. */
function partOfAnswerArrived(c: Case, bytes: number): boolean {
  const f = c.fault(bytes).first;
  return (f.kind === 'cut' || f.kind === 'reset' || f.kind === 'stall') && f.direction === 'toClient' && f.afterBytes > 0;
}

/** One round of `party` with the case's fault started at its `op`: it fails, and says so. */
async function faultyRound(net: Network, party: TestBackend, who: string, op: CourierOp, c: Case, bytes: () => number): Promise<void> {
  const faults = net.proxy.stats.faults.length;
  arm(net, op, who, c, bytes);
  const failed = await party.must('sync.now', {});
  const what = `${c.name} during ${op}`;
  expect(net.beforeOp, `${what}: the operation was reached`).toBeNull();
  expect(net.proxy.stats.faults.length > faults, `${what}: the fault fired`).toBe(true);
  expectBackingOff(failed, c.key);
  await disarm(net);
}

describe('a bad network during each transfer of a sync', () => {
  it('each fault during the member’s upload, the hub’s download and its delete: the round fails, offline or server, with the next attempt; then every event arrives once', async () => {
    const net = await startNetwork({ members: ['041067'] });
    const [town] = net.towns as [TestBackend];
    const hub = net.hub;
    for (const op of ['upload', 'download', 'delete'] as const) {
      for (const c of cases(op)) {
        await recordUsage(town);
        if (op === 'upload') {
          await faultyRound(net, town, '041067', 'send', c, () => newestBytes(town));
          expect(town.backend.ctx.db.prepare("SELECT count(*) FROM sync_outgoing WHERE state = 'spooled'").pluck().get(), c.name).toBe(1);
        }
        const sent = await town.must('sync.now', {});
        expect(sent.lastError, c.name).toBeNull();
        expect(sent).toMatchObject({ state: 'idle', bundlesToSend: 0 });
        expect(waitingForHub(net), c.name).toBe(1);
        if (op === 'download') {
          await faultyRound(net, hub, 'hub', 'fetch', c, () => newestBytes(town));
          expect(peerRow(hub, '041067').applied_seq, `${c.name}: nothing applied`).toBeLessThan(head(town));
        }
        if (op === 'delete') {
          await faultyRound(net, hub, 'hub', 'remove', c, () => newestBytes(town));
          // Imported before the delete failed: the events are there, once.
          expectHubHolds(hub, town, '041067');
        }
        const atHub = await hub.must('sync.now', {});
        expect(atHub.lastError, c.name).toBeNull();
        if (op === 'download' && partOfAnswerArrived(c, newestBytes(town))) {
          // The part that arrived was kept: the download resumed from it (206) and received only the rest.
          const last = downloads(net).at(-1)!;
          expect(last.status, c.name).toBe(206);
          expect(last.out, c.name).toBeLessThan(newestBytes(town));
        }
        expect(atHub.lastRound!.applied, c.name).toBe(op === 'delete' ? 0 : 1);
        expect(waitingForHub(net), `${c.name}: removed from the mailbox`).toBe(0);
        expectHubHolds(hub, town, '041067');
      }
    }
    await town.must('sync.now', {});
    expectMemberHolds(town, hub);
    const outcomes = hub.backend.ctx.db.prepare("SELECT outcome, count(*) AS n FROM received_bundles WHERE sender_id = '041067' GROUP BY outcome").all();
    expect(outcomes).toEqual([{ outcome: 'applied', n: 24 }]);
    expect((await hub.must('log.verify', {})).ok).toBe(true);
    expect((await town.must('log.verify', {})).ok).toBe(true);
  }, 90_000);
});
