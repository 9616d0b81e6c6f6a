/**
 * The mailbox's memory across requests and restarts (docs/sync.md): the inbox in pages, oldest
 * first; delivered bundles remembered as tombstones for 30 days, then forgotten; an index row
 * whose file vanished dropped at start; signatures over the public URL behind a reverse proxy.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { spawnSync } from 'node:child_process';
import { startMailboxServer } from '../../electron/server/mailbox/server';
import { courierFor, initMailboxFor, rosterFor, signedHeaders, signedRaw, startTestMailbox, stopTestMailboxes } from '../helpers/mailbox';
import type { AddressInfo } from 'node:net';
import { CourierError } from '../../electron/core/sync/network/courier';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadInstallationKeys } from '../../electron/core/sync/identity/keys';
import { tempDir } from '../helpers/temp-dir';
import { openHub, openTown } from './hub-helpers';

afterEach(stopTestMailboxes);

/** A file of random bytes: the mailbox never reads what it carries, only its hash. */
function someFile(bytes = 300) {
  const data = randomBytes(bytes);
  const path = join(tempDir(), 'x.cstb');
  writeFileSync(path, data);
  return { path, bytes, sha256: createHash('sha256').update(data).digest('hex') };
}

async function setup(options: { now?: () => number; publicUrl?: string } = {}) {
  const hub = await openHub();
  const town = await openTown(hub, '041067');
  const mailbox = await startTestMailbox({ hub, ...options });
  const hubCourier = courierFor(hub, mailbox.url);
  return { hub, town, mailbox, hubCourier, townCourier: courierFor(town, mailbox.url), roster: await rosterFor(hub, [town]) };
}

describe('the mailbox index', () => {
  it('lists the inbox oldest first, in pages, also while the reader deletes what it fetched', async () => {
    const { hubCourier, townCourier, roster } = await setup();
    await hubCourier.publishRoster!(roster);
    const files = Array.from({ length: 5 }, () => someFile());
    for (const f of files) await hubCourier.send('041067', f);
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const { items, more } = await townCourier.list(after, 2);
      seen.push(...items.map((i) => i.sha256));
      for (const i of items) await townCourier.remove(i.sha256);
      after = items.at(-1)?.sha256;
      if (!more) break;
    }
    expect(seen).toEqual(files.map((f) => f.sha256));
  });

  it('a delivered bundle is a tombstone for 30 days: a repeat stores nothing; then it is forgotten', async () => {
    let shift = 0;
    const { mailbox, hubCourier, townCourier, roster } = await setup({ now: () => Date.now() + shift });
    await hubCourier.publishRoster!(roster);
    const f = someFile();
    await townCourier.send('hub', f);
    await hubCourier.remove(f.sha256);
    expect(await townCourier.send('hub', f)).toBe('delivered');
    expect((await hubCourier.list()).items).toEqual([]);

    shift = 31 * 24 * 3_600_000;
    await mailbox.restart();
    // The server's clock is now a month ahead of ours: the courier learns it and signs again.
    expect(await townCourier.sendState('hub', f.sha256)).toBe('absent');
    expect(Math.round(townCourier.clockOffsetMs() / 3_600_000)).toBe(31 * 24);
  });

  it('at start, a row whose file is gone is dropped and a stray file removed', async () => {
    const { mailbox, hubCourier, townCourier, roster } = await setup();
    await hubCourier.publishRoster!(roster);
    const kept = someFile();
    const lost = someFile();
    await townCourier.send('hub', kept);
    await townCourier.send('hub', lost);
    await mailbox.close();
    rmSync(join(mailbox.dataDir, 'bundles', `hub-${lost.sha256}.cstb`));
    writeFileSync(join(mailbox.dataDir, 'bundles', `hub-${'b'.repeat(64)}.cstb`), 'stray');
    await mailbox.restart();
    expect((await hubCourier.list()).items.map((i) => i.sha256)).toEqual([kept.sha256]);
    expect(await townCourier.sendState('hub', lost.sha256)).toBe('absent');
  });

  it('behind a reverse proxy the signature covers the public URL (--public-url)', async () => {
    const { mailbox, hub, roster } = await setup({ publicUrl: 'https://mailbox.example.it/' });
    const keys = loadInstallationKeys(hub.dataDir);
    const asProxied = await signedRaw(mailbox.url, keys, { method: 'GET', path: '/v1/roster', targetUri: 'https://mailbox.example.it/v1/roster' });
    expect(asProxied.json).toEqual({ serial: 0, members: 0 });
    const direct = await signedRaw(mailbox.url, keys, { method: 'GET', path: '/v1/roster' });
    expect(direct.status).toBe(401);
    expect(roster.serial).toBe(1);
  });

  it('failures reach the agent as reasons: offline when nothing answers, server for 5xx or garbage', async () => {
    const { mailbox, townCourier } = await setup();
    await mailbox.close();
    const reason = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof CourierError ? e.reason : String(e)));
    expect(await reason(townCourier.list())).toBe('offline');

    const answers = [
      { status: 503, body: '{"error":"busy"}' },
      { status: 200, body: '<html>captive portal</html>' },
    ];
    const fake = createServer((_req, res) => {
      const a = answers.shift() ?? { status: 500, body: '' };
      res.writeHead(a.status, { 'content-type': 'text/html' }).end(a.body);
    });
    await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
    try {
      const { town } = await setup();
      const courier = courierFor(town, `http://127.0.0.1:${(fake.address() as AddressInfo).port}`);
      expect(await reason(courier.list())).toBe('server');
      expect(await reason(courier.list())).toBe('server');
    } finally {
      fake.closeAllConnections();
      await new Promise((r) => fake.close(r));
    }
  });

  it('serves HTTPS with a certificate and key (--tls-cert, --tls-key); signatures cover the https:// URL', async () => {
    const hub = await openHub();
    const dir = tempDir();
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    const cert = readFileSync(join(dir, 'cert.pem'));
    const server = await startMailboxServer({ dataDir: await initMailboxFor(hub), host: '127.0.0.1', port: 0, tls: { cert, key: readFileSync(join(dir, 'key.pem')) }, log: false });
    try {
      expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const headers = signedHeaders(loadInstallationKeys(hub.dataDir), { method: 'GET', targetUri: `${server.url}/v1/roster` });
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const r = httpsRequest(`${server.url}/v1/roster`, { headers, ca: cert, agent: false }, (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (c: string) => void (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        r.on('error', reject);
        r.end();
      });
      expect(answer).toEqual({ status: 200, body: '{"serial":0,"members":0}' });
    } finally {
      await server.close();
    }
  });
});
