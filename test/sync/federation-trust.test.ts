/**
 * Federation's trust (docs/federation.md): a provincial hub cannot alter a member's bundle
 * (E_DIGEST, E_SIGNATURE, the province named), cannot vouch for a member on another province's
 * behalf, and a member not on a province's signed roster is not applied; a member's bundle
 * encrypted to both hubs opens with the standard `age` CLI for each identity.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ageDecrypt, ageEncrypt } from '../../electron/core/format/crypto/age';
import { openZip } from '../../electron/core/format/container/zip-reader';
import { writeZip } from '../../electron/core/format/container/zip-writer';
import { loadInstallationKeys } from '../../electron/core/sync/identity/keys';
import { findPeer } from '../../electron/core/sync/peers/peers-store';
import { tempDir } from '../helpers/temp-dir';
import { ITALIAN_WORDS } from '../helpers/italian-words';
import { apiErrorText } from '../../shared/errors/catalogue';
import type { TestBackend } from '../helpers/backend';
import { townToHub } from './hub-helpers';
import { linkProvince, openMember, openProvince, openRegion, replyTo } from './federation-helpers';

const ANY_ENTRY = { allowedNames: () => true, maxEntries: 1000, maxEntryBytes: () => 1 << 28, maxTotalBytes: 1 << 28 };

/** A province that reports to the region, and a member that learnt of the region. */
async function provinceWithMember(region: TestBackend, id = 'CST-PU', province = 'PU', istat = '041067') {
  const hub = await openProvince(id, province);
  await linkProvince(region, hub);
  const town = await openMember(hub, istat);
  await replyTo(hub, town, istat);
  return { hub, town };
}

/** The one forwarded file in a folder written by federation.forward. */
function forwardedFile(dir: string): string {
  const names = readdirSync(join(dir, 'bundles'));
  expect(names).toHaveLength(1);
  return join(dir, 'bundles', names[0]!);
}

/**
 * What a dishonest provincial hub can do with a bundle encrypted to it: open it, change an
 * entry, zip and encrypt it again to both hubs. It cannot sign as the member.
 */
function tamper(file: string, province: TestBackend, region: TestBackend, change: (name: string, data: Buffer) => Buffer): void {
  const keys = loadInstallationKeys(province.dataDir);
  const zip = openZip(ageDecrypt(readFileSync(file), [keys.ageIdentity]), ANY_ENTRY);
  const entries = zip.entries.map((e) => ({ name: e.name, data: change(e.name, zip.readEntry(e.name)) }));
  const bytes = ageEncrypt(writeZip(entries), [keys.ageRecipient, loadInstallationKeys(region.dataDir).ageRecipient]);
  rmSync(file);
  writeFileSync(join(file, '..', `${createHash('sha256').update(bytes).digest('hex')}.cstb`), bytes);
}

describe('federation: what a provincial hub cannot do', () => {
  it('a forwarded bundle altered by the province is refused (E_DIGEST, E_SIGNATURE) and the province named; the genuine one applies', { timeout: 60_000 }, async () => {
    const region = await openRegion();
    const { hub, town } = await provinceWithMember(region);
    await town.must('usage.record', { service: 'PEC', date: '2026-10-05', quantity: '3' });
    await townToHub(town, hub);
    const genuine = tempDir();
    await hub.must('federation.forward', { dir: genuine });

    const cases: [string, (name: string, data: Buffer) => Buffer][] = [
      ['E_DIGEST', (name, data) => (name === 'events.ndjson' ? Buffer.from(data.toString('utf8').replace('"quantity_milli":3000', '"quantity_milli":30000')) : data)],
      ['E_SIGNATURE', (name, data) => (name === 'manifest.json' ? Buffer.from(data.toString('utf8').replace(/"created_at":"[^"]+"/, '"created_at":"2026-01-01T00:00:00.000Z"')) : data)],
    ];
    for (const [code, change] of cases) {
      const dir = tempDir();
      await hub.must('federation.forward', { dir, all: true });
      const before = readFileSync(forwardedFile(dir));
      tamper(forwardedFile(dir), hub, region, change);
      expect(readFileSync(forwardedFile(dir)).equals(before)).toBe(false);
      const r = await region.must('federation.import', { dir });
      expect(r.results).toHaveLength(1);
      expect(r.results[0]).toMatchObject({ outcome: 'refused', code, forwardedBy: { id: 'CST-PU', name: 'Consorzio PU' }, sender: { kind: 'municipality', id: '041067' } });
      expect(r.province).toEqual({ id: 'CST-PU', name: 'Consorzio PU' });
      expect(findPeer(region.backend.ctx.db, 'municipality', '041067')!.appliedSeq).toBe(0);
    }
    const ok = await region.must('federation.import', { dir: genuine });
    expect(ok.results[0]).toMatchObject({ outcome: 'applied', code: null });
    // Inspected on the region, the forwarded file verifies as its import did (not E_RECIPIENT).
    const seen = await region.must('bundle.inspect', { path: forwardedFile(genuine) });
    expect(seen).toMatchObject({ ok: true, code: null });
    expect(seen.steps.find((st) => st.step === 5)).toMatchObject({ status: 'ok', detail: expect.stringContaining('inoltrato') });
    expect(findPeer(region.backend.ctx.db, 'municipality', '041067')!.appliedSeq).toBeGreaterThan(0);
  });

  it('a member not on the province’s roster is not applied until a roster vouches for it; one dropped from the roster stops', { timeout: 60_000 }, async () => {
    const region = await openRegion();
    const { hub, town: urbino } = await provinceWithMember(region);
    await urbino.must('usage.record', { service: 'PEC', date: '2026-10-05', quantity: '3' });
    await townToHub(urbino, hub);
    const first = tempDir();
    await hub.must('federation.forward', { dir: first }); // roster: Urbino only

    const pesaro = await openMember(hub, '041044');
    await replyTo(hub, pesaro, '041044');
    await pesaro.must('usage.record', { service: 'PEC', date: '2026-10-06', quantity: '1' });
    await townToHub(pesaro, hub);
    const second = tempDir();
    await hub.must('federation.forward', { dir: second }); // roster: Urbino and Pesaro; Pesaro's bundle

    // Pesaro's bundle beside the older roster that does not name it.
    const mixed = tempDir();
    mkdirSync(join(mixed, 'bundles'));
    for (const f of ['roster.json', 'roster.json.minisig']) copyFileSync(join(first, f), join(mixed, f));
    const pesaroFile = forwardedFile(second);
    copyFileSync(pesaroFile, join(mixed, 'bundles', pesaroFile.split('/').pop()!));
    const refused = await region.must('federation.import', { dir: mixed });
    expect(refused.roster).toMatchObject({ taken: true, added: ['041067'] });
    expect(refused.results[0]).toMatchObject({ outcome: 'kept', code: 'E_UNKNOWN_SENDER', forwardedBy: { id: 'CST-PU' } });
    expect(refused.results[0]!.detail).toMatch(/vouched for by hub CST-PU/);
    expect((await region.must('federation.roster', { province: 'CST-PU' })).map((m) => m.istat)).toEqual(['041067']);

    // The province's next roster vouches for Pesaro: the kept bundle applies.
    const taken = await region.must('federation.import', { dir: second });
    expect(taken.roster).toMatchObject({ taken: true, added: ['041044'], vouched: 2 });
    expect(findPeer(region.backend.ctx.db, 'municipality', '041044')!.appliedSeq).toBeGreaterThan(0);

    // An old roster arriving late changes nothing.
    const late = await region.must('federation.import', { dir: first });
    expect(late.roster).toMatchObject({ taken: false, vouched: 2 });

    // The province withdraws Pesaro (no longer confirmed there): its roster drops it, and the
    // region keeps (does not apply) Pesaro's next bundle forwarded by anyone.
    hub.backend.ctx.db.prepare("UPDATE peers SET status = 'pending' WHERE kind = 'municipality' AND id = '041044'").run();
    await pesaro.must('usage.record', { service: 'PEC', date: '2026-10-07', quantity: '1' });
    const [exp] = await pesaro.must('bundle.export', { dir: tempDir() });
    const dropped = tempDir();
    await hub.must('federation.forward', { dir: dropped });
    mkdirSync(join(dropped, 'bundles'), { recursive: true });
    copyFileSync(exp!.path, join(dropped, 'bundles', `${exp!.sha256}.cstb`));
    const after = await region.must('federation.import', { dir: dropped });
    expect(after.roster).toMatchObject({ taken: true, removed: ['041044'], vouched: 1 });
    expect(after.results.find((r) => r.sha256 === exp!.sha256)).toMatchObject({ outcome: 'kept', code: 'E_UNKNOWN_SENDER' });
    expect((await region.must('federation.roster', { province: 'CST-PU' })).find((m) => m.istat === '041044')).toMatchObject({ vouched: false });
  });

  it('a province cannot vouch for another province’s member, nor pass a roster it did not sign', { timeout: 60_000 }, async () => {
    const region = await openRegion();
    const { hub: pu, town: urbino } = await provinceWithMember(region);
    await urbino.must('usage.record', { service: 'PEC', date: '2026-10-05', quantity: '3' });
    await townToHub(urbino, pu);
    const fromPu = tempDir();
    await pu.must('federation.forward', { dir: fromPu });
    await region.must('federation.import', { dir: fromPu });

    // Another province enrols Urbino's keys too (a municipality of one province only).
    const an = await openProvince('CST-AN', 'AN');
    await linkProvince(region, an);
    const urbinoPeer = findPeer(pu.backend.ctx.db, 'municipality', '041067')!;
    an.backend.ctx.db
      .prepare(
        `INSERT INTO peers (kind, id, name, signing_key, key_id, age_recipient, fingerprint, identity_created_at, status, imported_at)
         VALUES ('municipality', '041067', 'Urbino', ?, ?, ?, ?, '2026-11-26T09:00:00.000Z', 'confirmed', '2026-11-26T09:00:00.000Z')`,
      )
      .run(urbinoPeer.signingKey, urbinoPeer.keyId, urbinoPeer.ageRecipient, urbinoPeer.fingerprint);
    const fromAn = tempDir();
    await an.must('federation.forward', { dir: fromAn });
    const r = await region.must('federation.import', { dir: fromAn });
    expect(r.roster.refused).toEqual([{ istat: '041067', reason: expect.stringMatching(/CST-PU/) }]);
    expect((await region.must('federation.roster', { province: 'CST-AN' })).map((m) => m.istat)).toEqual([]);

    // A roster altered after signing, or signed by another key, is refused whole.
    const forged = tempDir();
    await pu.must('federation.forward', { dir: forged, all: true });
    const text = readFileSync(join(forged, 'roster.json'), 'utf8');
    writeFileSync(join(forged, 'roster.json'), text.replace('"Urbino"', '"Urbino!"'));
    const bad = await region.call('federation.import', { dir: forged });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.message).toMatch(/CST-PU.*non è valido \(signature\)/);
    copyFileSync(join(fromAn, 'roster.json.minisig'), join(forged, 'roster.json.minisig'));
    writeFileSync(join(forged, 'roster.json'), text);
    const other = await region.call('federation.import', { dir: forged });
    expect(!other.ok && other.error.message).toMatch(/non è valido \(signature\)/);
  });

  it('a member’s bundle encrypted to both hubs opens with the standard age CLI for each identity', { timeout: 60_000 }, async () => {
    const region = await openRegion();
    const { hub, town } = await provinceWithMember(region);
    await town.must('usage.record', { service: 'PEC', date: '2026-10-05', quantity: '3' });
    const [exp] = await town.must('bundle.export', { dir: tempDir() });
    const header = readFileSync(exp!.path).subarray(0, 400).toString('latin1');
    expect(header.match(/^-> X25519 /gm)).toHaveLength(2);
    const plain: Buffer[] = [];
    for (const who of [hub, region]) {
      const keyFile = join(tempDir(), 'identity.txt');
      writeFileSync(keyFile, `${loadInstallationKeys(who.dataDir).ageIdentity}\n`, { mode: 0o600 });
      plain.push(execFileSync('age', ['-d', '-i', keyFile, exp!.path]));
    }
    expect(plain[0]!.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    expect(plain[1]!.equals(plain[0]!)).toBe(true);
    // Addressed to the province (the member signed that): the region reads it as forwarded.
    expect(JSON.parse(openZip(plain[0]!, ANY_ENTRY).readEntry('manifest.json').toString('utf8')).recipient).toEqual({ kind: 'hub', id: 'CST-PU' });
    const [res] = await hub.must('bundle.import', { files: [{ path: exp!.path }] });
    expect(res!.outcome).toBe('applied');
  });

  it('refusals come from the catalogue, in Italian and English, and change nothing', { timeout: 60_000 }, async () => {
    const region = await openRegion();
    const pu = await openProvince('CST-PU', 'PU');
    const town = await openMember(pu, '041067');
    const townId = await town.must('identity.export', {});
    const cases: [TestBackend, string, unknown, string][] = [
      [pu, 'federation.regional.import', { contentBase64: townId.contentBase64 }, 'federation.notAHub'],
      [pu, 'federation.regional.confirm', { fingerprint: '1' }, 'federation.noRegional'],
      [pu, 'federation.forward', { dir: tempDir() }, 'federation.noRegional'],
      [region, 'federation.import', { dir: tempDir() }, 'federation.rosterMissing'],
      [region, 'federation.roster', { province: 'CST-XX' }, 'federation.provinceUnknown'],
      [town, 'federation.province.import', { contentBase64: townId.contentBase64 }, 'federation.hubOnly'],
    ];
    for (const [t, method, input, key] of cases) {
      const r = await t.call(method as never, input as never);
      expect(r.ok, method).toBe(false);
      if (r.ok) continue;
      expect(r.error.key, method).toBe(key);
      expect(apiErrorText(r.error, 'en')).not.toMatch(ITALIAN_WORDS);
      expect(`${r.error.message} ${apiErrorText(r.error, 'en')}`).not.toMatch(/\{[A-Za-z]+\}/);
    }
    // A province whose identity is pending: its folder is refused whole, naming it.
    const provinceId = await pu.must('identity.export', {});
    await region.must('federation.province.import', { contentBase64: provinceId.contentBase64 });
    const regionId = await region.must('identity.export', {});
    const reg = await pu.must('federation.regional.import', { contentBase64: regionId.contentBase64 });
    await pu.must('federation.regional.confirm', { fingerprint: reg.fingerprint });
    const dir = tempDir();
    await pu.must('federation.forward', { dir });
    const r = await region.call('federation.import', { dir });
    expect(!r.ok && r.error.key).toBe('federation.provinceNotConfirmed');
    expect(!r.ok && r.error.message).toMatch(/Consorzio PU \(CST-PU\)/);
    expect((await region.must('federation.provinces', {}))[0]).toMatchObject({ status: 'pending', rosterSerial: 0, members: 0 });
  });
});
