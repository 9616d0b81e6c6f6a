/**
 * The mailbox's nonces are committed with synchronous=NORMAL (docs/sync.md "Nonces"): a replay is
 * still refused after the server is killed with -9 and started again (WAL keeps the commit
 * across a process crash), and the index's other writes keep synchronous=FULL. The speed this
 * buys is shown by `npm run bench -- mailbox-italy`, not asserted here.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadInstallationKeys } from '../../electron/core/sync/identity/keys';
import { MailboxStore } from '../../electron/server/mailbox/store';
import { courierFor, initMailboxFor, rawRequest, rosterFor, signedHeaders, startMailboxProcess, stopTestMailboxes } from '../helpers/mailbox';
import { tempDir } from '../helpers/temp-dir';
import { openHub, openTown } from './hub-helpers';

afterEach(stopTestMailboxes);

describe('the mailbox nonces', () => {
  it('a request replayed after kill -9 and a restart is refused', async () => {
    const hub = await openHub();
    const town = await openTown(hub, '041067');
    const dataDir = await initMailboxFor(hub);
    const first = await startMailboxProcess({ dataDir });
    await courierFor(hub, first.url).publishRoster!(await rosterFor(hub, [town]));
    const port = new URL(first.url).port;
    const headers = signedHeaders(loadInstallationKeys(town.dataDir), { method: 'GET', targetUri: `${first.url}/v1/inbox` });
    expect((await rawRequest(first.url, { method: 'GET', path: '/v1/inbox', headers })).status).toBe(200);
    await first.kill();

    const again = await startMailboxProcess({ dataDir, listen: `127.0.0.1:${port}` });
    const replay = await rawRequest(again.url, { method: 'GET', path: '/v1/inbox', headers });
    expect(replay.status).toBe(401);
    // A fresh request of the same member is served: the refusal is the replay's.
    const fresh = signedHeaders(loadInstallationKeys(town.dataDir), { method: 'GET', targetUri: `${again.url}/v1/inbox` });
    expect((await rawRequest(again.url, { method: 'GET', path: '/v1/inbox', headers: fresh })).status).toBe(200);
  }, 60_000);

  it('a nonce is written with synchronous=NORMAL and leaves the index at FULL', () => {
    const store = MailboxStore.open(join(tempDir(), 'mailbox'));
    try {
      // The level in force when the nonce's INSERT is made (inside its transaction).
      const levels: number[] = [];
      const prepare = store.db.prepare.bind(store.db);
      store.db.prepare = ((sql: string) => {
        if (sql.includes('INTO nonces')) levels.push(prepare('PRAGMA synchronous').pluck().get() as number);
        return prepare(sql);
      }) as typeof store.db.prepare;
      expect(store.useNonce('K', 'n1', 1_000, 600_000)).toBe(true);
      expect(store.useNonce('K', 'n1', 2_000, 600_000)).toBe(false);
      expect(levels).toEqual([1, 1]); // NORMAL while the nonces were written
      expect(store.db.pragma('synchronous', { simple: true })).toBe(2); // FULL again for the bundles
    } finally {
      store.close();
    }
  });
});
