/**
 * A hub and its members syncing through the real `cst mailbox serve` process with the fault
 * proxy (test/helpers/fault-proxy.ts) between every client and the server: the set-up of the
 * network-sync proofs (issue 10, "Proved by tests"). Every party is a real installation with
 * confirmed identities, its rounds are the real agent's (`sync.now`), its courier the real
 * mailbox client pointed at the proxy with a short timeout.
 *
 * The one thing added to the client is a hook before each courier operation (`beforeOp`): a
 * test starts a fault exactly when the operation it aims at starts, on a fresh connection
 * (fetch keeps connections alive, so a per-connection fault would otherwise land on whatever
 * request happened to open the connection).
 */
import type Database from 'better-sqlite3';
import { expect } from 'vitest';
import { loadInstallationKeys } from '../../electron/core/sync/identity/keys';
import type { Courier } from '../../electron/core/sync/network/courier';
import type { MailboxCourierMaker } from '../../electron/core/sync/network/courier-factory';
import { createMailboxCourier } from '../../electron/core/sync/network/mailbox-courier';
import type { NetworkSyncStatus } from '../../shared/domain/network-sync';
import { afterEachTest } from '../helpers/after-each-test';
import { openTestBackend, type TestBackend } from '../helpers/backend';
import { startFaultProxy, type Fault, type FaultProxy } from '../helpers/fault-proxy';
import { initMailboxFor, startMailboxProcess, type MailboxProcess } from '../helpers/mailbox';
import { introduce } from './hub-helpers';

/**
 * The import verifies bundles inline rather than in the app's worker thread (the same
 * verifyBundle(); the worker costs a start per round, and the worker is not what these tests prove).
 * The `cst` child processes of network-kill.test.ts inherit it.
 */
export function verifyInline(): void {
  // Until the end of this test only: the node project runs its files in one process
  // (isolate: false), and the next file may be the one proving the worker is used.
  const before = process.env.CST_BUNDLE_VERIFY;
  process.env.CST_BUNDLE_VERIFY = 'inline';
  afterEachTest(() => {
    if (before === undefined) delete process.env.CST_BUNDLE_VERIFY;
    else process.env.CST_BUNDLE_VERIFY = before;
  });
}

export type CourierOp = 'send' | 'sendState' | 'list' | 'fetch' | 'remove' | 'removeMany' | 'publishRoster';
export const HUB_ID = 'CST-PU';

export interface Network {
  hub: TestBackend;
  towns: TestBackend[];
  istats: string[];
  proxy: FaultProxy;
  mailbox: MailboxProcess;
  /** The mailbox's own data folder. */
  mailboxDir: string;
  /** The mailbox's port (the proxy's target; a restart keeps it). */
  mailboxPort: number;
  /** Called before every courier operation of every party (`party`: 'hub' or the ISTAT code). */
  beforeOp: ((op: CourierOp, party: string) => Promise<void> | void) | null;
  /** kill -9 of the mailbox process (what a power cut does). */
  killMailbox(): Promise<void>;
  /** `cst mailbox serve` again on the same folder and port. */
  startMailbox(): Promise<void>;
}

/** The real mailbox client, with `timeoutMs`, calling `net.beforeOp` before each operation. */
function hookedCourierMaker(net: { beforeOp: Network['beforeOp'] }, timeoutMs: number, chunkBytes?: number): MailboxCourierMaker {
  return ({ baseUrl, dataDir, self }) => {
    const real = createMailboxCourier({ baseUrl, keys: loadInstallationKeys(dataDir), timeoutMs, ...(chunkBytes ? { chunkBytes } : {}) });
    const before = async (op: CourierOp) => {
      if (process.env.NET_DEBUG) console.log(self, op);
      if (net.beforeOp) await net.beforeOp(op, self);
    };
    const traced = <A extends unknown[], R>(op: CourierOp, fn: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        await before(op);
        try {
          return await fn(...args);
        } catch (err) {
          if (process.env.NET_DEBUG) console.log(self, op, 'failed:', String(err));
          throw err;
        }
      };
    const courier: Courier = {
      kind: real.kind,
      send: traced('send', real.send),
      sendState: traced('sendState', real.sendState),
      list: traced('list', real.list),
      fetch: traced('fetch', real.fetch),
      remove: traced('remove', real.remove),
      removeMany: traced('removeMany', real.removeMany),
      publishRoster: traced('publishRoster', real.publishRoster!),
    };
    return courier;
  };
}

/**
 * The hub (CST-PU) and one member per ISTAT code, identities exchanged and confirmed; a real
 * mailbox process initialised with the hub's identity; the proxy in front of it; every party's
 * mailbox address set to the proxy; a first hub round has published the roster.
 */
export async function startNetwork(options: {
  members: string[];
  /** The clients' timeout (default 2 s: a stall past it is quick to test; loopback answers in ms). */
  timeoutMs?: number;
  /** Upload chunks smaller than the protocol's 1 MiB: small bundles go up in many requests, resumed as large ones are. */
  chunkBytes?: number;
}): Promise<Network> {
  verifyInline();
  const hooks: { beforeOp: Network['beforeOp'] } = { beforeOp: null };
  const mailboxCourier = hookedCourierMaker(hooks, options.timeoutMs ?? 2_000, options.chunkBytes);
  const hub = openTestBackend({ start: '2026-11-26T08:00:00.000Z', mailboxCourier });
  await hub.must('setup.hub', { id: HUB_ID, name: 'CST Pesaro-Urbino', province: 'PU', operator: 'Ufficio CST' });
  const towns: TestBackend[] = [];
  for (const istat of options.members) {
    const town = openTestBackend({ start: '2026-11-26T08:00:00.000Z', mailboxCourier });
    await town.must('setup.municipality', { istat, operator: `Operatore ${istat}` });
    await introduce(town, hub);
    await introduce(hub, town);
    towns.push(town);
  }
  const mailboxDir = await initMailboxFor(hub);
  let mailbox = await startMailboxProcess({ dataDir: mailboxDir });
  const mailboxPort = Number(new URL(mailbox.url).port);
  const proxy = await startFaultProxy({ target: { host: '127.0.0.1', port: mailboxPort } });
  for (const party of [hub, ...towns]) await party.must('sync.configure', { mailbox: proxy.url });
  const net: Network = {
    hub,
    towns,
    istats: options.members,
    proxy,
    get mailbox() {
      return mailbox;
    },
    mailboxDir,
    mailboxPort,
    get beforeOp() {
      return hooks.beforeOp;
    },
    set beforeOp(fn) {
      hooks.beforeOp = fn;
    },
    async killMailbox() {
      await mailbox.kill();
    },
    async startMailbox() {
      mailbox = await startMailboxProcess({ dataDir: mailboxDir, listen: `127.0.0.1:${mailboxPort}` });
    },
  };
  const first = await hub.must('sync.now', {});
  expect(first.lastError, 'the hub publishes the roster').toBeNull();
  return net;
}

/**
 * Closes every connection the proxy holds (the clients' kept-alive ones too), so the next
 * request opens a new one and gets the schedule set now.
 */
export async function freshConnections(proxy: FaultProxy): Promise<void> {
  await proxy.setMode('down');
  await proxy.setMode('up');
  // Let the clients see their pooled connections close before they pick one.
  await new Promise((resolve) => setTimeout(resolve, 20));
}

/**
 * From the next connection on, faults: the first connection gets `first`, every later one (the
 * client's retry on a fresh connection, the rest of the round) `later`, so the trouble lasts
 * until `clearFaults`.
 */
export async function faultFromNow(proxy: FaultProxy, first: Fault, later: Fault = first): Promise<void> {
  await freshConnections(proxy);
  const n0 = proxy.stats.connections;
  proxy.setSchedule((n) => (n === n0 ? first : later));
}

/** The line is good again: every connection passes (the faulty ones kept alive are closed), the port listens. */
export async function clearFaults(proxy: FaultProxy): Promise<void> {
  proxy.setSchedule([]);
  await freshConnections(proxy);
}

/**
 * Calls `action` once, the next time a fault fires (the proxy's listeners cannot be removed:
 * one per proxy, re-armed through this). A stall plus this is "the server went down at exactly
 * this byte": the bytes after it are held until the action.
 */
const onNextFault = new WeakMap<FaultProxy, (() => void) | null>();
export function whenFaultFires(proxy: FaultProxy, action: () => void): void {
  if (!onNextFault.has(proxy)) {
    proxy.onFault(() => {
      const act = onNextFault.get(proxy);
      onNextFault.set(proxy, null);
      act?.();
    });
  }
  onNextFault.set(proxy, action);
}

// ---- What the parties hold ----

export const head = (t: TestBackend) => (t.backend.ctx.db.prepare('SELECT max(seq) FROM outbox').pluck().get() as number | null) ?? 0;

export const peerRow = (t: TestBackend, id: string) =>
  t.backend.ctx.db.prepare('SELECT applied_seq, acked_seq FROM peers WHERE id = ?').get(id) as { applied_seq: number; acked_seq: number | null };

/** The member's own monthly usage, as the hub's received table keeps it for that owner. */
export function ownUsage(t: TestBackend): unknown[] {
  return t.backend.ctx.db.prepare('SELECT service, month, entries, quantity_milli FROM usage_monthly ORDER BY service, month').all();
}
export function receivedUsage(hub: TestBackend, owner: string): unknown[] {
  return hub.backend.ctx.db.prepare('SELECT service, month, entries, quantity_milli FROM received_usage_monthly WHERE owner = ? ORDER BY service, month').all(owner);
}

/** Events of `sender` applied here, counted over every reception (an event applied twice counts twice). */
export function eventsApplied(t: TestBackend, sender: string): number {
  return (t.backend.ctx.db.prepare('SELECT coalesce(sum(events_applied), 0) FROM received_bundles WHERE sender_id = ?').pluck().get(sender) as number) ?? 0;
}

/** Events of `sender`'s stream held here (one row per seq). */
export function eventsHeld(t: TestBackend, sender: string): number {
  return t.backend.ctx.db.prepare('SELECT count(*) FROM inbox_events e JOIN peers p USING (peer_no) WHERE p.id = ?').pluck().get(sender) as number;
}

/** The hub holds exactly the member's stream and usage, each event applied once. */
export function expectHubHolds(hub: TestBackend, town: TestBackend, istat: string): void {
  const n = head(town);
  expect(peerRow(hub, istat).applied_seq, `hub's position in ${istat}'s stream`).toBe(n);
  expect(eventsHeld(hub, istat)).toBe(n);
  expect(eventsApplied(hub, istat), `events of ${istat} applied at the hub, over all receptions`).toBe(n);
  expect(receivedUsage(hub, istat)).toEqual(ownUsage(town));
}

/** The member holds the hub's stream, each event applied once, and the hub's ack of its own stream. */
export function expectMemberHolds(town: TestBackend, hub: TestBackend): void {
  const n = head(hub);
  const position = peerRow(town, HUB_ID);
  expect(position.applied_seq, "the member's position in the hub's stream").toBe(n);
  // The hub's ack of the member's stream (none yet when the member has written nothing).
  expect(position.acked_seq ?? 0, "the hub's ack of the member's stream").toBe(head(town));
  expect(eventsHeld(town, HUB_ID)).toBe(n);
  expect(eventsApplied(town, HUB_ID)).toBe(n);
}

/** A failed round as the clerk sees it: backing off, the reason in Italian and English, the next attempt. */
export function expectBackingOff(status: NetworkSyncStatus, key: 'syncAgent.offline' | 'syncAgent.server'): void {
  expect(status.state).toBe('offline');
  expect(status.lastError?.key).toBe(key);
  expect(status.nextAttemptAt).toEqual(expect.any(String));
  expect(Date.parse(status.nextAttemptAt!)).toBeGreaterThan(Date.parse(status.lastAttemptAt!));
  const time = status.lastError!.params.time;
  expect(time).toMatch(/^\d\d:\d\d$/);
  const it = key === 'syncAgent.offline' ? `Il server del consorzio non risponde: nuovo tentativo alle ${time}.` : `Il server del consorzio ha un problema e non accetta i dati: nuovo tentativo alle ${time}.`;
  expect(status.lastError!.it).toContain(it);
  expect(status.lastError!.en).toMatch(/next try at \d\d:\d\d/);
}

/** Rows of a table, as text, for comparing two databases. */
export function dump(db: Database.Database, sql: string): string {
  return JSON.stringify(
    db
      .prepare(sql)
      .raw(true)
      .all()
      .map((r) => (r as unknown[]).map((v) => (Buffer.isBuffer(v) ? v.toString('hex') : v))),
  );
}
