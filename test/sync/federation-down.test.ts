/**
 * Federation flows between hubs and down to the members (issue 12, docs/federation.md "Flows"):
 * the region publishes a course and a report, exports its own stream to two provinces (encrypted
 * to each province and to its members), each province imports it and forwards the very files to
 * its members, each member imports them and sees them; delivery shuffled, duplicated and delayed
 * at both levels. A province altering the region's file is caught at the member; a member of
 * another province cannot read it; the provinces' own streams reach the region, read-only.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ageDecrypt, ageEncrypt } from '../../electron/core/format/crypto/age';
import { openZip } from '../../electron/core/format/container/zip-reader';
import { writeZip } from '../../electron/core/format/container/zip-writer';
import { loadInstallationKeys } from '../../electron/core/sync/identity/keys';
import { findPeer, setPeerAck } from '../../electron/core/sync/peers/peers-store';
import { tempDir } from '../helpers/temp-dir';
import type { TestBackend } from '../helpers/backend';
import { townToHub } from './hub-helpers';
import { craft, line, usageData, uuid, type Party } from './bundle-craft';
import { linkProvince, openMember, openProvince, openRegion, receivedRecords, replyTo, rng, shuffle } from './federation-helpers';

const ANY_ENTRY = { allowedNames: () => true, maxEntries: 1000, maxEntryBytes: () => 1 << 28, maxTotalBytes: 1 << 28 };

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const files = (dir: string) => readdirSync(dir).map((n) => join(dir, n));

interface Town {
  t: TestBackend;
  istat: string;
  hub: TestBackend;
}

/** A region, two provinces linked to it, three members whose data reached the region (so its rosters vouch for them). */
async function region3() {
  const region = await openRegion();
  const pu = await openProvince('CST-PU', 'PU');
  const an = await openProvince('CST-AN', 'AN');
  const towns: Town[] = [
    { t: await openMember(pu, '041067'), istat: '041067', hub: pu },
    { t: await openMember(pu, '041044'), istat: '041044', hub: pu },
    { t: await openMember(an, '042002'), istat: '042002', hub: an },
  ];
  await linkProvince(region, pu);
  await linkProvince(region, an);
  for (const town of towns) {
    await replyTo(town.hub, town.t, town.istat);
    await town.t.must('usage.record', { service: 'PEC', date: '2026-10-05', quantity: '2' });
    await townToHub(town.t, town.hub);
  }
  for (const hub of [pu, an]) {
    const dir = tempDir();
    await hub.must('federation.forward', { dir });
    await region.must('federation.import', { dir });
  }
  return { region, pu, an, towns };
}

async function regionalCourse(region: TestBackend, title: string, day: number) {
  const d = `2026-12-${String(day).padStart(2, '0')}`;
  return region.must('hub.courses.save', { title, startDate: d, endDate: d, hours: '4', provider: 'Regione Marche' });
}

/** The region's stream for a province: one file, the path. */
async function regionTo(region: TestBackend, province: string): Promise<string> {
  const [exp] = await region.must('bundle.export', { dir: tempDir(), for: province });
  expect(exp!.recipient).toEqual({ kind: 'hub', id: province });
  return exp!.path;
}

/**
 * The province's acknowledgement as its own bundle would carry it (that path is the last test's):
 * the region's next file then starts where this one ended, so a delayed file leaves a real gap.
 */
function acknowledged(region: TestBackend, province: string): void {
  const db = region.backend.ctx.db;
  const last = db.prepare('SELECT MAX(seq) FROM outbox').pluck().get() as number;
  const hash = db.prepare('SELECT hash FROM outbox WHERE seq = ?').pluck().get(last) as Buffer;
  setPeerAck(db, findPeer(db, 'hub', province)!.peerNo, last, hash, '2026-11-27T00:00:00.000Z');
}

describe('federation: the region’s records flow down through the provinces to the members', () => {
  it('course and report reach every member as the very bytes the region wrote, whatever the order, duplicates and delays', { timeout: 180_000 }, async () => {
    const random = rng(7);
    const { region, pu, an, towns } = await region3();
    const db = (t: TestBackend) => t.backend.ctx.db;

    // Three rounds of the region's own records, each exported to both provinces.
    const exported = new Map<TestBackend, string[]>([
      [pu, []],
      [an, []],
    ]);
    const course = await regionalCourse(region, 'Sicurezza informatica per i comuni', 1);
    const report = await region.must('federation.report.publish', { year: 2026 });
    expect(report).toMatchObject({ year: 2026, provinces: 2, members: 3 });
    for (const [hub, id] of [[pu, 'CST-PU'], [an, 'CST-AN']] as const) {
      exported.get(hub)!.push(await regionTo(region, id));
      acknowledged(region, id);
    }
    await regionalCourse(region, 'Accessibilità dei siti', 2);
    for (const [hub, id] of [[pu, 'CST-PU'], [an, 'CST-AN']] as const) {
      exported.get(hub)!.push(await regionTo(region, id));
      acknowledged(region, id);
    }
    await region.must('hub.courses.save', { id: course.id, title: 'Sicurezza informatica (seconda edizione)', startDate: '2026-12-01', endDate: '2026-12-01', hours: '4' });
    const again = await region.must('federation.report.publish', { year: 2026 });
    expect(again.id).toBe(report.id); // one record per year, updated
    for (const [hub, id] of [[pu, 'CST-PU'], [an, 'CST-AN']] as const) {
      exported.get(hub)!.push(await regionTo(region, id));
      acknowledged(region, id);
    }

    // The region encrypts to the province and to each member it vouches for: `age -d -i` opens
    // the file with a member's identity (and the member of the other province cannot).
    const urbinoKeys = loadInstallationKeys(towns[0]!.t.dataDir);
    const dir = tempDir();
    writeFileSync(join(dir, 'key.txt'), `${urbinoKeys.ageIdentity}\n`);
    const plain = execFileSync('age', ['-d', '-i', 'key.txt', exported.get(pu)![0]!], { cwd: dir, maxBuffer: 1 << 26 });
    expect(JSON.parse(openZip(plain, ANY_ENTRY).readEntry('manifest.json').toString('utf8'))).toMatchObject({ sender: { kind: 'hub', id: 'REG-MARCHE' }, recipient: { kind: 'hub', id: 'CST-PU' } });
    expect(() => ageDecrypt(readFileSync(exported.get(pu)![0]!), [loadInstallationKeys(towns[2]!.t.dataDir).ageIdentity])).toThrow();

    // Each province receives the region's files in waves, shuffled, some twice, the first delayed;
    // after each wave it forwards to its members, who import their folders shuffled, some twice.
    const provinceOutcomes = new Set<string>();
    const memberOutcomes = new Set<string>();
    const forwardedShas = new Set<string>();
    for (const hub of [pu, an]) {
      const [first, ...rest] = exported.get(hub)!;
      const waves = [shuffle(rest, random), [first!, ...rest.filter(() => random() < 0.5)]];
      const members = towns.filter((town) => town.hub === hub);
      const got = new Map<string, string[]>(members.map((m) => [m.istat, []]));
      for (const wave of waves) {
        for (const r of await hub.must('bundle.import', { files: shuffle(wave, random).map((path) => ({ path })) })) {
          expect(r.code, r.message).toBeNull();
          provinceOutcomes.add(r.outcome);
        }
        const down = tempDir();
        const fwd = await hub.must('federation.forwardDown', { dir: down });
        expect(fwd.region).toBe('REG-MARCHE');
        for (const m of fwd.members) {
          const names = files(join(down, m.istat));
          got.get(m.istat)!.push(...names);
          for (const f of names) forwardedShas.add(sha256(readFileSync(f)));
        }
        for (const m of members) {
          const mine = got.get(m.istat)!;
          const batch = shuffle([...mine.slice(-2), ...mine.filter(() => random() < 0.3)], random);
          if (batch.length === 0) continue;
          for (const r of await m.t.must('bundle.import', { files: batch.map((path) => ({ path })) })) {
            expect(r.code, `${r.file} ${r.message}`).toBeNull();
            memberOutcomes.add(r.outcome);
            expect(r.sender).toEqual({ kind: 'hub', id: 'REG-MARCHE' });
          }
        }
      }
      // Everything forwarded: nothing new the next time; a lost folder: everything again.
      expect((await hub.must('federation.forwardDown', { dir: tempDir() })).files).toBe(0);
      const lost = tempDir();
      expect((await hub.must('federation.forwardDown', { dir: lost, all: true })).files).toBe(members.length * exported.get(hub)!.length);
      for (const m of members) {
        for (const r of await m.t.must('bundle.import', { files: shuffle(files(join(lost, m.istat)), random).map((path) => ({ path })) })) memberOutcomes.add(r.outcome);
      }
    }
    expect([...provinceOutcomes].sort()).toEqual(['applied', 'duplicate', 'pending']);
    expect(memberOutcomes.has('applied') && memberOutcomes.has('duplicate')).toBe(true);
    // The very bytes: every forwarded file is one the region wrote.
    const regionShas = new Set(db(region).prepare('SELECT file_sha256 FROM bundle_exports').pluck().all() as string[]);
    for (const s of forwardedShas) expect(regionShas.has(s)).toBe(true);

    // Every province and every member holds exactly the region's stream, read-only.
    const regionEvents = db(region).prepare('SELECT COUNT(*) FROM outbox').pluck().get() as number;
    const reference = receivedRecords(db(pu), ['REG-MARCHE']);
    expect(reference.length).toBeGreaterThan(0);
    for (const t of [pu, an, ...towns.map((x) => x.t)]) {
      expect(findPeer(db(t), 'hub', 'REG-MARCHE')!.appliedSeq).toBe(regionEvents);
      expect(receivedRecords(db(t), ['REG-MARCHE'])).toEqual(reference);
      expect(db(t).prepare("SELECT COUNT(*) FROM received_bundles WHERE outcome IN ('pending', 'kept', 'refused')").pluck().get()).toBe(0);
    }

    // What they see: the regional courses and the report.
    for (const t of [pu, ...towns.map((x) => x.t)]) {
      const seen = await t.must('federation.regionalRecords', {});
      expect(seen.regional).toEqual({ id: 'REG-MARCHE', name: 'Ufficio regionale Marche' });
      expect(seen.courses.map((c) => c.title)).toEqual(['Sicurezza informatica (seconda edizione)', 'Accessibilità dei siti']);
      expect(seen.reports).toHaveLength(1);
      expect(seen.reports[0]).toMatchObject({ year: 2026, title: 'Resoconto regionale 2026', totals: { members: 3, entries: 3 } });
      expect(seen.reports[0]!.provinces.map((p) => [p.id, p.members, p.entries])).toEqual([
        ['CST-AN', 1, 1],
        ['CST-PU', 2, 2],
      ]);
    }
    // Read-only copies: not the province's own courses, not the member's own catalogue.
    expect((await pu.must('hub.courses.list', {})).map((c) => c.title)).toEqual([]);
    const member = towns[0]!.t;
    expect(db(member).prepare("SELECT COUNT(*) FROM hub_courses").pluck().get()).toBe(0);
    // The member still talks to its hub only, and took no ack from the region's files.
    const [toHub] = await member.must('bundle.export', { dir: tempDir() });
    expect(toHub!.recipient).toEqual({ kind: 'hub', id: 'CST-PU' });
    expect(findPeer(db(member), 'hub', 'REG-MARCHE')!.ackedSeq).toBeNull();
    expect((await member.must('sync.status', {})).hub).toMatchObject({ id: 'CST-PU' });
  });

  it('a province cannot alter the region’s file; a member of another province cannot read it; a member off the roster gets nothing', { timeout: 120_000 }, async () => {
    const { region, pu, an, towns } = await region3();
    await regionalCourse(region, 'Protocollo informatico', 3);
    await pu.must('bundle.import', { files: [{ path: await regionTo(region, 'CST-PU') }] });
    const down = tempDir();
    await pu.must('federation.forwardDown', { dir: down });
    const [urbino, fano, ancona] = towns as [Town, Town, Town];
    const [genuine] = files(join(down, urbino.istat));

    // The province opens the file (it is a recipient), changes it, encrypts it again to the member.
    const pKeys = loadInstallationKeys(pu.dataDir);
    const mRecipient = loadInstallationKeys(urbino.t.dataDir).ageRecipient;
    const cases: [string, (name: string, data: Buffer) => Buffer][] = [
      ['E_DIGEST', (name, data) => (name === 'events.ndjson' ? Buffer.from(data.toString('utf8').replace('Protocollo informatico', 'Protocollo alterato!!!')) : data)],
      ['E_SIGNATURE', (name, data) => (name === 'manifest.json' ? Buffer.from(data.toString('utf8').replace(/"created_at":"[^"]+"/, '"created_at":"2026-01-01T00:00:00.000Z"')) : data)],
    ];
    for (const [code, change] of cases) {
      const zip = openZip(ageDecrypt(readFileSync(genuine!), [pKeys.ageIdentity]), ANY_ENTRY);
      const bytes = ageEncrypt(writeZip(zip.entries.map((e) => ({ name: e.name, data: change(e.name, zip.readEntry(e.name)) }))), [mRecipient]);
      const altered = join(tempDir(), `${sha256(bytes)}.cstb`);
      writeFileSync(altered, bytes);
      const [r] = await urbino.t.must('bundle.import', { files: [{ path: altered }] });
      expect(r).toMatchObject({ outcome: 'refused', code });
      expect(findPeer(urbino.t.backend.ctx.db, 'hub', 'REG-MARCHE')!.appliedSeq).toBe(0);
    }
    // A file the province signs itself as the region is not the region's (E_SIGNATURE), nor is
    // a file of the region addressed to another province (E_RECIPIENT), for this member.
    const toAn = await regionTo(region, 'CST-AN');
    await an.must('bundle.import', { files: [{ path: toAn }] });
    const anDown = tempDir();
    await an.must('federation.forwardDown', { dir: anDown });
    const [anFile] = files(join(anDown, ancona.istat));
    // The member of the other province cannot read PU's file: it is not a recipient.
    const [cross] = await ancona.t.must('bundle.import', { files: [{ path: genuine! }] });
    expect(cross).toMatchObject({ outcome: 'refused', code: 'E_DECRYPT' });
    // And even encrypted to it, a file addressed to PU is not for a member of AN.
    const plain = ageDecrypt(readFileSync(genuine!), [pKeys.ageIdentity]);
    const reAddressed = join(tempDir(), 'x.cstb');
    writeFileSync(reAddressed, ageEncrypt(plain, [loadInstallationKeys(ancona.t.dataDir).ageRecipient]));
    const [wrong] = await ancona.t.must('bundle.import', { files: [{ path: reAddressed }] });
    expect(wrong).toMatchObject({ outcome: 'refused', code: 'E_RECIPIENT' });
    expect((await ancona.t.must('bundle.import', { files: [{ path: anFile! }] }))[0]!.outcome).toBe('applied');

    // The genuine file applies.
    const [ok] = await urbino.t.must('bundle.import', { files: [{ path: genuine! }] });
    expect(ok).toMatchObject({ outcome: 'applied', code: null });
    expect((await urbino.t.must('federation.regionalRecords', {})).courses.map((c) => c.title)).toEqual(['Protocollo informatico']);

    // A member the province no longer vouches for gets no files.
    const fanoPeer = findPeer(pu.backend.ctx.db, 'municipality', fano.istat)!;
    pu.backend.ctx.db.prepare("UPDATE peers SET status = 'pending' WHERE peer_no = ?").run(fanoPeer.peerNo);
    await regionalCourse(region, 'Conservazione digitale', 4);
    await pu.must('bundle.import', { files: [{ path: await regionTo(region, 'CST-PU') }] });
    const next = tempDir();
    const fwd = await pu.must('federation.forwardDown', { dir: next });
    expect(fwd.members.map((m) => m.istat)).toEqual([urbino.istat]);
  });

  it('the provinces’ own streams reach the region, stored read-only; acknowledgements flow both ways', { timeout: 120_000 }, async () => {
    const { region, pu } = await region3();
    const db = (t: TestBackend) => t.backend.ctx.db;
    await pu.must('hub.courses.save', { title: 'Corso provinciale PEC', startDate: '2026-11-10', endDate: '2026-11-10', hours: '2' });
    const [up] = await pu.must('bundle.export', { dir: tempDir(), for: 'REG-MARCHE' });
    expect(up!.range.first).toBe(1);
    const [r] = await region.must('bundle.import', { files: [{ path: up!.path }] });
    expect(r).toMatchObject({ outcome: 'applied', code: null, sender: { kind: 'hub', id: 'CST-PU' } });

    const records = await region.must('federation.provinceRecords', { province: 'CST-PU' });
    expect(records.courses.map((c) => c.title)).toEqual(['Corso provinciale PEC']);
    expect(records.kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(['offered_course', 'regional_hub']));
    expect(records.eventsReceived).toBe(db(pu).prepare('SELECT COUNT(*) FROM outbox').pluck().get());
    // Read-only: not among the region's courses, and the region cannot write it.
    expect((await region.must('hub.courses.list', {})).map((c) => c.title)).toEqual([]);
    const courseId = (await pu.must('hub.courses.list', {}))[0]!.id;
    const overwrite = await region.call('hub.courses.save', { id: courseId, title: 'Riscritto', startDate: '2026-11-10', endDate: '2026-11-10', hours: '2' });
    expect(overwrite.ok).toBe(false);
    // The province's regional_hub record did not make the region think it has a regional hub.
    expect((await region.must('federation.regionalRecords', {})).regional).toBeNull();

    // The region's reply acknowledges the province's stream: the province then exports incrementally.
    await pu.must('bundle.import', { files: [{ path: await regionTo(region, 'CST-PU') }] });
    expect(findPeer(db(pu), 'hub', 'REG-MARCHE')!.ackedSeq).toBe(up!.range.last);
    await pu.must('hub.courses.save', { title: 'Secondo corso', startDate: '2026-11-11', endDate: '2026-11-11', hours: '2' });
    const [next] = await pu.must('bundle.export', { dir: tempDir(), for: 'REG-MARCHE' });
    expect(next!.range.first).toBe(up!.range.last + 1);
    expect((await region.must('bundle.import', { files: [{ path: next!.path }] }))[0]!.outcome).toBe('applied');
    expect((await region.must('federation.provinceRecords', { province: 'CST-PU' })).courses).toHaveLength(2);
  });

  it('single writer: a hub’s file cannot carry a municipality’s kind, nor a record another installation owns', { timeout: 120_000 }, async () => {
    const region = await openRegion();
    const pu = await openProvince('CST-PU', 'PU');
    const town = await openMember(pu, '041067');
    await linkProvince(region, pu);
    await replyTo(pu, town, '041067');
    const own = await pu.must('hub.courses.save', { title: 'Corso provinciale', startDate: '2026-11-10', endDate: '2026-11-10', hours: '2' });
    await replyTo(pu, town, '041067');
    const k = loadInstallationKeys(region.dataDir);
    const r: Party = { kind: 'hub', id: 'REG-MARCHE', name: 'Ufficio regionale Marche', key: k.signing, keyId: k.keyId, signingKey: k.signingKey, ageIdentity: k.ageIdentity, ageRecipient: k.ageRecipient };
    const course = { title: 'Corso', area: '', start_date: '2026-12-01', end_date: '2026-12-01', hours_milli: 2000, mode: 'in_person', provider: '', description: '', updated_by: 'Ufficio regionale' };
    const file = (lines: Buffer[], to: string) => {
      const path = join(tempDir(), 'r.cstb');
      writeFileSync(path, craft({ from: r, to: { kind: 'hub', id: 'CST-PU', ageRecipient: to }, lines, firstSeq: 1, encrypt: true }));
      return path;
    };
    const puRecipient = loadInstallationKeys(pu.dataDir).ageRecipient;
    // At the province: a municipality's kind from the region, a record id the province owns.
    const [kind] = await pu.must('bundle.import', { files: [{ path: file([line(1, 'usage', 'put', uuid(1), usageData())], puRecipient) }] });
    expect(kind).toMatchObject({ outcome: 'refused', code: 'E_OWNERSHIP' });
    const [taken] = await pu.must('bundle.import', { files: [{ path: file([line(1, 'offered_course', 'put', own.id, course)], puRecipient) }] });
    expect(taken).toMatchObject({ outcome: 'refused', code: 'E_OWNERSHIP' });
    expect((await pu.must('hub.courses.list', {}))[0]!.title).toBe('Corso provinciale');
    // At the member: the region cannot overwrite a record the member holds from its hub.
    const [held] = await town.must('bundle.import', { files: [{ path: file([line(1, 'offered_course', 'put', own.id, course)], loadInstallationKeys(town.dataDir).ageRecipient) }] });
    expect(held).toMatchObject({ outcome: 'refused', code: 'E_OWNERSHIP' });
    // The same course under a new id is the region's own: applied, read-only, not the hub's.
    const [fine] = await town.must('bundle.import', { files: [{ path: file([line(1, 'offered_course', 'put', uuid(9), course)], loadInstallationKeys(town.dataDir).ageRecipient) }] });
    expect(fine).toMatchObject({ outcome: 'applied', code: null });
    expect((await town.must('federation.regionalRecords', {})).courses.map((c) => c.id)).toEqual([uuid(9)]);
    expect((await town.must('courses.list', {})).map((c) => c.title)).toEqual(['Corso provinciale']);
  });

  it('once the province stops reporting, the region’s files are no longer taken, there or at the member', { timeout: 120_000 }, async () => {
    const region = await openRegion();
    const pu = await openProvince('CST-PU', 'PU');
    const town = await openMember(pu, '041067');
    await linkProvince(region, pu);
    await replyTo(pu, town, '041067');
    await town.must('usage.record', { service: 'PEC', date: '2026-10-05', quantity: '1' });
    await townToHub(town, pu);
    const up = tempDir();
    await pu.must('federation.forward', { dir: up });
    await region.must('federation.import', { dir: up });
    await regionalCourse(region, 'Prima del distacco', 1);
    const first = await regionTo(region, 'CST-PU');
    expect((await pu.must('bundle.import', { files: [{ path: first }] }))[0]!.outcome).toBe('applied');
    const down = tempDir();
    await pu.must('federation.forwardDown', { dir: down });
    const [forwarded] = files(join(down, '041067'));

    await pu.must('federation.regional.remove', {});
    await replyTo(pu, town, '041067'); // the regional_hub record deleted
    // The member: a file addressed to its hub is no longer read (E_RECIPIENT); its hub is still its hub.
    const [r] = await town.must('bundle.import', { files: [{ path: forwarded! }] });
    expect(r).toMatchObject({ outcome: 'refused', code: 'E_RECIPIENT' });
    const [toHub] = await town.must('bundle.export', { dir: tempDir() });
    expect(toHub!.recipient).toEqual({ kind: 'hub', id: 'CST-PU' });
    // The province: the region's next file is kept too, and it cannot export to it any more.
    await regionalCourse(region, 'Dopo il distacco', 2);
    const [later] = await pu.must('bundle.import', { files: [{ path: await regionTo(region, 'CST-PU') }] });
    expect(later).toMatchObject({ outcome: 'kept', code: 'E_UNKNOWN_SENDER' });
    const refused = await pu.call('bundle.export', { dir: tempDir(), for: 'REG-MARCHE' });
    expect(!refused.ok && refused.error.key).toBe('export.noIdentityFor');
    // What was received stays, read-only.
    expect((await pu.must('federation.regionalRecords', {})).regional).toBeNull();
    expect(receivedRecords(pu.backend.ctx.db, ['REG-MARCHE']).filter((r) => r.includes('Prima del distacco'))).toHaveLength(1);
  });
});
