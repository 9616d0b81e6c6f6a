/**
 * Fork resolution of a federated hub's own stream (docs/federation.md, "Records"): a hub
 * restored from an old backup records its own events again differently and sends its stream to
 * the other hub, which refuses it as E_FORK (step 11) and waits for its operator. "Accept" must
 * leave the receiving hub exactly as one that only ever received the new version — the
 * read-only copies and the views that read them — with no projector run on the federated
 * stream (the receiving hub's own catalogue, courses, registry and its members' data untouched);
 * "keep" must change nothing but the fork's history, and the sender hears of it from the next
 * acknowledgement. Both ways: the regional hub's stream at a province (then, forwarded down, at
 * a member, which decides in turn), and a province's stream at the regional hub.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../helpers/backend';
import { tempDir } from '../helpers/temp-dir';
import { dumpDb } from './bundle-helpers';
import { linkProvince, openMember, openProvince, openRegion, replyTo } from './federation-helpers';
import { townToHub } from './hub-helpers';
import { restoreBackup, takeBackup } from './recovery-helpers';

const REGION = 'REG-MARCHE';
const PROVINCE = 'CST-PU';
const db = (t: TestBackend) => t.backend.ctx.db;

/** A copy of a hub opened beside it: the reference that will receive only the new version. */
const copyOf = (t: TestBackend, start: string) => openTestBackend({ dataDir: takeBackup(t), start });

/** Everything the hub holds of one sender's stream: its events, read-only records (with their data), applied position. */
function streamOf(d: Database.Database, owner: string): string {
  const q = (sql: string) => JSON.stringify(d.prepare(sql).raw(true).all(owner).map((r) => (r as unknown[]).map((v) => (Buffer.isBuffer(v) ? v.toString('hex') : v))));
  return [
    q('SELECT e.seq, e.line, e.hash FROM inbox_events e JOIN peers p USING (peer_no) WHERE p.id = ? ORDER BY e.seq'),
    q('SELECT owner, kind, id, last_seq, deleted, data FROM received_records_data WHERE owner = ? ORDER BY id'),
    q("SELECT applied_seq, applied_hash FROM peers WHERE kind = 'hub' AND id = ?"),
  ].join('\n');
}

/**
 * Everything else: every table, without the sender's stream (above) and the reception
 * bookkeeping (received files, forks, the peers' positions and times, which files went down to
 * which member). A projector run on the
 * federated stream would show here (a course, a service, a registry row, a member's total).
 */
function ownState(d: Database.Database, sender: string): string {
  const peerNo = d.prepare("SELECT peer_no FROM peers WHERE kind = 'hub' AND id = ?").pluck().get(sender) as number;
  const skip = new Set(['received_bundles', 'bundle_forks', 'peers', 'federation_forwarded_down']);
  const others = (table: string) =>
    (d.prepare(`SELECT * FROM ${table} WHERE peer_no <> ?`).raw(true).all(peerNo) as unknown[][]).map((r) => JSON.stringify(r.map((v) => (Buffer.isBuffer(v) ? v.toString('hex') : v)))).sort();
  return dumpDb(d)
    .split(/\n(?=# )/)
    .filter((s) => !skip.has(s.split('\n')[0]!.slice(2)))
    .map((s) => {
      const table = s.split('\n')[0]!.slice(2);
      // Both carry peer_no: the other senders' rows only (the sender's are compared by streamOf).
      return table === 'inbox_events' || table === 'received_records' ? [`# ${table}`, ...others(table)].join('\n') : s;
    })
    .join('\n');
}

/** Keep changes nothing but the fork's history. */
const withoutForks = (d: Database.Database) => dumpDb(d).replace(/# bundle_forks[\s\S]*?(?=\n# )/, '');

/** A region and CST-PU linked both ways; Urbino's usage reached both (the region's forwarded, read-only copy). */
async function federation() {
  const region = await openRegion(REGION);
  const pu = await openProvince(PROVINCE, 'PU');
  const town = await openMember(pu, '041067');
  await linkProvince(region, pu);
  await replyTo(pu, town, '041067');
  await town.must('usage.record', { service: 'PEC', date: '2026-10-05', quantity: '4' });
  await town.must('usage.record', { service: 'SITO', date: '2026-03-02', quantity: '1,5' });
  await townToHub(town, pu);
  const dir = tempDir();
  await pu.must('federation.forward', { dir });
  const imported = await region.must('federation.import', { dir });
  expect(imported.results.map((r) => r.outcome)).toEqual(['applied']);
  return { region, pu, town };
}

async function course(hub: TestBackend, title: string, day: number, id?: string) {
  const d = `2026-12-${String(day).padStart(2, '0')}`;
  return hub.must('hub.courses.save', { ...(id ? { id } : {}), title, startDate: d, endDate: d, hours: '4' });
}

/** `from`'s stream for `to`, imported there; the outcome. */
async function send(from: TestBackend, to: TestBackend, toId: string, all = false) {
  const [exp] = await from.must('bundle.export', { dir: tempDir(), for: toId, ...(all ? { all } : {}) });
  const [res] = await to.must('bundle.import', { files: [{ path: exp!.path }] });
  return { path: exp!.path, res: res! };
}

/** The province forwards the region's new files to Urbino, which imports them; the outcomes. */
async function down(pu: TestBackend, town: TestBackend) {
  const dir = tempDir();
  await pu.must('federation.forwardDown', { dir });
  const names = existsSync(join(dir, '041067')) ? readdirSync(join(dir, '041067')) : [];
  return town.must('bundle.import', { files: names.map((n) => ({ path: join(dir, '041067', n) })) });
}

/**
 * The regional hub publishes a course and the 2026 report, sends them to CST-PU and is backed
 * up; it adds a course and edits the first, sends again; then the backup is restored and it
 * records something else (another course, the first edited differently, the report published
 * again) and sends everything from event 1. CST-PU refuses it: E_FORK.
 */
async function regionForked() {
  const { region, pu, town } = await federation();
  const first = await course(region, 'Sicurezza informatica per i comuni', 1);
  await region.must('federation.report.publish', { year: 2026 });
  const fresh = copyOf(pu, '2026-11-26T08:00:00.000Z');
  const before = ownState(db(pu), REGION);
  const townBefore = ownState(db(town), REGION);
  expect((await send(region, pu, PROVINCE)).res.outcome).toBe('applied');
  const backup = takeBackup(region);
  await course(region, 'Accessibilità dei siti', 2);
  await course(region, 'Sicurezza informatica (seconda edizione)', 1, first.id);
  expect((await send(region, pu, PROVINCE)).res.outcome).toBe('applied');
  // Urbino holds the same version as its province (the very files, forwarded down).
  expect((await down(pu, town)).filter((r) => r.outcome !== 'applied' && r.outcome !== 'duplicate')).toEqual([]);
  expect(streamOf(db(town), REGION)).toBe(streamOf(db(pu), REGION));
  expect((await pu.must('federation.regionalRecords', {})).courses.map((c) => c.title)).toEqual(['Sicurezza informatica (seconda edizione)', 'Accessibilità dei siti']);

  const restored = restoreBackup(region, backup, '2026-11-28T08:00:00.000Z');
  await course(restored, 'Conservazione digitale', 3);
  await course(restored, 'Sicurezza informatica (edizione di primavera)', 1, first.id);
  await restored.must('federation.report.publish', { year: 2026 });
  const everything = await send(restored, pu, PROVINCE, true);
  expect(everything.res).toMatchObject({ outcome: 'refused', code: 'E_FORK', sender: { kind: 'hub', id: REGION } });
  expect(everything.res.message).toMatch(/REG-MARCHE/);
  const [fork] = await pu.must('bundle.forks', {});
  expect(fork).toMatchObject({ sender: { kind: 'hub', id: REGION }, canAccept: true, resolution: null });
  return { restored, pu, town, fresh, before, townBefore, everything, fork: fork! };
}

/**
 * CST-PU saves a course, sends its stream to the region and is backed up; it adds a course and
 * edits the first, sends again; then the backup is restored, it records something else (the
 * first course deleted, another one saved) and sends everything from event 1. The region
 * refuses it: E_FORK.
 */
async function provinceForked() {
  const { region, pu, town } = await federation();
  const first = await course(pu, 'Corso provinciale PEC', 10);
  const fresh = copyOf(region, '2026-11-26T08:00:00.000Z');
  const before = ownState(db(region), PROVINCE);
  const usage = await region.must('federation.usage', { year: 2026 });
  expect((await send(pu, region, REGION)).res.outcome).toBe('applied');
  const backup = takeBackup(pu);
  await course(pu, 'Firma digitale', 11);
  await course(pu, 'Corso provinciale PEC (aggiornato)', 10, first.id);
  expect((await send(pu, region, REGION)).res.outcome).toBe('applied');
  expect((await region.must('federation.provinceRecords', { province: PROVINCE })).courses.map((c) => c.title)).toEqual(['Corso provinciale PEC (aggiornato)', 'Firma digitale']);

  const restored = restoreBackup(pu, backup, '2026-11-28T08:00:00.000Z');
  await restored.must('hub.courses.delete', { id: first.id });
  await course(restored, 'Protocollo informatico', 12);
  const everything = await send(restored, region, REGION, true);
  expect(everything.res).toMatchObject({ outcome: 'refused', code: 'E_FORK', sender: { kind: 'hub', id: PROVINCE } });
  expect(everything.res.message).toMatch(/CST-PU/);
  const [fork] = await region.must('bundle.forks', {});
  expect(fork).toMatchObject({ sender: { kind: 'hub', id: PROVINCE }, canAccept: true, resolution: null });
  return { region, restored, town, fresh, before, usage, everything, fork: fork! };
}

describe('fork of a federated hub’s stream', () => {
  it('the regional hub restored a backup: accepting at the province leaves it as if it had received only the new version, no projector run', { timeout: 180_000 }, async () => {
    const { pu, town, fresh, before, townBefore, everything, fork } = await regionForked();
    const done = await pu.must('bundle.resolveFork', { forkNo: fork.forkNo, decision: 'accept', note: 'L’ufficio regionale ha ripristinato il backup.' });
    expect(done.fork.resolution).toMatchObject({ decision: 'accept', by: 'Ufficio CST-PU' });
    expect(done.fork.resolution!.eventsRemoved).toBeGreaterThan(0);

    // The reference: the same province before any of the region's files, given only the new version.
    expect((await fresh.must('bundle.import', { files: [{ path: everything.path }] }))[0]!.outcome).toBe('applied');
    expect(streamOf(db(pu), REGION)).toBe(streamOf(db(fresh), REGION));
    const seen = await pu.must('federation.regionalRecords', {});
    expect(seen).toEqual(await fresh.must('federation.regionalRecords', {}));
    expect(seen.courses.map((c) => c.title)).toEqual(['Sicurezza informatica (edizione di primavera)', 'Conservazione digitale']);
    expect(seen.reports.map((r) => r.year)).toEqual([2026]);
    // No projector ran on the region's records: the province's own tables (catalogue, courses,
    // registry, its members' stream and totals) are those it had before any regional file.
    expect(ownState(db(pu), REGION)).toBe(before);
    expect(ownState(db(fresh), REGION)).toBe(before);
    expect(await pu.must('hub.courses.list', {})).toEqual([]);
    const history = await pu.must('bundle.history', {});
    expect(history.receptions.find((r) => r.sha256 === fork.sha256)?.outcome).toBe('applied');

    // The accepted file now goes down like any applied regional file: Urbino, which holds the
    // old version, refuses it E_FORK in turn; its operator accepts; it ends with its province's copy.
    const [atTown] = await down(pu, town);
    expect(atTown).toMatchObject({ outcome: 'refused', code: 'E_FORK', sender: { kind: 'hub', id: REGION } });
    const [townFork] = await town.must('bundle.forks', {});
    expect(townFork).toMatchObject({ sender: { kind: 'hub', id: REGION }, canAccept: true });
    await town.must('bundle.resolveFork', { forkNo: townFork!.forkNo, decision: 'accept', note: 'Versione dell’ufficio regionale ripristinata.' });
    expect(streamOf(db(town), REGION)).toBe(streamOf(db(pu), REGION));
    expect(await town.must('federation.regionalRecords', {})).toEqual(seen);
    // Not projected at the member either: its own courses and its hub's catalogue as before.
    expect(ownState(db(town), REGION)).toBe(townBefore);
  });

  it('the regional hub restored a backup: keeping at the province changes nothing but the fork’s history', { timeout: 180_000 }, async () => {
    const { restored, pu, fork } = await regionForked();
    const before = withoutForks(db(pu));
    const shown = await pu.must('federation.regionalRecords', {});
    const done = await pu.must('bundle.resolveFork', { forkNo: fork.forkNo, decision: 'keep', note: 'Vale la versione già ricevuta.' });
    expect(done.fork.resolution).toMatchObject({ decision: 'keep', eventsRemoved: 0, eventsApplied: 0 });
    expect(withoutForks(db(pu))).toBe(before);
    expect(await pu.must('federation.regionalRecords', {})).toEqual(shown);
    expect(shown.courses.map((c) => c.title)).toEqual(['Sicurezza informatica (seconda edizione)', 'Accessibilità dei siti']);
    // The province's next bundle acknowledges ITS copy: the restored region is told of the fork.
    const { res } = await send(pu, restored, REGION);
    expect(res.warnings.join(' ')).toMatch(/biforcazione/);
  });

  it('a province restored a backup: accepting at the region leaves it as if it had received only the new version; the members’ data untouched', { timeout: 180_000 }, async () => {
    const { region, fresh, before, usage, everything, fork } = await provinceForked();
    const done = await region.must('bundle.resolveFork', { forkNo: fork.forkNo, decision: 'accept', note: 'L’ufficio provinciale ha ripristinato il backup.' });
    expect(done.fork.resolution).toMatchObject({ decision: 'accept', by: 'Ufficio regionale' });
    expect(done.fork.resolution!.eventsRemoved).toBeGreaterThan(0);

    expect((await fresh.must('bundle.import', { files: [{ path: everything.path }] }))[0]!.outcome).toBe('applied');
    expect(streamOf(db(region), PROVINCE)).toBe(streamOf(db(fresh), PROVINCE));
    const records = await region.must('federation.provinceRecords', { province: PROVINCE });
    expect(records).toEqual(await fresh.must('federation.provinceRecords', { province: PROVINCE }));
    expect(records.courses.map((c) => c.title)).toEqual(['Protocollo informatico']);
    expect(records.kinds.find((k) => k.kind === 'offered_course')?.records).toBe(1);
    // No projector ran on the province's records; the members' forwarded data is as it was.
    expect(ownState(db(region), PROVINCE)).toBe(before);
    expect(ownState(db(fresh), PROVINCE)).toBe(before);
    expect(await region.must('federation.usage', { year: 2026 })).toEqual(usage);
    expect(await region.must('hub.courses.list', {})).toEqual([]);
    expect((await region.must('federation.regionalRecords', {})).regional).toBeNull();
  });

  it('a province restored a backup: keeping at the region changes nothing but the fork’s history', { timeout: 180_000 }, async () => {
    const { region, restored, fork } = await provinceForked();
    const before = withoutForks(db(region));
    const shown = await region.must('federation.provinceRecords', { province: PROVINCE });
    const done = await region.must('bundle.resolveFork', { forkNo: fork.forkNo, decision: 'keep', note: 'Vale la versione già ricevuta.' });
    expect(done.fork.resolution).toMatchObject({ decision: 'keep', eventsRemoved: 0, eventsApplied: 0 });
    expect(withoutForks(db(region))).toBe(before);
    expect(await region.must('federation.provinceRecords', { province: PROVINCE })).toEqual(shown);
    const { res } = await send(region, restored, PROVINCE);
    expect(res.warnings.join(' ')).toMatch(/biforcazione/);
  });
});
