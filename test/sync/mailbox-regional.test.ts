/**
 * The regional hub as a party of a province's mailbox (docs/sync.md "Parties and addresses",
 * docs/federation.md "Through the mailbox"): named by the roster's `regional_hub`, it reads only
 * the `regional` inbox and writes, like a member, only to `hub` and only age-encrypted bundles (its
 * own stream for the province); the hub may write to `regional` only while its roster names one;
 * a roster without `regional_hub` is the same bytes as before federation.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { loadInstallationKeys } from '../../electron/core/sync/identity/keys';
import { AGE_MAGIC } from '../../electron/core/format/crypto/age-header';
import { CourierError } from '../../electron/core/sync/network/courier';
import { signRoster } from '../../electron/core/sync/network/roster';
import { courierFor, rosterFor, signedRaw, startTestMailbox, stopTestMailboxes } from '../helpers/mailbox';
import { tempDir } from '../helpers/temp-dir';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openHub, openTown } from './hub-helpers';
import { openRegion } from './federation-helpers';

afterEach(stopTestMailboxes);

function file(text: string) {
  const bytes = Buffer.from(text);
  const path = join(tempDir(), 'f.bin');
  writeFileSync(path, bytes);
  return { path, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}

describe('the regional hub on a province’s mailbox', () => {
  it('reads only the regional inbox, writes only age bundles to the hub; the hub writes there only while its roster names it', { timeout: 60_000 }, async () => {
    const hub = await openHub();
    const town = await openTown(hub, '041067');
    const region = await openRegion();
    const me = await region.must('identity.show', {});
    const mailbox = await startTestMailbox({ hub });
    const hubCourier = courierFor(hub, mailbox.url);
    const regionCourier = courierFor(region, mailbox.url);
    const keys = { region: loadInstallationKeys(region.dataDir), town: loadInstallationKeys(town.dataDir), hub: loadInstallationKeys(hub.dataDir) };

    // A roster without regional_hub: the regional hub is unknown, the hub may not write to `regional`.
    const plain = await rosterFor(hub, [town], 1);
    expect(plain.roster).not.toContain('regional_hub');
    await hubCourier.publishRoster!(plain);
    expect(await regionCourier.list().catch((e: CourierError) => e.reason)).toBe('refused');
    const early = file('early');
    expect(await hubCourier.send('regional', early).catch((e: CourierError) => e.reason)).toBe('refused');

    // The roster names the regional hub.
    const parsed = JSON.parse(plain.roster);
    const named = signRoster({ ...parsed, serial: 2, regional_hub: { id: me.id, name: me.name, signing_key: me.signingKey } }, keys.hub.signing);
    await hubCourier.publishRoster!(named);
    const forRegion = file('for the region');
    expect(await hubCourier.send('regional', forRegion)).toBe('waiting');
    const forTown = file('for the town');
    expect(await hubCourier.send('041067', forTown)).toBe('waiting');

    const inbox = await regionCourier.list();
    expect(inbox.items.map((i) => [i.sha256, i.from])).toEqual([[forRegion.sha256, 'hub']]);
    const peekTown = await signedRaw(mailbox.url, keys.region, { method: 'GET', path: `/v1/inbox/${forTown.sha256}` });
    expect(peekTown.status).toBe(404);
    const body = Buffer.from('hello');
    const range = { 'content-type': 'application/octet-stream', 'content-range': 'bytes 0-4/5' };
    const sha = createHash('sha256').update(body).digest('hex');
    for (const to of ['regional', '041067']) {
      const put = await signedRaw(mailbox.url, keys.region, { method: 'PUT', path: `/v1/send/${to}/${sha}`, body, headers: range });
      expect([put.status, put.json?.error]).toEqual([403, 'recipient_not_allowed']);
    }
    // To the hub: a bundle (age) only; anything else, a roster-like file included, is refused and nothing is stored.
    for (const text of ['hello', '{"roster":"x","signature":"y"}', 'PK\x03\x04 a plain zip']) {
      const f = file(text);
      const put = await signedRaw(mailbox.url, keys.region, { method: 'PUT', path: `/v1/send/hub/${f.sha256}`, body: Buffer.from(text), headers: { ...range, 'content-range': `bytes 0-${f.bytes - 1}/${f.bytes}` } });
      expect([put.status, put.json?.error]).toEqual([415, 'not_a_bundle']);
    }
    expect((await hubCourier.list()).items).toEqual([]);
    const own = file(`${AGE_MAGIC}-> X25519 stanza\n--- mac\npayload`);
    expect(await regionCourier.send('hub', own)).toBe('waiting');
    expect(await regionCourier.sendState('hub', own.sha256)).toBe('waiting');
    expect((await hubCourier.list()).items.map((i) => [i.sha256, i.from])).toEqual([[own.sha256, 'regional']]);
    // Nobody else sees it as theirs: the town asking after it is told `absent`.
    expect(await courierFor(town, mailbox.url).sendState('hub', own.sha256)).toBe('absent');
    await hubCourier.remove(own.sha256);
    expect(await regionCourier.sendState('hub', own.sha256)).toBe('delivered');
    expect((await signedRaw(mailbox.url, keys.region, { method: 'GET', path: '/v1/roster' })).status).toBe(403);
    // A member cannot write to the regional inbox either.
    const townPut = await signedRaw(mailbox.url, keys.town, { method: 'PUT', path: `/v1/send/regional/${sha}`, body, headers: range });
    expect(townPut.status).toBe(403);

    await regionCourier.remove(forRegion.sha256);
    expect(await hubCourier.sendState('regional', forRegion.sha256)).toBe('delivered');

    // A roster without it again: the regional hub is refused at once and what waited for it goes.
    const waiting = file('waiting');
    await hubCourier.send('regional', waiting);
    await hubCourier.publishRoster!(signRoster({ ...parsed, serial: 3 }, keys.hub.signing));
    expect(await regionCourier.list().catch((e: CourierError) => e.reason)).toBe('refused');
    expect(await hubCourier.sendState('regional', waiting.sha256).catch((e: CourierError) => e.reason)).toBe('refused');
    expect(readdirSync(join(mailbox.dataDir, 'bundles')).filter((n) => n.startsWith('regional-'))).toEqual([]);
  });
});
