/**
 * Real bundles through the real mailbox (docs/sync.md): a member's bundle to the hub and the
 * hub's reply back, through the courier, imported by the ordinary import; uploads and
 * downloads that stop and resume sending only the rest; repeats that store nothing twice.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CourierError } from '../../electron/core/sync/network/courier';
import { courierFor, rosterFor, startTestMailbox, stopTestMailboxes, until } from '../helpers/mailbox';
import { tempDir } from '../helpers/temp-dir';
import { openHub, openTown } from './hub-helpers';

afterEach(stopTestMailboxes);

async function hubTownAndMailbox(options: Parameters<typeof startTestMailbox>[0] extends infer O ? Partial<O> : never = {}) {
  const hub = await openHub();
  const town = await openTown(hub, '041067');
  await town.must('usage.record', { service: 'PEC', date: '2026-10-05', quantity: '2' });
  const mailbox = await startTestMailbox({ hub, ...options });
  const hubCourier = courierFor(hub, mailbox.url);
  await hubCourier.publishRoster!(await rosterFor(hub, [town]));
  return { hub, town, mailbox, hubCourier, townCourier: courierFor(town, mailbox.url) };
}

const SEND = '/v1/send/:recipient/:sha256';
const FETCH = '/v1/inbox/:sha256';

describe('the mailbox carries real bundles', () => {
  it('member → hub and hub → member, imported by the ordinary import', async () => {
    const { hub, town, hubCourier, townCourier } = await hubTownAndMailbox();
    const [up] = await town.must('bundle.export', { dir: tempDir() });
    const progress: number[] = [];
    expect(await townCourier.send('hub', { path: up!.path, sha256: up!.sha256, bytes: up!.bytes }, (done) => progress.push(done))).toBe('waiting');
    expect(progress.at(-1)).toBe(up!.bytes);
    expect(await townCourier.sendState('hub', up!.sha256)).toBe('waiting');

    const inbox = await hubCourier.list();
    expect(inbox.items).toEqual([{ sha256: up!.sha256, bytes: up!.bytes, from: '041067', receivedAt: expect.any(String) }]);
    const dest = join(tempDir(), `${up!.sha256}.cstb`);
    await hubCourier.fetch(inbox.items[0]!, dest);
    expect(readFileSync(dest).equals(readFileSync(up!.path))).toBe(true);
    const [imported] = await hub.must('bundle.import', { files: [{ path: dest }] });
    expect(imported!.outcome).toBe('applied');
    await hubCourier.remove(up!.sha256);
    expect((await hubCourier.list()).items).toEqual([]);
    expect(await townCourier.sendState('hub', up!.sha256)).toBe('delivered');

    const [down] = await hub.must('bundle.export', { dir: tempDir(), for: '041067' });
    expect(await hubCourier.send('041067', { path: down!.path, sha256: down!.sha256, bytes: down!.bytes })).toBe('waiting');
    const mine = await townCourier.list();
    expect(mine.items.map((i) => [i.sha256, i.from])).toEqual([[down!.sha256, 'hub']]);
    const back = join(tempDir(), 'reply.cstb');
    await townCourier.fetch(mine.items[0]!, back);
    const [applied] = await town.must('bundle.import', { files: [{ path: back }] });
    expect(applied!.outcome).toBe('applied');
    await townCourier.remove(down!.sha256);
    await townCourier.remove(down!.sha256); // gone already is fine
  });

  it('an upload stopped at a chunk boundary resumes and sends only the rest; a repeat stores nothing', async () => {
    const { town, mailbox, townCourier } = await hubTownAndMailbox();
    const [up] = await town.must('bundle.export', { dir: tempDir() });
    const file = { path: up!.path, sha256: up!.sha256, bytes: up!.bytes };
    const chunk = 256;
    expect(file.bytes).toBeGreaterThan(3 * chunk);
    const small = courierFor(town, mailbox.url, { chunkBytes: chunk });
    const stop = new Error('cable pulled');
    await expect(
      small.send('hub', file, (done) => {
        if (done >= 2 * chunk) throw stop;
      }),
    ).rejects.toBe(stop);
    expect(await small.sendState('hub', file.sha256)).toBe('partial');
    const before = mailbox.requests(SEND, 'PUT').length;
    expect(before).toBe(2);

    expect(await small.send('hub', file)).toBe('waiting');
    await until(() => mailbox.requests(SEND, 'PUT').at(-1)?.status === 200 && mailbox.requests(SEND, 'PUT').length >= before + Math.ceil((file.bytes - 2 * chunk) / chunk));
    const resumed = mailbox.requests(SEND, 'PUT').slice(before);
    expect(resumed.reduce((n, l) => n + (l.in ?? 0), 0)).toBe(file.bytes - 2 * chunk);

    // The same file again: answered from the index, nothing sent.
    const again = mailbox.requests(SEND, 'PUT').length;
    expect(await townCourier.send('hub', file)).toBe('waiting');
    expect(mailbox.requests(SEND, 'PUT').length).toBe(again);
    expect(readdirSync(join(mailbox.dataDir, 'bundles'))).toEqual([`hub-${file.sha256}.cstb`]);
  });

  it('a download stopped mid-way resumes from the .part file and receives only the rest', async () => {
    const { town, mailbox, hubCourier, townCourier } = await hubTownAndMailbox();
    const [up] = await town.must('bundle.export', { dir: tempDir() });
    await townCourier.send('hub', { path: up!.path, sha256: up!.sha256, bytes: up!.bytes });
    const [item] = (await hubCourier.list()).items;
    const dest = join(tempDir(), 'in.cstb');
    const stop = new Error('line dropped');
    await expect(
      hubCourier.fetch(item!, dest, (done) => {
        if (done > 0) throw stop;
      }),
    ).rejects.toBe(stop);
    expect(existsSync(dest)).toBe(false);
    const kept = statSync(`${dest}.part`).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(item!.bytes);

    // Cut it shorter still, as a half-written last piece would be: the resume starts from what is on disk.
    const half = Math.floor(item!.bytes / 2);
    writeFileSync(`${dest}.part`, readFileSync(`${dest}.part`).subarray(0, Math.min(kept, half)));
    const have = statSync(`${dest}.part`).size;
    await hubCourier.fetch(item!, dest);
    expect(readFileSync(dest).equals(readFileSync(up!.path))).toBe(true);
    expect(existsSync(`${dest}.part`)).toBe(false);
    await until(() => mailbox.requests(FETCH, 'GET').length === 2);
    const last = mailbox.requests(FETCH, 'GET').at(-1)!;
    expect(last.status).toBe(206);
    expect(last.out).toBe(item!.bytes - have);
  });

  it('a .part that does not hash to the name is discarded: corrupt, and the next fetch starts over', async () => {
    const { town, hubCourier, townCourier } = await hubTownAndMailbox();
    const [up] = await town.must('bundle.export', { dir: tempDir() });
    await townCourier.send('hub', { path: up!.path, sha256: up!.sha256, bytes: up!.bytes });
    const [item] = (await hubCourier.list()).items;
    const dest = join(tempDir(), 'in.cstb');
    writeFileSync(`${dest}.part`, Buffer.alloc(10, 0x41));
    const err = await hubCourier.fetch(item!, dest).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CourierError);
    expect((err as CourierError).reason).toBe('corrupt');
    expect(existsSync(`${dest}.part`)).toBe(false);
    await hubCourier.fetch(item!, dest);
    expect(readFileSync(dest).equals(readFileSync(up!.path))).toBe(true);
  });
});
