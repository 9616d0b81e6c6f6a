/**
 * Fork resolution on real SQLite: a municipality restored from an old backup re-records events
 * 4… differently and sends everything again; the hub refuses it as E_FORK (step 11) and waits
 * for its operator. "Accept" must leave the hub exactly as a hub that only ever received the
 * new version; "keep" must change nothing but the fork's history.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { importBundles } from '../../electron/core/sync/inbox/import';
import { insertInstallation, requireInstallation } from '../../electron/core/platform/installation/installation-store';
import { inlineVerifier } from '../../electron/core/format/worker/verifier';
import { openTestBackend, type TestBackend } from '../helpers/backend';
import { tempDir } from '../helpers/temp-dir';
import { dumpDb } from './bundle-helpers';

async function introduce(a: TestBackend, b: TestBackend): Promise<void> {
  const file = await a.must('identity.export', {});
  const peer = await b.must('identity.import', { contentBase64: file.contentBase64 });
  await b.must('identity.confirm', { id: peer.id, fingerprint: peer.fingerprint });
}

/** A second hub with the same identity and outbox, that knows the town, nothing received. */
async function twinHub(hub: TestBackend, town: TestBackend): Promise<TestBackend> {
  const twin = openTestBackend();
  mkdirSync(join(twin.dataDir, 'keys'), { recursive: true });
  writeFileSync(join(twin.dataDir, 'keys', 'secret.json'), readFileSync(join(hub.dataDir, 'keys', 'secret.json')), { mode: 0o600 });
  insertInstallation(twin.backend.ctx.db, requireInstallation(hub.backend.ctx.db));
  for (const table of ['members', 'outbox']) {
    const cols = (twin.backend.ctx.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
    const rows = hub.backend.ctx.db.prepare(`SELECT ${cols.join(', ')} FROM ${table}`).all() as Record<string, unknown>[];
    const ins = twin.backend.ctx.db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
    for (const r of rows) ins.run(table === 'members' ? { ...r, status: 'pending' } : r);
  }
  await introduce(town, twin);
  return twin;
}

/** What the members' data looks like on the hub (the stream, records, every projection of issue 4). */
function hubState(db: Database.Database): string {
  const q = (sql: string) => JSON.stringify(db.prepare(sql).raw(true).all().map((r) => (r as unknown[]).map((v) => (Buffer.isBuffer(v) ? v.toString('hex') : v))));
  return [
    q('SELECT p.id, e.seq, e.line, e.hash FROM inbox_events e JOIN peers p USING (peer_no) ORDER BY p.id, e.seq'),
    q('SELECT id, owner, kind, last_seq, deleted FROM received_records ORDER BY id'),
    q('SELECT * FROM received_usage_monthly ORDER BY owner, service, month'),
    q('SELECT * FROM hub_training_courses ORDER BY id'),
    q('SELECT * FROM hub_training_course_totals ORDER BY owner, course_id'),
    q('SELECT * FROM hub_training_yearly ORDER BY owner, year'),
    q('SELECT * FROM hub_staff_counts ORDER BY owner'),
    q('SELECT id, owner, status, version, title, last_seq FROM hub_proposals ORDER BY id'),
    q('SELECT kind, id, applied_seq, applied_hash FROM peers ORDER BY kind, id'),
  ].join('\n');
}

const hubImport = async (hub: TestBackend, path: string) => (await importBundles(hub.backend.ctx, [{ path }], { verifier: inlineVerifier }))[0]!;

/**
 * Urbino records 1–3 (a course, staff, usage), sends them, is backed up, records 4–6, sends
 * them; then the backup is restored and 4'–8' are recorded differently and sent from event 1.
 */
async function forkedExchange() {
  const hub = openTestBackend({ start: '2026-11-26T08:00:00.000Z' });
  await hub.must('setup.hub', { id: 'CST-PU', name: 'CST Pesaro-Urbino', province: 'PU', operator: 'Luca Bianchi' });
  const town = openTestBackend({ start: '2026-11-20T08:00:00.000Z' });
  await town.must('setup.municipality', { istat: '041067', operator: 'Anna Rossi' });
  await introduce(town, hub);
  await introduce(hub, town);
  const twin = await twinHub(hub, town);
  const out = tempDir();

  const course = await town.must('courses.create', { title: 'PEC', startDate: '2026-03-01', endDate: '2026-03-01', hours: '4' });
  const s1 = await town.must('staff.create', {});
  await town.must('usage.record', { service: 'PEC', date: '2026-02-10', quantity: '5' });
  const first = (await town.must('bundle.export', { dir: out }))[0]!;
  // The backup, taken after the first bundle: the restored town will not know events 4–6.
  const restoredDir = tempDir();
  mkdirSync(join(restoredDir, 'keys'), { recursive: true });
  copyFileSync(join(town.dataDir, 'keys', 'secret.json'), join(restoredDir, 'keys', 'secret.json'));
  town.backend.ctx.db.exec(`VACUUM INTO '${join(restoredDir, 'cst-desk.sqlite').replace(/'/g, "''")}'`);
  // The hub applies 1–3 and acknowledges them: the town's next bundle carries 4–6 only.
  expect((await hubImport(hub, first.path)).outcome).toBe('applied');
  const [ack] = await hub.must('bundle.export', { dir: tempDir(), for: '041067' });
  await importBundles(town.backend.ctx, [{ path: ack!.path }], { verifier: inlineVerifier });

  const u = await town.must('usage.record', { service: 'PEC', date: '2026-02-11', quantity: '7' });
  await town.must('participations.create', { staffId: s1.id, courseId: course.id, completed: true });
  await town.must('usage.update', { id: u.id, service: 'PEC', date: '2026-03-11', quantity: '8' });
  const p2 = await town.must('proposals.create', { title: 'Wi-Fi nelle frazioni', problem: 'Niente rete.', solution: 'Punti di accesso.', oneOffCents: 1_250_000 });
  await town.must('proposals.submit', { id: p2.id });
  const second = (await town.must('bundle.export', { dir: out }))[0]!;
  expect(second.range).toEqual({ first: 4, last: 8 });
  expect((await hubImport(hub, second.path)).outcome).toBe('applied');
  town.backend.close();

  const restored = openTestBackend({ dataDir: restoredDir, start: '2026-11-25T08:00:00.000Z' });
  const s2 = await restored.must('staff.create', {});
  await restored.must('participations.create', { staffId: s2.id, courseId: course.id, completed: false });
  await restored.must('usage.record', { service: 'PEC', date: '2026-02-12', quantity: '3' });
  await restored.must('usage.record', { service: 'SITO', date: '2026-04-01', quantity: '1' });
  await restored.must('courses.update', { id: course.id, title: 'PEC', startDate: '2025-12-01', endDate: '2025-12-01', hours: '4' });
  const p3 = await restored.must('proposals.create', { title: 'Sportello digitale', problem: 'Code agli uffici.', solution: 'Prenotazioni in rete.', oneOffCents: 300_000 });
  await restored.must('proposals.submit', { id: p3.id });
  const everything = (await restored.must('bundle.export', { dir: out, all: true }))[0]!;
  expect(everything.range).toEqual({ first: 1, last: 10 });
  return { hub, twin, restored, everything, out };
}

describe('fork resolution (bundle.resolveFork)', () => {
  it('accept: the hub ends exactly like a hub that received only the new version', async () => {
    const { hub, twin, everything } = await forkedExchange();
    const refused = await hubImport(hub, everything.path);
    expect(refused.code).toBe('E_FORK');
    const [fork] = await hub.must('bundle.forks', {});
    expect(fork).toMatchObject({ seq: 4, canAccept: true, appliedSeq: 8, resolution: null, file: { range: { first: 1, last: 10 } } });
    expect(fork!.storedFrom?.name).toMatch(/-4-8\.cstb$/);
    expect(hub.backend.ctx.db.prepare('SELECT title FROM hub_proposals').pluck().all()).toEqual(['Wi-Fi nelle frazioni']);

    // The reference: the same hub identity, only the restored town's bundle.
    expect((await hubImport(twin, everything.path)).outcome).toBe('applied');
    const reference = hubState(twin.backend.ctx.db);
    expect(hubState(hub.backend.ctx.db)).not.toBe(reference);

    const done = await hub.must('bundle.resolveFork', { forkNo: fork!.forkNo, decision: 'accept', note: 'Il comune ha ripristinato il backup: vale la sua versione.' });
    expect(done.fork.resolution).toMatchObject({ decision: 'accept', by: 'Luca Bianchi', eventsRemoved: 5, eventsApplied: 7 });
    expect(done.fork.resolution!.note).toBe('Il comune ha ripristinato il backup: vale la sua versione.');
    expect(hubState(hub.backend.ctx.db)).toBe(reference);
    expect(hub.backend.ctx.db.prepare('SELECT title FROM hub_proposals').pluck().all()).toEqual(['Sportello digitale']);
    // The reception now says applied; nothing waits; the fork is history (decided, not open).
    const history = await hub.must('bundle.history', {});
    expect(history.receptions.find((r) => r.sha256 === fork!.sha256)?.outcome).toBe('applied');
    expect((await hub.must('bundle.forks', {})).filter((f) => !f.resolution)).toEqual([]);
    // A second decision on the same fork is refused.
    const again = await hub.call('bundle.resolveFork', { forkNo: fork!.forkNo, decision: 'keep', note: 'x' });
    expect(again.ok).toBe(false);
  }, 60_000);

  it('accept: a second file of the same new version, refused meanwhile, is applied and its fork closed too', async () => {
    const { hub, twin, restored, everything, out } = await forkedExchange();
    await hubImport(hub, everything.path);
    await restored.must('usage.record', { service: 'PEC', date: '2026-05-01', quantity: '2' });
    const [again] = await restored.must('bundle.export', { dir: out, all: true });
    expect(again!.range).toEqual({ first: 1, last: 11 });
    expect((await hubImport(hub, again!.path)).code).toBe('E_FORK');
    const forks = await hub.must('bundle.forks', {});
    expect(forks.map((f) => [f.seq, f.resolution])).toEqual([
      [4, null],
      [4, null],
    ]);
    const done = await hub.must('bundle.resolveFork', { forkNo: forks[0]!.forkNo, decision: 'accept', note: 'Versione del comune.' });
    expect(done.fork.resolution?.decision).toBe('accept');
    const after = await hub.must('bundle.forks', {});
    expect(after.every((f) => f.resolution?.decision === 'accept')).toBe(true);
    expect(after.find((f) => f.forkNo === forks[1]!.forkNo)?.resolution).toMatchObject({ eventsApplied: 1, note: expect.stringMatching(/già accettata/) });
    expect((await hubImport(twin, again!.path)).outcome).toBe('applied');
    expect(hubState(hub.backend.ctx.db)).toBe(hubState(twin.backend.ctx.db));
  }, 60_000);

  it('keep: nothing changes but the fork history; the sender hears it from the acknowledgement', async () => {
    const { hub, restored, everything } = await forkedExchange();
    await hubImport(hub, everything.path);
    const [fork] = await hub.must('bundle.forks', {});
    const before = dumpDb(hub.backend.ctx.db).replace(/# bundle_forks[\s\S]*?(?=\n# )/, '');
    const done = await hub.must('bundle.resolveFork', { forkNo: fork!.forkNo, decision: 'keep', note: 'Dati già verificati al telefono con il comune.' });
    expect(done.fork.resolution).toMatchObject({ decision: 'keep', eventsRemoved: 0, eventsApplied: 0 });
    expect(dumpDb(hub.backend.ctx.db).replace(/# bundle_forks[\s\S]*?(?=\n# )/, '')).toBe(before);
    expect(await hub.must('bundle.history', {}).then((h) => h.receptions.find((r) => r.sha256 === fork!.sha256)?.code)).toBe('E_FORK');
    // The hub's next bundle acknowledges ITS copy: the restored town is told of the fork.
    const [reply] = await hub.must('bundle.export', { dir: tempDir(), for: '041067', all: true });
    const [res] = await importBundles(restored.backend.ctx, [{ path: reply!.path }], { verifier: inlineVerifier });
    expect(res!.warnings.join(' ')).toMatch(/biforcazione/);
  }, 60_000);

  it('a file that starts after the fork cannot be accepted: the fork stays open and the message says what to ask', async () => {
    const { hub, restored, out } = await forkedExchange();
    // The restored town believes the hub has its events up to 6: it sends 7–10 only.
    restored.backend.ctx.db.prepare("UPDATE peers SET acked_seq = 6, acked_hash = (SELECT hash FROM outbox WHERE seq = 6) WHERE kind = 'hub'").run();
    const [late] = await restored.must('bundle.export', { dir: out });
    expect(late!.range).toEqual({ first: 7, last: 10 });
    expect((await hubImport(hub, late!.path)).code).toBe('E_FORK');
    const [fork] = await hub.must('bundle.forks', {});
    expect(fork).toMatchObject({ seq: 6, canAccept: false, receivedLine: null });
    const before = dumpDb(hub.backend.ctx.db);
    const r = await hub.call('bundle.resolveFork', { forkNo: fork!.forkNo, decision: 'accept', note: 'prova' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('E_FORK');
      expect(r.error.message).toMatch(/inviare tutto dal primo evento/);
      expect(r.error.params).toMatchObject({ seq: 6, first: 7 });
    }
    expect(dumpDb(hub.backend.ctx.db)).toBe(before);
    const note = await hub.call('bundle.resolveFork', { forkNo: fork!.forkNo, decision: 'keep', note: '   ' });
    expect(note.ok).toBe(false);
  }, 60_000);
});
