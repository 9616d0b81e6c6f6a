/**
 * `kill -9` in mid-transfer, of the server and of a client, uploading and downloading. A member's
 * bundle of several MiB (a proposal with an attachment that does not compress) goes up in 1 MiB
 * chunks and comes down in one response; the proxy holds the bytes at an exact offset (a stall)
 * while the process is killed, so the kill lands where the test says. Afterwards the transfer
 * resumes: the proxy counts what the next round moves, which must be only what the other side
 * did not have; the hub gets the bundle once.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MAX_CHUNK_BYTES } from '../../electron/core/sync/network/mailbox-courier';
import { openTestBackend, type TestBackend } from '../helpers/backend';
import { startCst } from '../helpers/processes';
import { clearFaults, expectHubHolds, expectMemberHolds, faultFromNow, head, startNetwork, whenFaultFires, type Network } from './network-helpers';

const MiB = 1024 * 1024;
const ATTACHMENT = 5 * MiB;

/** A submitted proposal with an attachment of random bytes: a bundle a little over 5 MiB. */
async function largeWork(town: TestBackend): Promise<void> {
  await town.must('usage.record', { service: 'PEC', date: '2026-11-20', quantity: '3' });
  const p = await town.must('proposals.create', { title: 'Wi-Fi nelle frazioni', problem: 'Nessuna rete.', solution: 'Punti di accesso.', oneOffCents: 1_250_000 });
  await town.must('attachments.add', { proposalId: p.id, name: 'rilievo.pdf', type: 'application/pdf', contentBase64: Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(ATTACHMENT)]).toString('base64') });
  await town.must('proposals.submit', { id: p.id });
}

const spooled = (t: TestBackend) => t.backend.ctx.db.prepare("SELECT sha256, bytes, state FROM sync_outgoing WHERE recipient = 'hub' ORDER BY created_at DESC LIMIT 1").get() as { sha256: string; bytes: number; state: string };

/**
 * Until `path` holds at least `bytes` (what a stalled transfer let through, read and written by
 * the client at its pace: on a busy machine it lags the proxy). A condition, not a delay.
 */
async function untilFileHolds(path: string, bytes: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const size = () => (existsSync(path) ? statSync(path).size : 0);
  while (size() < bytes) {
    if (Date.now() > deadline) throw new Error(`${path} holds ${size()} bytes, not ${bytes}, after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** What the hub's bundle files look like after the hub's round: applied once, nothing waiting. */
async function hubTakesItOnce(net: Network, town: TestBackend): Promise<void> {
  const atHub = await net.hub.must('sync.now', {});
  expect(atHub.lastError).toBeNull();
  expect(atHub.lastRound).toMatchObject({ received: 1, applied: 1 });
  expectHubHolds(net.hub, town, '041067');
  expect(net.hub.backend.ctx.db.prepare("SELECT count(*) FROM hub_proposal_attachments").pluck().get()).toBe(1);
  expect(net.hub.backend.ctx.db.prepare("SELECT outcome FROM received_bundles WHERE sender_id = '041067'").pluck().all()).toEqual(['applied']);
}

describe('kill -9 in mid-transfer', () => {
  it('the mailbox server killed mid-upload and restarted on its folder and port: the next round sends only the rest, the hub gets it once', async () => {
    const net = await startNetwork({ members: ['041067'] });
    const [town] = net.towns as [TestBackend];
    await largeWork(town);

    // Held 2.5 MiB into the upload's body (two chunks complete at the server, the third half
    // there), the server is killed.
    const heldAt = 2.5 * MiB;
    net.beforeOp = async (op) => {
      if (op !== 'send') return;
      net.beforeOp = null;
      // Every connection: the chunks go on a connection of their own, after the state question's.
      await faultFromNow(net.proxy, { kind: 'stall', direction: 'toServer', afterBytes: heldAt, ms: 60_000 });
      whenFaultFires(net.proxy, () => void net.killMailbox());
    };
    const failed = await town.must('sync.now', {});
    expect(failed.state).toBe('offline');
    expect(failed.lastError?.key).toBe('syncAgent.offline');
    const bundle = spooled(town);
    expect(bundle.state).toBe('spooled');
    expect(bundle.bytes).toBeGreaterThan(ATTACHMENT);

    // What the server had when it died, from its own index (nobody holds it now).
    const index = new Database(join(net.mailboxDir, 'mailbox.sqlite'), { readonly: true });
    const serverHad = index.prepare('SELECT received FROM bundles WHERE sha256 = ?').pluck().get(bundle.sha256) as number;
    index.close();
    expect(serverHad).toBeGreaterThanOrEqual(MAX_CHUNK_BYTES);
    expect(serverHad).toBeLessThan(bundle.bytes);

    await clearFaults(net.proxy);
    await net.startMailbox();
    const before = net.proxy.stats.bytes.toServer;
    const resumed = await town.must('sync.now', {});
    expect(resumed.lastError).toBeNull();
    expect(resumed.lastRound).toMatchObject({ sent: 1 });
    const sentAgain = net.proxy.stats.bytes.toServer - before;
    // What the server had is not sent again; the rest is, with a few requests' headers.
    expect(sentAgain).toBeLessThan(bundle.bytes - serverHad + 16 * 1024);
    expect(sentAgain).toBeGreaterThanOrEqual(bundle.bytes - serverHad);
    expect(spooled(town).state).toBe('uploaded');

    await hubTakesItOnce(net, town);
    await town.must('sync.now', {});
    expectMemberHolds(town, net.hub);
    expect((await net.hub.must('log.verify', {})).ok).toBe(true);
  }, 60_000);

  it('a `cst sync now` process killed when half the bundle has gone: `cst sync now` again completes, sending only the rest; nothing doubled', async () => {
    const net = await startNetwork({ members: ['041067'] });
    let [town] = net.towns as [TestBackend];
    await largeWork(town);
    // The member's folder is now used by `cst` processes only.
    town.backend.close();

    const half = 2.5 * MiB;
    await faultFromNow(net.proxy, { kind: 'stall', direction: 'toServer', afterBytes: half, ms: 60_000 }, { kind: 'stall', direction: 'toServer', afterBytes: half, ms: 60_000 });
    const client = startCst(['sync', 'now', '--data-dir', town.dataDir]);
    whenFaultFires(net.proxy, () => void client.kill('SIGKILL'));
    const killed = await client.exited;
    expect(killed.signal).toBe('SIGKILL');
    await clearFaults(net.proxy);

    const before = net.proxy.stats.bytes.toServer;
    const again = startCst(['sync', 'now', '--data-dir', town.dataDir]);
    const exit = await again.exited;
    expect(exit.code, again.stderr()).toBe(0);
    expect(again.lines().join('\n')).toMatch(/Sincronizzazione riuscita\. Pacchetti inviati: 1/);
    const sentAgain = net.proxy.stats.bytes.toServer - before;

    town = openTestBackend({ dataDir: town.dataDir });
    const bundle = spooled(town);
    expect(bundle.state).toBe('uploaded');
    expect(town.backend.ctx.db.prepare("SELECT count(*) FROM sync_outgoing WHERE recipient = 'hub'").pluck().get()).toBe(1);
    // At least the two chunks the server had before the kill are not sent again.
    expect(sentAgain).toBeLessThan(bundle.bytes - 2 * MAX_CHUNK_BYTES + 16 * 1024);

    await hubTakesItOnce(net, town);
    town.backend.close();
    const last = startCst(['sync', 'now', '--data-dir', town.dataDir]);
    expect((await last.exited).code, last.stderr()).toBe(0);
    town = openTestBackend({ dataDir: town.dataDir });
    expectMemberHolds(town, net.hub);
    expect(head(town)).toBeGreaterThan(0);
    expect((await town.must('log.verify', {})).ok).toBe(true);
  }, 90_000);

  it('the hub\'s `cst sync now` killed in mid-download: nothing imported, the mailbox keeps the file; `cst sync now` again fetches only the rest, applies it once, then the mailbox deletes it', async () => {
    const net = await startNetwork({ members: ['041067'] });
    const [town] = net.towns as [TestBackend];
    await largeWork(town);
    const up = await town.must('sync.now', {});
    expect(up.lastRound).toMatchObject({ sent: 1 });
    const bundle = spooled(town);
    expect(bundle.bytes).toBeGreaterThan(ATTACHMENT);
    const inMailbox = join(net.mailboxDir, 'bundles', `hub-${bundle.sha256}.cstb`);
    expect(existsSync(inMailbox)).toBe(true);
    // The hub's folder is now used by `cst` processes only.
    let hub = net.hub;
    hub.backend.close();
    const incoming = join(hub.dataDir, 'sync', 'incoming');
    const part = join(incoming, `${bundle.sha256}.cstb.part`);

    // Held 2.5 MiB into what the mailbox sends back (the download's body: the inbox's answer is
    // a few hundred bytes); once the client has written what got through, it is killed.
    const heldAt = 2.5 * MiB;
    await faultFromNow(net.proxy, { kind: 'stall', direction: 'toClient', afterBytes: heldAt, ms: 60_000 });
    const client = startCst(['sync', 'now', '--data-dir', hub.dataDir]);
    const held = new Promise<void>((resolve) => whenFaultFires(net.proxy, resolve));
    await held;
    await untilFileHolds(part, heldAt - 16 * 1024);
    await client.kill('SIGKILL');
    const killed = await client.exited;
    expect(killed.signal).toBe('SIGKILL');
    await clearFaults(net.proxy);

    // Half a download on disk, under its `.part` name only; nothing imported; the mailbox keeps the file.
    expect(readdirSync(incoming)).toEqual([`${bundle.sha256}.cstb.part`]);
    const had = statSync(part).size;
    expect(had).toBeGreaterThanOrEqual(heldAt - 16 * 1024);
    expect(had).toBeLessThan(heldAt);
    hub = openTestBackend({ dataDir: hub.dataDir });
    expect(hub.backend.ctx.db.prepare('SELECT count(*) FROM received_bundles').pluck().get()).toBe(0);
    expect(existsSync(join(hub.dataDir, 'inbox', 'archive', `${bundle.sha256}.cstb`))).toBe(false);
    hub.backend.close();
    expect(existsSync(inMailbox)).toBe(true);

    const before = net.proxy.stats.bytes.toClient;
    const again = startCst(['sync', 'now', '--data-dir', hub.dataDir]);
    const exit = await again.exited;
    expect(exit.code, again.stderr()).toBe(0);
    expect(again.lines().join('\n')).toMatch(/Sincronizzazione riuscita\./);
    const fetchedAgain = net.proxy.stats.bytes.toClient - before;
    // What the killed process had written is not downloaded again; the rest is, with a few answers' headers and bodies.
    expect(fetchedAgain).toBeGreaterThanOrEqual(bundle.bytes - had);
    expect(fetchedAgain).toBeLessThan(bundle.bytes - had + 16 * 1024);

    // Applied once, the attachment whole; the mailbox deleted its copy; nothing left in incoming.
    hub = openTestBackend({ dataDir: hub.dataDir });
    expect(hub.backend.ctx.db.prepare('SELECT file_sha256, outcome FROM received_bundles').all()).toEqual([{ file_sha256: bundle.sha256, outcome: 'applied' }]);
    expectHubHolds(hub, town, '041067');
    expect(hub.backend.ctx.db.prepare('SELECT count(*) FROM hub_proposal_attachments').pluck().get()).toBe(1);
    expect(existsSync(inMailbox)).toBe(false);
    expect(readdirSync(incoming)).toEqual([]);
    expect((await hub.must('log.verify', {})).ok).toBe(true);

    // The member gets the hub's acknowledgement (sent by that same round) and its chain holds.
    const back = await town.must('sync.now', {});
    expect(back.lastError).toBeNull();
    expect(back.eventsToSend).toBe(0);
    expect((await town.must('log.verify', {})).ok).toBe(true);
  }, 90_000);
});
