/**
 * Fewer requests per sync (docs/sync.md "Upload", "Batch delete"): a first upload of a one-chunk
 * bundle is one PUT, without asking the upload state first; a repeat still asks and sends no
 * body; the sync round sends `fresh` only what it just spooled, so an upload an earlier round
 * attempted asks the state. The hub's deletes go in one `POST /v1/inbox/delete` per page, with
 * the semantics of DELETE for each id. Requests are counted at the real server's log.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadInstallationKeys } from '../../electron/core/sync/identity/keys';
import { courierFor, rosterFor, signedRaw, startMailboxProcess, startTestMailbox, stopTestMailboxes, until, type MailboxLogLine } from '../helpers/mailbox';
import { tempDir } from '../helpers/temp-dir';
import type { TestBackend } from '../helpers/backend';
import { openHub, openTown } from './hub-helpers';

afterEach(stopTestMailboxes);

const SEND = '/v1/send/:recipient/:sha256';
const BATCH = '/v1/inbox/delete';
const DELETE = '/v1/inbox/:sha256';

async function hubTownsAndMailbox(istats: string[]) {
  const hub = await openHub();
  const towns: TestBackend[] = [];
  for (const istat of istats) {
    const town = await openTown(hub, istat);
    await town.must('usage.record', { service: 'PEC', date: '2026-10-05', quantity: '2' });
    towns.push(town);
  }
  const mailbox = await startTestMailbox({ hub });
  const hubCourier = courierFor(hub, mailbox.url);
  await hubCourier.publishRoster!(await rosterFor(hub, towns));
  return { hub, towns, mailbox, hubCourier };
}

async function exported(town: TestBackend) {
  const [up] = await town.must('bundle.export', { dir: tempDir() });
  return { path: up!.path, sha256: up!.sha256, bytes: up!.bytes };
}

const keyOf = (party: TestBackend) => loadInstallationKeys(party.dataDir).keyId;
/** The request lines a party signed, optionally of one route and method. */
const byKey = (lines: MailboxLogLine[], party: TestBackend) => lines.filter((l) => l.key === keyOf(party));

describe('a first upload skips the state request', () => {
  it('a fresh one-chunk send is one PUT; a repeat asks the state and sends no PUT; a fresh repeat stores nothing twice', async () => {
    const { towns, mailbox } = await hubTownsAndMailbox(['041067']);
    const town = towns[0]!;
    const courier = courierFor(town, mailbox.url);
    const file = await exported(town);

    expect(await courier.send('hub', file, undefined, { fresh: true })).toBe('waiting');
    await until(() => mailbox.requests().length > 1);
    expect(byKey(mailbox.requests(), town).map((l) => [l.method, l.route, l.status])).toEqual([['PUT', SEND, 200]]);

    expect(await courier.send('hub', file)).toBe('waiting');
    await until(() => byKey(mailbox.requests(), town).length === 2);
    expect(byKey(mailbox.requests(), town).slice(1).map((l) => [l.method, l.route])).toEqual([['GET', SEND]]);

    // Fresh by mistake (a restored backup): answered from the index, the file not written again.
    expect(await courier.send('hub', file, undefined, { fresh: true })).toBe('waiting');
    await until(() => byKey(mailbox.requests(), town).length === 3);
    expect(byKey(mailbox.requests(SEND, 'PUT'), town).at(-1)).toMatchObject({ status: 200 });
    expect(readdirSync(join(mailbox.dataDir, 'bundles'))).toEqual([`hub-${file.sha256}.cstb`]);
  });

  it('a fresh send that meets a partial upload follows offset_mismatch and sends only the rest', async () => {
    const { towns, mailbox } = await hubTownsAndMailbox(['041067']);
    const town = towns[0]!;
    const file = await exported(town);
    const chunk = 256;
    const stop = new Error('cable pulled');
    await expect(
      courierFor(town, mailbox.url, { chunkBytes: chunk }).send('hub', file, (done) => {
        if (done >= chunk) throw stop;
      }),
    ).rejects.toBe(stop);
    await until(() => byKey(mailbox.requests(SEND, 'PUT'), town).length === 1);
    const before = mailbox.requests().length;

    expect(await courierFor(town, mailbox.url).send('hub', file, undefined, { fresh: true })).toBe('waiting');
    await until(() => mailbox.requests().length === before + 2);
    const after = mailbox.requests().slice(before);
    expect(after.map((l) => [l.method, l.status])).toEqual([
      ['PUT', 409],
      ['PUT', 200],
    ]);
    expect(after[1]!.in).toBe(file.bytes - chunk);
  });

  it('a sync round sends its new bundle with one PUT; after a round that failed mid-upload, the next asks the state first', async () => {
    const { hub, towns, mailbox } = await hubTownsAndMailbox(['041067', '041068']);
    const [first, second] = towns as [TestBackend, TestBackend];
    for (const p of [hub, first, second]) await p.must('sync.configure', { mailbox: mailbox.url });

    expect((await first.must('sync.now', {})).lastRound).toMatchObject({ sent: 1 });
    await until(() => byKey(mailbox.requests(SEND), first).length === 1);
    expect(byKey(mailbox.requests(SEND), first).map((l) => l.method)).toEqual(['PUT']);

    // The mailbox is down when the second town's round spools and tries its bundle.
    await mailbox.close();
    const failed = await second.must('sync.now', {});
    expect(failed.lastError).not.toBeNull();
    expect(failed.bundlesToSend).toBe(1);
    await mailbox.restart();
    const ok = await second.must('sync.now', {});
    expect(ok.lastError).toBeNull();
    expect(ok.lastRound).toMatchObject({ sent: 1 });
    await until(() => byKey(mailbox.requests(SEND), second).length === 2);
    expect(byKey(mailbox.requests(SEND), second).map((l) => l.method)).toEqual(['GET', 'PUT']);
  }, 60_000);
});

describe('the hub deletes in batches', () => {
  it('one POST removes several bundles, tombstoned; a repeat is fine; another inbox’s bundles stay', async () => {
    const { towns, mailbox, hubCourier } = await hubTownsAndMailbox(['041067', '041068']);
    const sent = [];
    for (const town of towns) {
      const file = await exported(town);
      expect(await courierFor(town, mailbox.url).send('hub', file)).toBe('waiting');
      sent.push(file.sha256);
    }
    const reply = await exported(towns[0]!); // any bytes: a file waiting in the first town's inbox
    expect(await hubCourier.send('041067', reply)).toBe('waiting');

    // A member naming what waits in the hub's inbox and in its neighbour's deletes nothing.
    const other = courierFor(towns[1]!, mailbox.url);
    await other.removeMany([...sent, reply.sha256]);
    expect((await hubCourier.list()).items.map((i) => i.sha256).sort()).toEqual([...sent].sort());
    expect((await courierFor(towns[0]!, mailbox.url).list()).items.map((i) => i.sha256)).toEqual([reply.sha256]);

    const posts = mailbox.requests(BATCH, 'POST').length;
    await hubCourier.removeMany(sent);
    await until(() => mailbox.requests(BATCH, 'POST').length === posts + 1);
    expect(mailbox.requests(BATCH, 'POST').at(-1)).toMatchObject({ status: 204 });
    expect(mailbox.requests(DELETE, 'DELETE')).toEqual([]);
    expect((await hubCourier.list()).items).toEqual([]);
    for (const [i, town] of towns.entries()) expect(await courierFor(town, mailbox.url).sendState('hub', sent[i]!)).toBe('delivered');
    expect(readdirSync(join(mailbox.dataDir, 'bundles'))).toEqual([`041067-${reply.sha256}.cstb`]);

    await hubCourier.removeMany(sent); // gone already
    await until(() => mailbox.requests(BATCH, 'POST').length === posts + 2);
    expect(mailbox.requests(BATCH, 'POST').at(-1)).toMatchObject({ status: 204 });
  });

  it('bad bodies are 400; a body over the limit is 413 unread', async () => {
    const { hub, mailbox } = await hubTownsAndMailbox(['041067']);
    const keys = loadInstallationKeys(hub.dataDir);
    const post = (body: string) => signedRaw(mailbox.url, keys, { method: 'POST', path: BATCH, body: Buffer.from(body), headers: { 'content-type': 'application/json' } });
    const id = (n: number) => n.toString(16).padStart(64, '0');
    for (const bad of [
      '{"sha256":[]}',
      `{"sha256":["${id(1).toUpperCase().replace(/0/g, 'A')}"]}`,
      `{"sha256":["${id(1)}","${id(1)}"]}`,
      `{"sha256":"${id(1)}"}`,
      `{"sha256":["${id(1)}x"]}`,
      `[${JSON.stringify(id(1))}]`,
      'not json',
      JSON.stringify({ sha256: Array.from({ length: 1001 }, (_, i) => id(i)) }),
    ]) {
      const a = await post(bad);
      expect(a.status, bad.slice(0, 80)).toBe(400);
      expect(a.json).toMatchObject({ error: 'bad_request' });
    }
    const big = await post(JSON.stringify({ sha256: [id(1)], pad: 'x'.repeat(200 * 1024) }));
    expect(big.status).toBe(413);
    expect(big.json).toMatchObject({ error: 'too_large' });
    expect((await post(JSON.stringify({ sha256: Array.from({ length: 1000 }, (_, i) => id(i)) }))).status).toBe(204);
  });

  it('a hub round removes the page it imported with one POST', async () => {
    const { hub, towns, mailbox } = await hubTownsAndMailbox(['041067', '041068', '041069']);
    for (const p of [hub, ...towns]) await p.must('sync.configure', { mailbox: mailbox.url });
    for (const town of towns) expect((await town.must('sync.now', {})).lastRound).toMatchObject({ sent: 1 });
    const atHub = await hub.must('sync.now', {});
    expect(atHub.lastError).toBeNull();
    expect(atHub.lastRound).toMatchObject({ received: 3, applied: 3 });
    await until(() => mailbox.requests(BATCH, 'POST').length === 1);
    expect(mailbox.requests(BATCH, 'POST').map((l) => l.status)).toEqual([204]);
    expect(mailbox.requests(DELETE, 'DELETE')).toEqual([]);
    expect((await courierFor(hub, mailbox.url).list()).items).toEqual([]);
  }, 60_000);

  it('survives kill -9 after its 204: the bundles stay delivered after the restart', async () => {
    const hub = await openHub();
    const town = await openTown(hub, '041067');
    const dataDir = (await startTestMailbox({ hub })).dataDir;
    await stopTestMailboxes();
    const served = await startMailboxProcess({ dataDir });
    const hubCourier = courierFor(hub, served.url);
    await hubCourier.publishRoster!(await rosterFor(hub, [town]));
    const townCourier = courierFor(town, served.url);
    const files = [];
    for (const service of ['PEC', 'SITO']) {
      await town.must('usage.record', { service, date: '2026-10-05', quantity: '2' });
      const file = await exported(town);
      expect(await townCourier.send('hub', file)).toBe('waiting');
      files.push(file.sha256);
    }
    await hubCourier.removeMany(files);
    await served.kill();
    const again = await startMailboxProcess({ dataDir });
    expect((await courierFor(hub, again.url).list()).items).toEqual([]);
    for (const sha256 of files) expect(await courierFor(town, again.url).sendState('hub', sha256)).toBe('delivered');
    expect(readdirSync(join(dataDir, 'bundles'))).toEqual([]);
  }, 60_000);
});
