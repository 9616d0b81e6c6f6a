/**
 * Federation (issue 12, docs/federation.md): three municipalities in two provinces and a region.
 * Members' bundles reach their province shuffled, duplicated and delayed; each province forwards
 * the very bytes it received, in folders that reach the region shuffled, duplicated and delayed.
 * In the end the region holds exactly the union of what the provinces hold, and totals drill
 * down region → province → municipality.
 */
import { describe, expect, it } from 'vitest';
import { setPeerAck, findPeer } from '../../electron/core/sync/peers/peers-store';
import { readRegionalRecipient } from '../../electron/core/sync/peers/regional-recipient';
import { HUB_RECORD_KINDS } from '../../shared/records/kinds';
import { outboxEvents } from '../helpers/municipality';
import { tempDir } from '../helpers/temp-dir';
import type { TestBackend } from '../helpers/backend';
import { townToHub } from './hub-helpers';
import { linkProvince, openMember, openProvince, openRegion, receivedRecords, replyTo, rng, shuffle, streamHeads, usageRows } from './federation-helpers';

/**
 * Splits what is due into what arrives now (shuffled, some of it twice) and what is delayed to
 * a later wave; the last wave delivers everything left.
 */
function wave<T>(due: T[], random: () => number, last: boolean): { now: T[]; later: T[] } {
  const now: T[] = [];
  const later: T[] = [];
  for (const x of due) (last || random() < 0.6 ? now : later).push(x);
  const dup = now.filter(() => random() < 0.3);
  return { now: shuffle([...now, ...dup], random), later };
}

interface Town {
  t: TestBackend;
  istat: string;
  hub: TestBackend;
}

/**
 * The hub's acknowledgement as its reply would carry it (the reply's own path is covered by
 * replyTo and by the hub tests): each round's bundle then starts where the previous one ended,
 * so a bundle delayed at either level leaves a real gap that a later one cannot cover.
 */
function acknowledge(town: Town, hubId: string, last: number): void {
  const db = town.t.backend.ctx.db;
  const peer = findPeer(db, 'hub', hubId)!;
  const hash = db.prepare('SELECT hash FROM outbox WHERE seq = ?').pluck().get(last) as Buffer;
  setPeerAck(db, peer.peerNo, last, hash, '2026-11-27T00:00:00.000Z');
}

describe('federation: two provinces and a region', () => {
  it('the region holds the union of the provinces, whatever the order, duplicates and delays at both levels', { timeout: 120_000 }, async () => {
    const random = rng(12);
    const region = await openRegion();
    const pu = await openProvince('CST-PU', 'PU');
    const an = await openProvince('CST-AN', 'AN');
    const towns: Town[] = [
      { t: await openMember(pu, '041067'), istat: '041067', hub: pu },
      { t: await openMember(pu, '041044'), istat: '041044', hub: pu },
      { t: await openMember(an, '042002'), istat: '042002', hub: an },
    ];
    const hubId = (h: TestBackend) => (h === pu ? 'CST-PU' : 'CST-AN');

    // Before the region: each member's first data reaches its province, encrypted to it alone.
    for (const town of towns) {
      await town.t.must('usage.record', { service: 'PEC', date: '2026-09-03', quantity: '2' });
      await townToHub(town.t, town.hub);
    }

    // Both links confirmed by fingerprint; each province announces the region to its members.
    await linkProvince(region, pu);
    await linkProvince(region, an);
    for (const town of towns) {
      await replyTo(town.hub, town.t, town.istat);
      expect(readRegionalRecipient(town.t.backend.ctx.db)).toMatchObject({ id: 'REG-MARCHE', coveredSeq: 0 });
    }
    expect(outboxEvents(pu).filter((e) => e.kind === 'regional_hub')).toHaveLength(1);

    // Four rounds of member bundles (each a new range), then delivered in waves to the provinces.
    const produced = new Map<TestBackend, string[]>([
      [pu, []],
      [an, []],
    ]);
    let day = 1;
    for (let round = 0; round < 4; round++) {
      for (const town of towns) {
        const a = await town.t.must('usage.record', { service: 'PEC', date: `2026-10-${String(day++).padStart(2, '0')}`, quantity: String(1 + round) });
        await town.t.must('usage.record', { service: 'SITO', date: `2026-11-${String(day++).padStart(2, '0')}`, quantity: `${round},5` });
        if (round === 2) await town.t.must('usage.update', { id: a.id, service: 'PEC', date: a.date, quantity: '9' });
        const [exp] = await town.t.must('bundle.export', { dir: tempDir() });
        // The first bundle after the announcement carries the whole stream, for the region.
        if (round === 0) expect(exp!.range.first).toBe(1);
        produced.get(town.hub)!.push(exp!.path);
        acknowledge(town, hubId(town.hub), exp!.range.last);
      }
    }

    const folders: string[] = [];
    const provinceOutcomes = new Set<string>();
    const regionOutcomes = new Set<string>();
    for (const hub of [pu, an]) {
      let due = produced.get(hub)!;
      const delivered: string[] = [];
      for (let w = 0; w < 3; w++) {
        const { now, later } = wave(due, random, w === 2);
        const again = delivered.filter(() => random() < 0.3);
        const files = shuffle([...now, ...again], random);
        if (files.length > 0) for (const r of await hub.must('bundle.import', { files: files.map((path) => ({ path })) })) provinceOutcomes.add(r.outcome);
        delivered.push(...now);
        due = later;
        const dir = tempDir();
        const fwd = await hub.must('federation.forward', { dir });
        expect(fwd.region).toBe('REG-MARCHE');
        folders.push(dir);
      }
      // A lost folder: everything forwarded again.
      const again = tempDir();
      await hub.must('federation.forward', { dir: again, all: true });
      folders.push(again);
    }

    // The folders reach the region in waves too.
    let due = folders;
    const seen: string[] = [];
    for (let w = 0; w < 3; w++) {
      const { now, later } = wave(due, random, w === 2);
      for (const dir of shuffle([...now, ...seen.filter(() => random() < 0.3)], random)) {
        const r = await region.must('federation.import', { dir });
        for (const res of r.results) {
          expect(res.outcome, `${res.code} ${res.message}`).not.toBe('refused');
          regionOutcomes.add(res.outcome);
        }
      }
      seen.push(...now);
      due = later;
    }

    // Delays left real gaps at both levels (pending, filled later) and duplicates at both.
    expect([...provinceOutcomes].sort()).toEqual(['applied', 'duplicate', 'pending']);
    expect([...regionOutcomes].sort()).toEqual(['applied', 'duplicate', 'pending']);
    const outcomes = region.backend.ctx.db.prepare('SELECT DISTINCT outcome FROM received_bundles').pluck().all() as string[];
    expect(outcomes).toEqual(expect.arrayContaining(['applied', 'duplicate']));
    expect(outcomes).not.toContain('refused');
    expect(region.backend.ctx.db.prepare("SELECT COUNT(*) FROM received_bundles WHERE outcome IN ('pending', 'kept')").pluck().get()).toBe(0);

    // Each province equals its members' own outboxes; the region equals the union of the provinces.
    const db = (t: TestBackend) => t.backend.ctx.db;
    const puTowns = ['041044', '041067'];
    const anTowns = ['042002'];
    for (const town of towns) expect(findPeer(db(town.hub), 'municipality', town.istat)!.appliedSeq).toBe(outboxEvents(town.t).length);
    expect(receivedRecords(db(region), [...puTowns, ...anTowns])).toEqual([...receivedRecords(db(pu), puTowns), ...receivedRecords(db(an), anTowns)]);
    expect(usageRows(db(region), [...puTowns, ...anTowns])).toEqual([...usageRows(db(pu), puTowns), ...usageRows(db(an), anTowns)]);
    expect(streamHeads(db(region), [...puTowns, ...anTowns])).toEqual([...streamHeads(db(pu), puTowns), ...streamHeads(db(an), anTowns)]);

    // Drill-down: region → province → municipality, each level the sum of the one below.
    const usage = await region.must('federation.usage', {});
    expect(usage.provinces.map((p) => [p.id, p.municipalities.map((m) => m.istat)])).toEqual([
      ['CST-AN', ['042002']],
      ['CST-PU', ['041044', '041067']],
    ]);
    const pec = (t: { byService: { service: string; quantityMilli: number }[] }) => t.byService.find((s) => s.service === 'PEC')?.quantityMilli ?? 0;
    for (const p of usage.provinces) expect(pec(p.totals)).toBe(p.municipalities.reduce((n, m) => n + pec(m.totals), 0));
    expect(pec(usage.region)).toBe(usage.provinces.reduce((n, p) => n + pec(p.totals), 0));
    // And the region's PEC (a level: mailboxes held, each member's monthly average added up) is
    // what the provinces' own screens say of theirs.
    const provincePec = async (t: TestBackend) => pec(await t.must('hub.usage.byMember', {}));
    expect(pec(usage.region)).toBe((await provincePec(pu)) + (await provincePec(an)));
    expect(usage.region.byService.find((s) => s.service === 'PEC')?.measure).toBe('level');
    expect(usage.region.entries).toBe(usage.provinces.reduce((n, p) => n + p.totals.entries, 0));

    // What the regional operator sees: each province and the members it vouches for.
    const provinces = await region.must('federation.provinces', {});
    expect(provinces.map((p) => [p.id, p.status, p.members, p.membersWithData])).toEqual([
      ['CST-AN', 'confirmed', 1, 1],
      ['CST-PU', 'confirmed', 2, 2],
    ]);
    const roster = await region.must('federation.roster', { province: 'CST-PU' });
    const urbinoPeer = (await pu.must('peers.list', {})).find((p) => p.id === '041067')!;
    expect(roster.find((m) => m.istat === '041067')).toMatchObject({ vouched: true, fingerprint: urbinoPeer.fingerprint, keyId: urbinoPeer.keyId });

    // The region never sends anything to the municipalities it holds copies of: not a bundle,
    // not a place on its mailbox roster, not events it counts as waiting for them.
    const regionExport = await region.call('bundle.export', { dir: tempDir(), for: '041067' });
    expect(!regionExport.ok && regionExport.error.key).toBe('export.noIdentityFor');
    expect((await region.must('sync.network', {})).eventsToSend).toBe(0);

    // The region keeps read-only copies: it never wrote a municipality's record, and the members'
    // acks (of their province's stream) were not taken as acks of the region's.
    const hubKinds = new Set(HUB_RECORD_KINDS.map((k) => k.kind));
    expect(outboxEvents(region).every((e) => hubKinds.has(e.kind))).toBe(true);
    expect(db(region).prepare("SELECT COUNT(*) FROM peers WHERE acked_seq IS NOT NULL OR ack_problem IS NOT NULL").pluck().get()).toBe(0);
    // The files the region applied are the very files the members wrote (same SHA-256).
    const regionFiles = new Set(db(region).prepare("SELECT file_sha256 FROM received_bundles WHERE outcome = 'applied'").pluck().all() as string[]);
    const memberFiles = new Set(towns.flatMap((town) => db(town.t).prepare('SELECT file_sha256 FROM bundle_exports').pluck().all() as string[]));
    for (const sha of regionFiles) expect(memberFiles.has(sha)).toBe(true);
  });

  it('the sync agent sends a member’s whole stream for the region once it learns of it, with nothing new to say', { timeout: 60_000 }, async () => {
    const folder = tempDir();
    const region = await openRegion();
    const pu = await openProvince('CST-PU', 'PU');
    const urbino = await openMember(pu, '041067');
    for (const t of [pu, urbino]) await t.must('sync.configure', { folder });
    await urbino.must('usage.record', { service: 'PEC', date: '2026-10-05', quantity: '3' });
    // Until each side acknowledged the other's acknowledgement: then a round has nothing to send.
    for (let i = 0; i < 3; i++) {
      await urbino.must('sync.now', {});
      await pu.must('sync.now', {});
    }
    const db = urbino.backend.ctx.db;
    const spooled = () => db.prepare('SELECT COUNT(*) FROM sync_outgoing').pluck().get() as number;
    const before = spooled();
    await urbino.must('sync.now', {});
    expect(spooled()).toBe(before);

    await linkProvince(region, pu);
    await pu.must('sync.now', {}); // the regional_hub record goes out
    await urbino.must('sync.now', {}); // applied
    await urbino.must('sync.now', {}); // the acknowledgement is due: the stream goes again, for the region too
    expect(spooled()).toBe(before + 1);
    const last = db.prepare('SELECT first_seq, last_seq FROM sync_outgoing ORDER BY rowid DESC LIMIT 1').get() as { first_seq: number; last_seq: number };
    expect(last.first_seq).toBe(1);
    expect(readRegionalRecipient(db)!.coveredSeq).toBe(last.last_seq);
    await pu.must('sync.now', {});
    const fwd = tempDir();
    expect((await pu.must('federation.forward', { dir: fwd })).files).toBe(1);
    const r = await region.must('federation.import', { dir: fwd });
    expect(r.results.map((x) => x.outcome)).toEqual(['applied']);
    expect(findPeer(region.backend.ctx.db, 'municipality', '041067')!.appliedSeq).toBe(outboxEvents(urbino).length);
    // Covered: the next round has nothing to send again.
    await urbino.must('sync.now', {});
    expect(spooled()).toBe(before + 1);
  });
});
