/**
 * Federation through the mailbox (issue 12, docs/federation.md "Through the mailbox"): three
 * municipalities in two provinces and a region, each province with its own real mailbox server
 * on 127.0.0.1. Members sync with their province by the mailbox; each provincial sync round
 * forwards the very files (and the signed roster) to the `regional` inbox of its mailbox; the
 * regional sync round collects them, shuffled, duplicated and delayed, through the import of
 * `federation.import`. The region ends holding what the provinces hold, and the folder path
 * adds nothing to it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ageDecrypt, ageEncrypt } from '../../electron/core/format/crypto/age';
import { openZip } from '../../electron/core/format/container/zip-reader';
import { writeZip } from '../../electron/core/format/container/zip-writer';
import { loadInstallationKeys } from '../../electron/core/sync/identity/keys';
import { findPeer } from '../../electron/core/sync/peers/peers-store';
import { readRegionalRecipient } from '../../electron/core/sync/peers/regional-recipient';
import { tempDir } from '../helpers/temp-dir';
import { linkProvince, receivedRecords, rng, streamHeads, usageRows } from './federation-helpers';
import { addTown, calm, db, openProvinceWithMailbox, openRegionWith, openTwoProvinces, regionalFiles, settle, syncOk } from './federation-mailbox-helpers';
import { verifyInline } from './network-helpers';

describe('federation through the mailbox', () => {
  it('member bundles reach the region over each province’s mailbox, shuffled, duplicated, delayed and cut; the region equals the folder path', { timeout: 180_000 }, async () => {
    verifyInline();
    const weather = calm();
    // Seeded: the draws follow the files waiting (the provinces' own bundles are among them since
    // they travel by the mailbox too); with this seed a delay leaves a member's gap (pending), not only a roster held back (kept).
    const random = rng(13);
    weather.random = random;
    const { region, pu, an, provinces } = await openTwoProvinces(weather);

    // Before the region: data reach each province by its mailbox, encrypted to it alone.
    for (const p of provinces) {
      for (const town of p.towns) await town.t.must('usage.record', { service: 'PEC', date: '2026-09-03', quantity: '2' });
      await settle(p);
    }

    // Both links by fingerprint; the regional office types each province's mailbox address.
    for (const p of provinces) {
      await linkProvince(region, p.hub);
      const set = await region.must('federation.province.mailbox', { id: p.id, url: p.mailbox.url });
      expect(set.mailbox).toBe(p.mailbox.url.replace(/\/+$/, ''));
    }
    // The announcement reaches the members; their next bundles are for both hubs, from seq 1.
    for (const p of provinces) {
      await settle(p);
      for (const town of p.towns) expect(readRegionalRecipient(db(town.t))).toMatchObject({ id: 'REG-MARCHE' });
    }

    /** The outcomes the region's receptions showed between collections (a pending one later applied shows `applied` in the end). */
    const seen = new Set<string>();
    // Rounds of member data; each province forwards as its rounds go, some rounds cut mid-way.
    let day = 1;
    for (let round = 0; round < 3; round++) {
      for (const p of provinces) {
        for (const town of p.towns) {
          await town.t.must('usage.record', { service: 'PEC', date: `2026-10-${String(day++).padStart(2, '0')}`, quantity: String(1 + round) });
          await town.t.must('usage.record', { service: 'SITO', date: `2026-11-${String(day++).padStart(2, '0')}`, quantity: `${round},5` });
          await syncOk(town.t);
        }
        if (round === 1 && p.towns.length > 1) {
          // The line drops after one file for the region: the round fails, the next resumes.
          weather.sendsBeforeCut = 1;
          const cut = await p.hub.must('sync.now', {});
          expect(cut.lastError?.key).toBe('syncAgent.offline');
          expect(cut.federation?.toForward?.files).toBeGreaterThan(0);
          weather.sendsBeforeCut = null;
        }
        await syncOk(p.hub);
        expect((await p.hub.must('sync.network', {})).federation?.toForward).toEqual({ region: 'REG-MARCHE', files: 0, notForRegion: 0, toMembers: 0 });
      }
      // The region collects now and then, part of the files held back each time.
      if (round > 0) {
        weather.hide = () => random() < 0.5;
        weather.shuffle = true;
        weather.duplicate = true;
        await syncOk(region);
        for (const o of db(region).prepare('SELECT DISTINCT outcome FROM received_bundles').pluck().all() as string[]) seen.add(o);
      }
    }
    // A forwarded record lost at a province: the same files go again, the mailbox stores nothing twice.
    db(pu.hub).prepare('DELETE FROM federation_forwarded').run();
    await syncOk(pu.hub);
    for (const p of provinces) await settle(p);

    // Last collections: everything delivered, in whatever order the weather chose.
    weather.hide = () => false;
    for (let i = 0; i < 2; i++) await syncOk(region);
    for (const o of db(region).prepare('SELECT DISTINCT outcome FROM received_bundles').pluck().all() as string[]) seen.add(o);
    // Delays left real gaps (pending, filled later; kept when the roster was the one held back),
    // repeats duplicates; nothing refused.
    expect([...seen]).toEqual(expect.arrayContaining(['applied', 'duplicate', 'pending']));
    expect(seen.has('refused')).toBe(false);
    expect(db(region).prepare("SELECT COUNT(*) FROM received_bundles WHERE outcome IN ('pending', 'kept')").pluck().get()).toBe(0);
    for (const p of provinces) expect(regionalFiles(p.mailbox), 'every file taken from the regional inbox').toEqual([]);

    // The region holds exactly what the provinces hold.
    const puTowns = ['041044', '041067'];
    const anTowns = ['042002'];
    for (const p of provinces) for (const town of p.towns) expect(findPeer(db(p.hub), 'municipality', town.istat)!.appliedSeq).toBe(db(town.t).prepare('SELECT max(seq) FROM outbox').pluck().get());
    const views = () => ({
      records: receivedRecords(db(region), [...puTowns, ...anTowns]),
      usage: usageRows(db(region), [...puTowns, ...anTowns]),
      heads: streamHeads(db(region), [...puTowns, ...anTowns]),
    });
    expect(views()).toEqual({
      records: [...receivedRecords(db(pu.hub), puTowns), ...receivedRecords(db(an.hub), anTowns)],
      usage: [...usageRows(db(pu.hub), puTowns), ...usageRows(db(an.hub), anTowns)],
      heads: [...streamHeads(db(pu.hub), puTowns), ...streamHeads(db(an.hub), anTowns)],
    });
    // The folder path, everything forwarded again, adds nothing: the same views.
    const before = views();
    for (const p of provinces) {
      const dir = tempDir();
      await p.hub.must('federation.forward', { dir, all: true });
      const r = await region.must('federation.import', { dir });
      expect(r.results.every((x) => x.outcome === 'duplicate')).toBe(true);
    }
    expect(views()).toEqual(before);

    // What the operators see: on the region each province's last collection, on a province nothing left.
    const status = await region.must('sync.network', {});
    expect(status.state).toBe('idle');
    expect(status.federation?.provinces.map((p) => [p.id, p.lastCollection?.error])).toEqual([
      ['CST-AN', null],
      ['CST-PU', null],
    ]);
    const list = await region.must('federation.provinces', {});
    expect(list.map((p) => [p.id, p.members, p.membersWithData, p.mailbox])).toEqual([
      ['CST-AN', 1, 1, an.mailbox.url.replace(/\/+$/, '')],
      ['CST-PU', 2, 2, pu.mailbox.url.replace(/\/+$/, '')],
    ]);
  });

  it('a member not on the province’s roster is kept until a roster vouches for it; a file altered in the mailbox’s folder is refused naming the province', { timeout: 120_000 }, async () => {
    verifyInline();
    const weather = calm();
    const regionAgent = await openRegionWith(weather);
    const pu = await openProvinceWithMailbox(weather, 'CST-PU', 'PU');
    await addTown(weather, pu, '041067');
    await linkProvince(regionAgent, pu.hub);
    await regionAgent.must('federation.province.mailbox', { id: 'CST-PU', url: pu.mailbox.url });
    await settle(pu);
    await pu.towns[0]!.t.must('usage.record', { service: 'PEC', date: '2026-10-05', quantity: '3' });
    await settle(pu);
    await syncOk(regionAgent);
    expect(findPeer(db(regionAgent), 'municipality', '041067')!.appliedSeq).toBeGreaterThan(0);

    // Pesaro joins; its bundles reach the region before the roster that vouches for it.
    const pesaro = await addTown(weather, pu, '041044');
    await settle(pu);
    await pesaro.must('usage.record', { service: 'PEC', date: '2026-10-06', quantity: '1' });
    await settle(pu);
    const rosters = new Set(regionalFiles(pu.mailbox).filter((f) => f.roster).map((f) => f.sha256));
    expect(rosters.size).toBeGreaterThan(0);
    weather.hide = (sha) => rosters.has(sha);
    await syncOk(regionAgent);
    const kept = db(regionAgent).prepare("SELECT DISTINCT outcome, code FROM received_bundles WHERE sender_id = '041044'").all();
    expect(kept).toEqual([{ outcome: 'kept', code: 'E_UNKNOWN_SENDER' }]);
    expect(regionalFiles(pu.mailbox).filter((f) => !f.roster).length, 'kept at the mailbox').toBeGreaterThan(0);
    weather.hide = () => false;
    await syncOk(regionAgent);
    expect(findPeer(db(regionAgent), 'municipality', '041044')!.appliedSeq).toBe(db(pesaro).prepare('SELECT max(seq) FROM outbox').pluck().get());
    expect(regionalFiles(pu.mailbox)).toEqual([]);

    // Someone with the mailbox's folder alters a forwarded file (a province could: it holds the key).
    const urbino = pu.towns[0]!.t;
    await urbino.must('usage.record', { service: 'PEC', date: '2026-10-07', quantity: '3' });
    await settle(pu);
    const [target] = regionalFiles(pu.mailbox).filter((f) => !f.roster);
    expect(target).toBeDefined();
    await pu.mailbox.close();
    const keys = loadInstallationKeys(pu.hub.dataDir);
    const any = { allowedNames: () => true, maxEntries: 1000, maxEntryBytes: () => 1 << 28, maxTotalBytes: 1 << 28 };
    const zip = openZip(ageDecrypt(readFileSync(target!.path), [keys.ageIdentity]), any);
    const entries = zip.entries.map((e) => ({ name: e.name, data: e.name === 'events.ndjson' ? Buffer.from(zip.readEntry(e.name).toString('utf8').replace('"quantity_milli":3000', '"quantity_milli":9000')) : zip.readEntry(e.name) }));
    const altered = ageEncrypt(writeZip(entries), [keys.ageRecipient, loadInstallationKeys(regionAgent.dataDir).ageRecipient]);
    expect(createHash('sha256').update(altered).digest('hex')).not.toBe(target!.sha256);
    writeFileSync(target!.path, altered);
    const index = new Database(join(pu.mailbox.dataDir, 'mailbox.sqlite'));
    index.prepare("UPDATE bundles SET bytes = ?, received = ? WHERE recipient = 'regional' AND sha256 = ?").run(altered.length, altered.length, target!.sha256);
    index.close();
    await pu.mailbox.restart();

    const s = await regionAgent.must('sync.now', {});
    expect(s.lastError).toBeNull();
    const refused = db(regionAgent).prepare("SELECT outcome, code, original_name FROM received_bundles WHERE outcome = 'refused'").all() as { outcome: string; code: string; original_name: string }[];
    expect(refused).toHaveLength(1);
    expect(refused[0]!.code).toBe('E_DIGEST');
    expect(refused[0]!.original_name).toBe(`CST-PU/${target!.sha256}.cstb`);
    const status = (await regionAgent.must('sync.network', {})).federation!.provinces[0]!;
    expect(status).toMatchObject({ id: 'CST-PU', name: 'Consorzio PU', lastCollection: { refused: 1, error: null } });
    // The altered file is gone from the mailbox; the genuine one still reaches the region by folder.
    expect(regionalFiles(pu.mailbox)).toEqual([]);
    const dir = tempDir();
    await pu.hub.must('federation.forward', { dir, all: true });
    await regionAgent.must('federation.import', { dir });
    expect(findPeer(db(regionAgent), 'municipality', '041067')!.appliedSeq).toBe(db(urbino).prepare('SELECT max(seq) FROM outbox').pluck().get());
  });
});
