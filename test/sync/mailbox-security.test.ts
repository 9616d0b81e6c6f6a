/**
 * What the mailbox refuses (docs/sync.md, issue "Security"): every signature failure the same
 * 401, the clock said only to a good signature, replays (also after a restart), another member's
 * mailbox, path tricks in ids, oversized and slow bodies, quotas, a member removed from the roster.
 */
import { readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadInstallationKeys } from '../../electron/core/sync/identity/keys';
import { CourierError } from '../../electron/core/sync/network/courier';
import { contentDigest } from '../../electron/core/sync/network/http-signature';
import { courierFor, rawRequest, rosterFor, signedHeaders, signedRaw, startTestMailbox, stopTestMailboxes, type TestMailboxOptions } from '../helpers/mailbox';
import { tempDir } from '../helpers/temp-dir';
import { openHub, openTown } from './hub-helpers';

afterEach(stopTestMailboxes);

const SHA = 'a'.repeat(64);

async function setup(options: Partial<TestMailboxOptions> = {}) {
  const hub = await openHub();
  const town = await openTown(hub, '041067');
  const other = await openTown(hub, '041068');
  await town.must('usage.record', { service: 'PEC', date: '2026-10-05', quantity: '2' });
  const mailbox = await startTestMailbox({ hub, ...options });
  const hubCourier = courierFor(hub, mailbox.url);
  await hubCourier.publishRoster!(await rosterFor(hub, [town, other]));
  return {
    hub,
    town,
    other,
    mailbox,
    hubCourier,
    townCourier: courierFor(town, mailbox.url),
    keys: { hub: loadInstallationKeys(hub.dataDir), town: loadInstallationKeys(town.dataDir), other: loadInstallationKeys(other.dataDir) },
  };
}

/** Status, body and the headers that could tell refusals apart (not Date). */
const shape = (a: { status: number; body: string; headers: Record<string, unknown> }) => ({
  status: a.status,
  body: a.body,
  type: a.headers['content-type'],
  length: a.headers['content-length'],
});

describe('every refusal of a signature looks the same', () => {
  it('unsigned, malformed, unknown key, wrong signature, replayed nonce, digest mismatch: one 401', async () => {
    const { mailbox, keys, hub } = await setup();
    const path = '/v1/inbox';
    const target = `${mailbox.url}${path}`;
    const stranger = loadInstallationKeys((await openTown(hub, '041069')).dataDir); // confirmed by the hub, not on the roster
    const good = signedHeaders(keys.town, { method: 'GET', targetUri: target });

    const unsigned = await rawRequest(mailbox.url, { method: 'GET', path, headers: { 'content-digest': contentDigest() } });
    const malformed = await rawRequest(mailbox.url, { method: 'GET', path, headers: { ...good, signature: 'cst=:not base64!:' } });
    const unknownKey = await signedRaw(mailbox.url, stranger, { method: 'GET', path });
    const wrongSignature = await signedRaw(mailbox.url, keys.town, { method: 'GET', path, targetUri: `${mailbox.url}/v1/inbox?limit=1` });
    const otherKeyClaimed = await rawRequest(mailbox.url, { method: 'GET', path, headers: signedHeaders(keys.other, { method: 'GET', targetUri: target, keyid: keys.town.keyId }) });
    const first = await rawRequest(mailbox.url, { method: 'GET', path, headers: good });
    const replayed = await rawRequest(mailbox.url, { method: 'GET', path, headers: good });
    const badDigest = await signedRaw(mailbox.url, keys.town, { method: 'GET', path, digest: contentDigest(Buffer.from('x')) });
    const bodyNotDigest = await signedRaw(mailbox.url, keys.hub, {
      method: 'PUT',
      path: '/v1/roster',
      body: Buffer.from('{"roster":"x","signature":"y"}'),
      digest: contentDigest(Buffer.from('{}')),
      headers: { 'content-type': 'application/json' },
    });

    expect(first.status).toBe(200);
    const refusals = [unsigned, malformed, unknownKey, wrongSignature, otherKeyClaimed, replayed, badDigest, bodyNotDigest].map(shape);
    for (const r of refusals) expect(r).toEqual(refusals[0]);
    expect(refusals[0]!.status).toBe(401);
    expect(JSON.parse(refusals[0]!.body).error).toBe('unauthorized');
    for (const a of [unsigned, unknownKey, replayed]) expect(Date.parse(a.headers.date as string)).not.toBeNaN();
  });

  it('a replayed request is refused after a restart too (the nonces are in the index)', async () => {
    const { mailbox, keys } = await setup();
    const headers = signedHeaders(keys.town, { method: 'GET', targetUri: `${mailbox.url}/v1/inbox` });
    expect((await rawRequest(mailbox.url, { method: 'GET', path: '/v1/inbox', headers })).status).toBe(200);
    await mailbox.restart();
    const again = await rawRequest(mailbox.url, { method: 'GET', path: '/v1/inbox', headers });
    expect(again.status).toBe(401);
    expect(again.json?.error).toBe('unauthorized');
  });

  it('a clock an hour off: the server says its time (only to a good signature); the courier adjusts, both ways', async () => {
    const { mailbox, keys, town, hub } = await setup();
    const hourAhead = Math.floor(Date.now() / 1000) + 3600;
    const skewed = await signedRaw(mailbox.url, keys.town, { method: 'GET', path: '/v1/inbox', created: hourAhead });
    expect(skewed.status).toBe(401);
    expect(skewed.json?.error).toBe('clock_skew');
    expect(Math.abs(Date.parse(skewed.json?.server_time as string) - Date.now())).toBeLessThan(60_000);
    const stranger = loadInstallationKeys((await openTown(hub, '041069')).dataDir);
    const strangerSkewed = await signedRaw(mailbox.url, stranger, { method: 'GET', path: '/v1/inbox', created: hourAhead });
    expect(strangerSkewed.json?.error).toBe('unauthorized');

    const [up] = await town.must('bundle.export', { dir: tempDir() });
    for (const shift of [3_600_000, -3_600_000]) {
      const courier = courierFor(town, mailbox.url, { now: () => Date.now() + shift });
      expect(await courier.sendState('hub', up!.sha256)).toMatch(/absent|waiting/);
      expect(Math.abs(courier.clockOffsetMs() + shift)).toBeLessThan(60_000);
      expect(await courier.send('hub', { path: up!.path, sha256: up!.sha256, bytes: up!.bytes })).toBe('waiting');
    }
  });
});

describe('what a signer may reach', () => {
  it("another member's mailbox: not readable, not writable; the hub only to members on its roster", async () => {
    const { hub, mailbox, keys, hubCourier, townCourier } = await setup();
    const [forOther] = await hub.must('bundle.export', { dir: tempDir(), for: '041068' });
    await hubCourier.send('041068', { path: forOther!.path, sha256: forOther!.sha256, bytes: forOther!.bytes });

    expect((await townCourier.list()).items).toEqual([]);
    const peek = await signedRaw(mailbox.url, keys.town, { method: 'GET', path: `/v1/inbox/${forOther!.sha256}` });
    expect(peek.status).toBe(404);
    const del = await signedRaw(mailbox.url, keys.town, { method: 'DELETE', path: `/v1/inbox/${forOther!.sha256}` });
    expect(del.status).toBe(204);
    expect((await courierFor({ dataDir: (await openTown(hub, '041070')).dataDir }, mailbox.url).list().catch((e: CourierError) => e.reason))).toBe('refused');
    expect((await signedRaw(mailbox.url, keys.other, { method: 'GET', path: '/v1/inbox' })).json?.items).toHaveLength(1); // still there

    const body = Buffer.from('hello');
    const range = { 'content-type': 'application/octet-stream', 'content-range': 'bytes 0-4/5' };
    const toOther = await signedRaw(mailbox.url, keys.town, { method: 'PUT', path: `/v1/send/041068/${SHA}`, body, headers: range });
    const hubToUnknown = await signedRaw(mailbox.url, keys.hub, { method: 'PUT', path: `/v1/send/999999/${SHA}`, body, headers: range });
    const hubToMember = await signedRaw(mailbox.url, keys.hub, { method: 'GET', path: `/v1/send/041067/${SHA}` });
    const hubToSelf = await signedRaw(mailbox.url, keys.hub, { method: 'PUT', path: `/v1/send/hub/${SHA}`, body, headers: range });
    for (const a of [toOther, hubToUnknown, hubToSelf]) expect([a.status, a.json?.error]).toEqual([403, 'recipient_not_allowed']);
    expect(hubToMember.json).toEqual({ state: 'absent', received: 0, total: 0 });
    const memberRoster = await signedRaw(mailbox.url, keys.town, { method: 'GET', path: '/v1/roster' });
    expect(memberRoster.status).toBe(403);
  });

  it('path tricks in ids are 404 before any lookup', async () => {
    const { mailbox, keys } = await setup();
    const paths = [
      `/v1/send/hub/..`,
      `/v1/send/hub/%2e%2e`,
      `/v1/send/%2e%2e/${SHA}`,
      `/v1/send/..%2fbundles/${SHA}`,
      `/v1/send/hub/${SHA}/..`,
      `/v1/send/hub/${SHA.toUpperCase()}`,
      `/v1/send/HUB/${SHA}`,
      `/v1/send/04106/${SHA}`,
      `/v1/send/0410670/${SHA}`,
      `/v1/send/hub/${SHA}%00`,
      `/v1/inbox/..%2f..%2fmailbox.sqlite`,
      `/v1/inbox/${SHA.slice(1)}`,
      `/v1/inbox/${SHA}/x`,
      `/v1/../mailbox.sqlite`,
      `/bundles/hub-${SHA}.cstb`,
    ];
    for (const path of paths) {
      const a = await signedRaw(mailbox.url, keys.town, { method: 'GET', path });
      expect([path, a.status, a.json?.error]).toEqual([path, 404, 'not_found']);
    }
  });

  it('a member removed from the roster is refused at once, and what waited for it is deleted', async () => {
    const { hub, town, other, mailbox, hubCourier, townCourier } = await setup();
    const [forTown] = await hub.must('bundle.export', { dir: tempDir(), for: '041067' });
    await hubCourier.send('041067', { path: forTown!.path, sha256: forTown!.sha256, bytes: forTown!.bytes });
    expect((await townCourier.list()).items).toHaveLength(1);
    expect(readdirSync(join(mailbox.dataDir, 'bundles'))).toEqual([`041067-${forTown!.sha256}.cstb`]);

    await hubCourier.publishRoster!(await rosterFor(hub, [other], 2));
    const err = await townCourier.list().catch((e: unknown) => e);
    expect((err as CourierError).reason).toBe('refused');
    expect(readdirSync(join(mailbox.dataDir, 'bundles'))).toEqual([]);
    const sendAgain = await hubCourier.send('041067', { path: forTown!.path, sha256: forTown!.sha256, bytes: forTown!.bytes }).catch((e: CourierError) => e.reason);
    expect(sendAgain).toBe('refused');
    // An older roster is not taken back.
    const stale = await signedRaw(mailbox.url, loadInstallationKeys(hub.dataDir), {
      method: 'PUT',
      path: '/v1/roster',
      body: Buffer.from(JSON.stringify(await rosterFor(hub, [town, other], 1))),
      headers: { 'content-type': 'application/json' },
    });
    expect([stale.status, stale.json?.error]).toEqual([409, 'stale_roster']);
    const notHubs = await signedRaw(mailbox.url, loadInstallationKeys(hub.dataDir), {
      method: 'PUT',
      path: '/v1/roster',
      body: Buffer.from(JSON.stringify({ ...(await rosterFor(hub, [town], 3)), signature: (await rosterFor(hub, [town], 4)).signature })),
      headers: { 'content-type': 'application/json' },
    });
    expect([notHubs.status, notHubs.json?.error]).toEqual([400, 'bad_roster']);
  });
});

describe('bodies, uploads and quotas', () => {
  it('a chunk announced over 1 MiB is 413 before a byte of it is sent', async () => {
    const { mailbox, keys } = await setup();
    const path = `/v1/send/hub/${SHA}`;
    const headers = signedHeaders(keys.town, { method: 'PUT', targetUri: `${mailbox.url}${path}`, body: Buffer.alloc(0) });
    const { port } = new URL(mailbox.url);
    const socket = connect(Number(port), '127.0.0.1');
    const head = [`PUT ${path} HTTP/1.1`, `Host: 127.0.0.1:${port}`, 'Content-Type: application/octet-stream', `Content-Length: ${10 * 1024 ** 3}`, 'Content-Range: bytes 0-10737418239/10737418240'];
    for (const [k, v] of Object.entries(headers)) head.push(`${k}: ${v}`);
    socket.write(`${head.join('\r\n')}\r\n\r\n`);
    // No body is ever written: the answer must come anyway.
    const answer = await new Promise<string>((resolve, reject) => {
      let text = '';
      const timer = setTimeout(() => reject(new Error(`no answer: ${text}`)), 10_000);
      socket.setEncoding('utf8').on('data', (s: string) => {
        text += s;
        if (text.includes('}')) {
          clearTimeout(timer);
          resolve(text);
        }
      });
      socket.on('error', reject);
    });
    socket.destroy();
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
    expect(answer).toMatch(/\r\ndate: /i);
    expect(answer).toContain('"error":"too_large"');
  });

  it('a bundle over the limit, a chunk at the wrong offset, a file that does not hash to its name', async () => {
    const { mailbox, keys } = await setup({ limits: { bundleBytes: 1000 } });
    const send = (range: string, body: Buffer, sha = SHA) =>
      signedRaw(mailbox.url, keys.town, { method: 'PUT', path: `/v1/send/hub/${sha}`, body, headers: { 'content-type': 'application/octet-stream', 'content-range': range } });
    expect((await send('bytes 0-4/1001', Buffer.from('hello'))).status).toBe(413);
    expect((await send('bytes 5-9/10', Buffer.from('hello'))).json).toMatchObject({ error: 'offset_mismatch', received: 0 });
    expect((await send('bytes 0-4/10', Buffer.from('hello'))).json).toEqual({ state: 'partial', received: 5 });
    expect((await send('bytes 0-4/10', Buffer.from('hello'))).json).toMatchObject({ error: 'offset_mismatch', received: 5 });
    expect((await send('bytes 0-3/10', Buffer.from('hello'))).status).toBe(400);
    const wrong = await send('bytes 5-9/10', Buffer.from('world'));
    expect([wrong.status, wrong.json?.error]).toEqual([422, 'sha256_mismatch']);
    expect(readdirSync(join(mailbox.dataDir, 'bundles'))).toEqual([]);
    expect((await signedRaw(mailbox.url, keys.town, { method: 'GET', path: `/v1/send/hub/${SHA}` })).json?.state).toBe('absent');
  });

  it('a sender over its quota gets 429 with Retry-After; the courier says quota', async () => {
    const { town, mailbox, townCourier, keys } = await setup({ limits: { memberCount: 1, quotaRetryAfterSeconds: 77 } });
    const [first] = await town.must('bundle.export', { dir: tempDir() });
    await townCourier.send('hub', { path: first!.path, sha256: first!.sha256, bytes: first!.bytes });
    await town.must('usage.record', { service: 'PEC', date: '2026-10-06', quantity: '1' });
    const [second] = await town.must('bundle.export', { dir: tempDir() });
    expect(second!.sha256).not.toBe(first!.sha256);
    const err = await townCourier.send('hub', { path: second!.path, sha256: second!.sha256, bytes: second!.bytes }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CourierError);
    expect([(err as CourierError).reason, (err as CourierError).retryAfterSeconds]).toEqual(['quota', 77]);
    const raw = await signedRaw(mailbox.url, keys.town, {
      method: 'PUT',
      path: `/v1/send/hub/${SHA}`,
      body: Buffer.from('x'),
      headers: { 'content-type': 'application/octet-stream', 'content-range': 'bytes 0-0/1' },
    });
    expect([raw.status, raw.headers['retry-after'], raw.json?.error]).toEqual([429, '77', 'quota']);
    // Bytes count too: what waits (the first bundle) plus the new one over the limit.
    await mailbox.restart({ limits: { memberCount: 100, memberBytes: first!.bytes + 10, quotaRetryAfterSeconds: 77 } });
    const big = await signedRaw(mailbox.url, keys.town, {
      method: 'PUT',
      path: `/v1/send/hub/${SHA}`,
      body: Buffer.from('x'),
      headers: { 'content-type': 'application/octet-stream', 'content-range': 'bytes 0-0/11' },
    });
    expect([big.status, big.json?.error]).toEqual([429, 'quota']);
    const fits = await signedRaw(mailbox.url, keys.town, {
      method: 'PUT',
      path: `/v1/send/hub/${SHA}`,
      body: Buffer.from('x'),
      headers: { 'content-type': 'application/octet-stream', 'content-range': 'bytes 0-0/10' },
    });
    expect(fits.json).toEqual({ state: 'partial', received: 1 });
  });

  it('a slow body is cut by the request timeout', async () => {
    const { mailbox, keys } = await setup({ limits: { requestTimeoutMs: 1000, headersTimeoutMs: 1000, timeoutCheckMs: 100 } });
    const path = `/v1/send/hub/${SHA}`;
    const headers = signedHeaders(keys.town, { method: 'PUT', targetUri: `${mailbox.url}${path}`, body: Buffer.alloc(100) });
    const { port } = new URL(mailbox.url);
    const socket = connect(Number(port), '127.0.0.1');
    const head = [`PUT ${path} HTTP/1.1`, `Host: 127.0.0.1:${port}`, 'Content-Type: application/octet-stream', 'Content-Length: 100', 'Content-Range: bytes 0-99/100'];
    for (const [k, v] of Object.entries(headers)) head.push(`${k}: ${v}`);
    socket.write(`${head.join('\r\n')}\r\n\r\n${'x'.repeat(10)}`);
    // Then nothing more: the server must end the exchange by itself.
    const ended = await new Promise<string>((resolve) => {
      let text = '';
      const timer = setTimeout(() => resolve(`still open: ${text}`), 15_000);
      socket.setEncoding('utf8').on('data', (s: string) => void (text += s));
      socket.on('close', () => {
        clearTimeout(timer);
        resolve(text);
      });
      socket.on('error', () => undefined);
    });
    socket.destroy();
    expect(ended).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('health is unsigned and says nothing personal; every answer carries Date', async () => {
    const { mailbox } = await setup();
    const health = await rawRequest(mailbox.url, { method: 'GET', path: '/v1/health' });
    expect(health.status).toBe(200);
    expect(Object.keys(health.json ?? {}).sort()).toEqual(['status', 'time', 'version']);
    expect(health.headers.date).toBeDefined();
    const missing = await rawRequest(mailbox.url, { method: 'GET', path: '/nothing' });
    expect([missing.status, missing.headers.date !== undefined]).toEqual([404, true]);
    // The log has route patterns, never a URL with an ISTAT code or a name.
    const text = JSON.stringify(mailbox.logs);
    expect(text).not.toContain('041067');
    expect(text).not.toContain('Urbino');
    expect(mailbox.requests('/v1/health')[0]).toMatchObject({ method: 'GET', status: 200 });
  });
});
