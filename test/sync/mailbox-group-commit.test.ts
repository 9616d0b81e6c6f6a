/**
 * The group commit of the mailbox's index (electron/server/mailbox/group-commit.ts, docs/sync.md
 * "Limits and behaviour of the server"): requests commit without an fsync of their own and wait,
 * before answering, for one fsync of the WAL that began after their commit, shared by every
 * request that committed meanwhile. Here: the batching itself on a real index, and `kill -9` of
 * the real `cst mailbox serve` while a batch is in flight: after a restart, every upload that was
 * answered `waiting` is in the recipient's inbox and fetches whole.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutgoingFile } from '../../electron/core/sync/network/courier';
import { MailboxStore } from '../../electron/server/mailbox/store';
import { courierFor, initMailboxFor, rosterFor, startMailboxProcess, stopTestMailboxes } from '../helpers/mailbox';
import { tempDir } from '../helpers/temp-dir';
import { openHub, openTown } from './hub-helpers';

afterEach(stopTestMailboxes);

function randomFile(dir: string, bytes: number): OutgoingFile {
  const data = randomBytes(bytes);
  const sha256 = createHash('sha256').update(data).digest('hex');
  const path = join(dir, `${sha256}.cstb`);
  writeFileSync(path, data);
  return { path, sha256, bytes };
}

describe('the group commit of the mailbox index', () => {
  it('one fsync of the WAL covers every commit made while the previous one ran; each waits for one begun after its commit', async () => {
    const dataDir = join(tempDir(), 'mailbox');
    const store = MailboxStore.open(dataDir);
    try {
      store.startUpload({ recipient: 'hub', sha256: 'a'.repeat(64), sender: '041067', sender_key: 'K', bytes: 10 }, 1_000);
      const first = store.durable();
      // Committed while the first fsync runs: none of them may count on it.
      const later: Promise<void>[] = [];
      for (let i = 0; i < 50; i += 1) {
        store.startUpload({ recipient: 'hub', sha256: i.toString(16).padStart(64, '0'), sender: '041067', sender_key: 'K', bytes: 10 }, 1_000);
        later.push(store.durable());
      }
      let laterDone = false;
      void Promise.all(later).then(() => (laterDone = true));
      await first;
      expect(store.groupFlushes).toBe(1);
      expect(laterDone).toBe(false);
      await Promise.all(later);
      // 51 commits, 2 fsyncs.
      expect(store.groupFlushes).toBe(2);
    } finally {
      store.close();
    }
    const again = MailboxStore.open(dataDir);
    try {
      expect(again.allBundles()).toHaveLength(51);
    } finally {
      again.close();
    }
  });

  it('kill -9 while uploads are being committed: after the restart every upload answered `waiting` is there, whole', async () => {
    const hub = await openHub();
    const town = await openTown(hub, '041067');
    const dataDir = await initMailboxFor(hub);
    const first = await startMailboxProcess({ dataDir });
    const port = new URL(first.url).port;
    const hubCourier = courierFor(hub, first.url);
    await hubCourier.publishRoster!(await rosterFor(hub, [town]));

    const dir = tempDir();
    const files = Array.from({ length: 120 }, () => randomFile(dir, 3_000 + Math.floor(Math.random() * 2_000)));
    const answered: string[] = [];
    let killed: Promise<void> | undefined;
    const outcomes = await Promise.allSettled(
      files.map(async (file) => {
        const state = await hubCourier.send('041067', file);
        expect(state).toBe('waiting');
        answered.push(file.sha256);
        if (answered.length === 30) killed = first.kill();
      }),
    );
    await killed;
    // The kill landed with uploads under way.
    expect(answered.length).toBeGreaterThanOrEqual(30);
    expect(outcomes.filter((o) => o.status === 'rejected').length).toBeGreaterThan(0);

    const again = await startMailboxProcess({ dataDir, listen: `127.0.0.1:${port}` });
    const townCourier = courierFor(town, again.url);
    const { items } = await townCourier.list(undefined, 1000);
    const waiting = new Set(items.map((i) => i.sha256));
    for (const sha256 of answered) expect(waiting.has(sha256), sha256).toBe(true);
    // Each fetches whole (the courier checks the SHA-256 of what it received).
    const downloads = tempDir();
    for (const item of items.filter((i) => answered.includes(i.sha256))) await townCourier.fetch(item, join(downloads, `${item.sha256}.cstb`));
    // The restart's sweep: every complete file is one the inbox lists; an upload cut before its
    // end is a partial file cut back to what the index counted (nothing, for one chunk).
    const names = readdirSync(join(dataDir, 'bundles'));
    expect(names.filter((n) => n.endsWith('.cstb')).map((n) => n.slice('041067-'.length, -'.cstb'.length)).sort()).toEqual([...waiting].sort());
    for (const part of names.filter((n) => !n.endsWith('.cstb'))) {
      expect(part).toMatch(/\.part$/);
      expect(statSync(join(dataDir, 'bundles', part)).size).toBe(0);
    }
    await again.stop();
  }, 90_000);
});
