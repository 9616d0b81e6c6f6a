/**
 * The last flows of federation through the mailbox (issue 12, docs/federation.md "Through the
 * mailbox"): the provincial and the regional hub exchange their own streams through the
 * province's mailbox (P's bundle for R in the inbox `regional`, R's bundle for P in P's inbox
 * `hub`), and P sends R's files down to its members' inboxes; nobody carries a folder. Real
 * mailbox servers on 127.0.0.1, real backends; R reaches CST-PU's mailbox through a TCP fault
 * proxy that cuts its upload mid-request; rounds cut mid-way; collections shuffled, duplicated
 * and delayed. And the member files P cannot forward (encrypted to P alone, sent before the
 * member knew R) are set apart, by folder and by mailbox, instead of being refused at R.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { archivedPath } from '../../electron/core/sync/inbox/archive';
import { findPeer } from '../../electron/core/sync/peers/peers-store';
import { startFaultProxy } from '../helpers/fault-proxy';
import { tempDir } from '../helpers/temp-dir';
import type { TestBackend } from '../helpers/backend';
import { linkProvince, provinceWithEarlyFile, receivedRecords, replyTo, rng } from './federation-helpers';
import { addTown, calm, db, inboxFiles, openProvinceWithMailbox, openRegionWith, openTwoProvinces, regionalFiles, settle, syncOk, type Province } from './federation-mailbox-helpers';
import { townToHub } from './hub-helpers';
import { clearFaults, faultFromNow, verifyInline } from './network-helpers';

const REGION = 'REG-MARCHE';

/** The recipients' lines of an age file's header (`-> X25519 …`), one per recipient. */
function x25519Stanzas(bytes: Buffer): number {
  const header = bytes.subarray(0, bytes.indexOf('\n---'));
  return header.toString('latin1').split('\n').filter((l) => l.startsWith('-> X25519 ')).length;
}

const outboxHead = (t: TestBackend) => db(t).prepare('SELECT max(seq) FROM outbox').pluck().get() as number;

/** The files an installation received from `sender`, by SHA-256. */
function receivedFrom(t: TestBackend, sender: string): string[] {
  return db(t).prepare('SELECT DISTINCT file_sha256 FROM received_bundles WHERE sender_id = ? ORDER BY 1').pluck().all(sender) as string[];
}

async function regionalCourse(region: TestBackend, title: string, day: number) {
  const d = `2026-12-${String(day).padStart(2, '0')}`;
  return region.must('hub.courses.save', { title, startDate: d, endDate: d, hours: '4', provider: 'Regione Marche' });
}

describe('federation through the mailbox: the hubs’ own streams, and the region’s files down to the members', () => {
  it('P’s course reaches R, R’s courses and report reach P and its members through the mailboxes alone, cut, shuffled and duplicated; another province’s member never gets P’s file', { timeout: 240_000 }, async () => {
    verifyInline();
    const weather = calm();
    const random = rng(31);
    weather.random = random;
    const { region, pu, an, provinces } = await openTwoProvinces(weather);
    // The region reaches CST-PU's mailbox through a line that can cut a request mid-way.
    const proxy = await startFaultProxy({ target: { host: '127.0.0.1', port: pu.mailbox.port } });
    for (const p of provinces) {
      await linkProvince(region, p.hub);
      await region.must('federation.province.mailbox', { id: p.id, url: p === pu ? proxy.url : p.mailbox.url });
      await settle(p);
      for (const town of p.towns) await town.t.must('usage.record', { service: 'PEC', date: '2026-10-05', quantity: '2' });
      await settle(p);
    }

    // P's own course: its next round puts its own bundle in `regional`, beside the member files.
    await pu.hub.must('hub.courses.save', { title: 'Corso provinciale PEC', startDate: '2026-11-10', endDate: '2026-11-10', hours: '2' });
    await syncOk(pu.hub);
    const ownUp = regionalFiles(pu.mailbox).filter((f) => !f.roster && x25519Stanzas(readFileSync(f.path)) === 1);
    expect(ownUp.length, 'P’s own bundle, for R alone').toBeGreaterThan(0);
    await syncOk(region);
    expect((await region.must('federation.provinceRecords', { province: 'CST-PU' })).courses.map((c) => c.title)).toEqual(['Corso provinciale PEC']);
    expect(findPeer(db(region), 'hub', 'CST-PU')!.appliedSeq).toBe(outboxHead(pu.hub));
    expect(regionalFiles(pu.mailbox), 'all taken').toEqual([]);
    let collection = (await region.must('sync.network', {})).federation!.provinces.find((p) => p.id === 'CST-PU')!.lastCollection!;
    expect(collection.error).toBeNull();
    expect(collection.sent, 'R’s own stream, at P’s hub inbox').toBe(1);

    // R's course and report. Its upload to CST-PU is cut mid-request: the collection says so, the next one resumes.
    await regionalCourse(region, 'Sicurezza informatica per i comuni', 1);
    const report = await region.must('federation.report.publish', { year: 2026 });
    expect(report).toMatchObject({ year: 2026, provinces: 2, members: 3 });
    let armed = true;
    const faultsBefore = proxy.stats.faults.length;
    weather.beforeSend = async (self, to) => {
      if (!armed || self !== 'regional' || to !== 'hub') return;
      armed = false;
      // Every request longer than 900 bytes cut (the client tries a dropped request once more on a fresh connection).
      const cut = { kind: 'cut', direction: 'toServer', afterBytes: 900 } as const;
      await faultFromNow(proxy, cut, cut);
    };
    await syncOk(region);
    weather.beforeSend = null;
    expect(proxy.stats.faults.length).toBeGreaterThan(faultsBefore);
    collection = (await region.must('sync.network', {})).federation!.provinces.find((p) => p.id === 'CST-PU')!.lastCollection!;
    expect(collection.error?.it).toMatch(/non risponde/);
    expect(db(region).prepare("SELECT state FROM sync_outgoing WHERE recipient = 'CST-PU:hub' ORDER BY created_at DESC LIMIT 1").pluck().get()).toBe('spooled');
    await clearFaults(proxy);
    await syncOk(region);
    collection = (await region.must('sync.network', {})).federation!.provinces.find((p) => p.id === 'CST-PU')!.lastCollection!;
    expect([collection.error, collection.sent]).toEqual([null, 1]);
    expect(inboxFiles(pu.mailbox, 'hub').length, 'R’s bundle waits in P’s hub inbox').toBeGreaterThan(0);

    // P's round imports it and sends it down; the line drops after the first member's file.
    weather.cuts = (to) => /^[0-9]{6}$/.test(to);
    weather.sendsBeforeCut = 1;
    const cut = await pu.hub.must('sync.now', {});
    expect(cut.lastError?.key).toBe('syncAgent.offline');
    expect(cut.federation?.toForward?.toMembers, 'R’s file still owed to the second member').toBeGreaterThan(0);
    weather.sendsBeforeCut = null;
    weather.cuts = (to) => to === 'regional';
    for (const p of provinces) await settle(p);
    expect((await pu.hub.must('sync.network', {})).federation?.toForward).toMatchObject({ files: 0, toMembers: 0 });

    // More of both streams, while R collects shuffled, duplicated and delayed.
    weather.shuffle = true;
    weather.duplicate = true;
    for (let round = 0; round < 3; round++) {
      await pu.hub.must('hub.courses.save', { title: `Corso provinciale ${round}`, startDate: '2026-11-11', endDate: '2026-11-11', hours: '2' });
      await an.hub.must('hub.courses.save', { title: `Corso AN ${round}`, startDate: '2026-11-12', endDate: '2026-11-12', hours: '2' });
      await regionalCourse(region, `Corso regionale ${round}`, 2 + round);
      for (const p of provinces) await settle(p);
      weather.hide = () => random() < 0.5;
      await syncOk(region);
    }
    weather.hide = () => false;
    for (let i = 0; i < 3; i++) {
      await syncOk(region);
      for (const p of provinces) await settle(p);
    }
    await syncOk(region);

    // Each hub holds the other's whole stream; the members hold R's, from seq 1.
    for (const p of provinces) {
      expect(findPeer(db(region), 'hub', p.id)!.appliedSeq, `${p.id} at R`).toBe(outboxHead(p.hub));
      expect(findPeer(db(p.hub), 'hub', REGION)!.appliedSeq, `R at ${p.id}`).toBe(outboxHead(region));
      expect(regionalFiles(p.mailbox)).toEqual([]);
      expect(inboxFiles(p.mailbox, 'hub')).toEqual([]);
      for (const town of p.towns) {
        expect(findPeer(db(town.t), 'hub', REGION)!.appliedSeq, `R at ${town.istat}`).toBe(outboxHead(region));
        expect(receivedRecords(db(town.t), [REGION])).toEqual(receivedRecords(db(p.hub), [REGION]));
        const seen = await town.t.must('federation.regionalRecords', {});
        expect(seen.courses.map((c) => c.title).sort()).toEqual(['Corso regionale 0', 'Corso regionale 1', 'Corso regionale 2', 'Sicurezza informatica per i comuni']);
        expect(seen.reports.map((r) => [r.year, r.totals.members])).toEqual([[2026, 3]]);
        expect(inboxFiles(p.mailbox, town.istat)).toEqual([]);
      }
    }
    expect((await region.must('federation.provinceRecords', { province: 'CST-PU' })).courses.map((c) => c.title).sort()).toEqual(['Corso provinciale 0', 'Corso provinciale 1', 'Corso provinciale 2', 'Corso provinciale PEC']);
    expect((await region.must('federation.provinceRecords', { province: 'CST-AN' })).courses.map((c) => c.title).sort()).toEqual(['Corso AN 0', 'Corso AN 1', 'Corso AN 2']);
    expect(db(region).prepare("SELECT COUNT(*) FROM received_bundles WHERE outcome NOT IN ('applied', 'duplicate')").pluck().get()).toBe(0);
    // Read-only copies: P's courses are not the region's, R's not the province's.
    expect((await region.must('hub.courses.list', {})).map((c) => c.title).sort()).toEqual(['Corso regionale 0', 'Corso regionale 1', 'Corso regionale 2', 'Sicurezza informatica per i comuni']);
    expect((await pu.hub.must('hub.courses.list', {})).map((c) => c.title)).not.toContain('Corso regionale 0');

    // The member of the other province got R's files for its own province only.
    const forPu = new Set(receivedFrom(pu.hub, REGION));
    const forAn = new Set(receivedFrom(an.hub, REGION));
    const atAncona = receivedFrom(an.towns[0]!.t, REGION);
    expect(atAncona.length).toBeGreaterThan(0);
    expect(atAncona.filter((sha) => forPu.has(sha))).toEqual([]);
    expect(atAncona.every((sha) => forAn.has(sha))).toBe(true);
    for (const town of pu.towns) expect(receivedFrom(town.t, REGION).every((sha) => forPu.has(sha))).toBe(true);
    // And the down-forwarding was incremental: each file once per member.
    expect(db(pu.hub).prepare('SELECT COUNT(*) FROM federation_forwarded_down').pluck().get()).toBe(2 * forPu.size);
  });

  it('a province that stops reporting forgets its own bundle not yet at the mailbox for the region: its rounds go on', { timeout: 120_000 }, async () => {
    verifyInline();
    const weather = calm();
    const region = await openRegionWith(weather);
    const pu = await openProvinceWithMailbox(weather, 'CST-PU', 'PU');
    await addTown(weather, pu, '041067');
    await linkProvince(region, pu.hub);
    await settle(pu);
    // Its own bundle for the region is spooled, and the line drops before it is at the mailbox.
    await pu.hub.must('hub.courses.save', { title: 'Corso provinciale', startDate: '2026-11-10', endDate: '2026-11-10', hours: '2' });
    weather.sendsBeforeCut = 0;
    expect((await pu.hub.must('sync.now', {})).lastError?.key).toBe('syncAgent.offline');
    weather.sendsBeforeCut = null;
    const spooled = () => db(pu.hub).prepare("SELECT COUNT(*) FROM sync_outgoing WHERE recipient = 'regional' AND state = 'spooled'").pluck().get();
    expect(spooled()).toBe(1);
    // The mailbox roster no longer names the region: an upload to `regional` would be refused at every round.
    await pu.hub.must('federation.regional.remove', {});
    expect(spooled()).toBe(0);
    await syncOk(pu.hub);
    expect(regionalFiles(pu.mailbox)).toEqual([]);
  });

  it('member files encrypted to the province alone are not forwarded, by folder or mailbox: set apart once, counted, never refused at the region', { timeout: 120_000 }, async () => {
    verifyInline();
    // By folder: a bundle exported before the member knew R, received after the link.
    {
      const { region, hub, town, early } = await provinceWithEarlyFile();
      expect(x25519Stanzas(readFileSync(early))).toBe(1);
      await replyTo(hub, town, '041067'); // the regional_hub record
      await town.must('usage.record', { service: 'PEC', date: '2026-10-06', quantity: '3' });
      const later = await townToHub(town, hub);
      expect(x25519Stanzas(readFileSync(later.exp.path))).toBe(2);

      const dir = tempDir();
      const fwd = await hub.must('federation.forward', { dir });
      expect([fwd.files, fwd.notForRegion]).toEqual([1, 1]);
      const imported = await region.must('federation.import', { dir });
      expect(imported.results.map((r) => [r.outcome, r.code])).toEqual([['applied', null]]);
      // The later bundle starts at seq 1 for the region: it holds everything.
      expect(findPeer(db(region), 'municipality', '041067')!.appliedSeq).toBe(outboxHead(town));
      // Set apart once: not looked at or counted again, even with --all.
      const again = await hub.must('federation.forward', { dir: tempDir(), all: true });
      expect([again.files, again.notForRegion]).toEqual([1, 0]);
      expect((await hub.must('federation.regional.show', {})).forwarded).toMatchObject({ files: 1, notForRegion: 1 });
    }

    // By mailbox: the member's round uploaded its bundle before the link; P takes it after.
    const weather = calm();
    const region = await openRegionWith(weather);
    const pu: Province = await openProvinceWithMailbox(weather, 'CST-PU', 'PU');
    const urbino = await addTown(weather, pu, '041067');
    await settle(pu);
    await urbino.must('usage.record', { service: 'PEC', date: '2026-10-05', quantity: '2' });
    await syncOk(urbino);
    const [waiting] = inboxFiles(pu.mailbox, 'hub');
    expect(x25519Stanzas(readFileSync(waiting!.path))).toBe(1);
    await linkProvince(region, pu.hub);
    await region.must('federation.province.mailbox', { id: 'CST-PU', url: pu.mailbox.url });
    const before = await pu.hub.must('sync.network', {});
    expect(before.federation?.toForward).toEqual({ region: REGION, files: 0, notForRegion: 0, toMembers: 0 });
    await syncOk(pu.hub);
    expect(x25519Stanzas(readFileSync(archivedPath(pu.hub.dataDir, waiting!.sha256)))).toBe(1);
    expect(regionalFiles(pu.mailbox).map((f) => f.sha256)).not.toContain(waiting!.sha256);
    const status = await pu.hub.must('sync.network', {});
    expect(status.federation?.toForward).toEqual({ region: REGION, files: 0, notForRegion: 1, toMembers: 0 });
    expect(db(pu.hub).prepare('SELECT not_for_region FROM federation_forwarded WHERE file_sha256 = ?').pluck().get(waiting!.sha256)).toBe(1);

    // The member learns R; from then on its files are for both, from seq 1; R refuses nothing.
    await settle(pu);
    await urbino.must('usage.record', { service: 'PEC', date: '2026-10-06', quantity: '1' });
    await settle(pu);
    await syncOk(region);
    expect(db(region).prepare("SELECT COUNT(*) FROM received_bundles WHERE outcome = 'refused'").pluck().get()).toBe(0);
    expect(findPeer(db(region), 'municipality', '041067')!.appliedSeq).toBe(outboxHead(urbino));
    expect((await pu.hub.must('sync.network', {})).federation?.toForward).toEqual({ region: REGION, files: 0, notForRegion: 1, toMembers: 0 });
  });
});
