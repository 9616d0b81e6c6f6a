/**
 * The member's side of fork resolution: the hub restored an old backup and published a
 * different catalogue from event N on; the municipality refuses its bundle (E_FORK) and its
 * operator accepts the hub's version. Its copy of the hub's records and every screen table fed
 * from them must then equal those of a municipality that only ever received the new version.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { importBundles } from '../../electron/core/sync/inbox/import';
import { inlineVerifier } from '../../electron/core/format/worker/verifier';
import { openTestBackend, type TestBackend } from '../helpers/backend';
import { tempDir } from '../helpers/temp-dir';

async function introduce(a: TestBackend, b: TestBackend): Promise<void> {
  const file = await a.must('identity.export', {});
  const peer = await b.must('identity.import', { contentBase64: file.contentBase64 });
  await b.must('identity.confirm', { id: peer.id, fingerprint: peer.fingerprint });
}

function backup(t: TestBackend, start: string): TestBackend {
  const dir = tempDir();
  mkdirSync(join(dir, 'keys'), { recursive: true });
  copyFileSync(join(t.dataDir, 'keys', 'secret.json'), join(dir, 'keys', 'secret.json'));
  t.backend.ctx.db.exec(`VACUUM INTO '${join(dir, 'cst-desk.sqlite').replace(/'/g, "''")}'`);
  return openTestBackend({ dataDir: dir, start });
}

/** Everything the municipality holds of the hub (its stream, records and the tables its screens read). */
function memberState(db: Database.Database): string {
  const q = (sql: string) => JSON.stringify(db.prepare(sql).raw(true).all().map((r) => (r as unknown[]).map((v) => (Buffer.isBuffer(v) ? v.toString('hex') : v))));
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND (name LIKE 'hub\\_%' ESCAPE '\\' OR name LIKE 'gov\\_%' ESCAPE '\\') ORDER BY name").pluck().all() as string[];
  return [
    q('SELECT p.id, e.seq, e.line, e.hash FROM inbox_events e JOIN peers p USING (peer_no) ORDER BY p.id, e.seq'),
    q('SELECT id, owner, kind, last_seq, deleted FROM received_records ORDER BY id'),
    q('SELECT * FROM services ORDER BY code'),
    q('SELECT * FROM courses ORDER BY id'),
    q('SELECT * FROM thematic_groups ORDER BY id'),
    q('SELECT * FROM members ORDER BY istat'),
    q('SELECT kind, id, applied_seq, applied_hash FROM peers ORDER BY kind, id'),
    ...tables.map((t) => `${t}: ${q(`SELECT * FROM "${t}" ORDER BY 1, 2`)}`),
  ].join('\n');
}

describe('fork resolution on a municipality (the hub restored a backup)', () => {
  it('accepting the hub’s version leaves the municipality as if it had only received that version', async () => {
    const hub = openTestBackend({ start: '2026-11-20T08:00:00.000Z' });
    await hub.must('setup.hub', { id: 'CST-PU', name: 'CST Pesaro-Urbino', province: 'PU', operator: 'Luca Bianchi' });
    const town = openTestBackend({ start: '2026-11-20T09:00:00.000Z' });
    await town.must('setup.municipality', { istat: '041067', operator: 'Maria Rossi' });
    await introduce(town, hub);
    await introduce(hub, town);
    // A copy of the town before it reads anything: the reference receives only the new version.
    const fresh = backup(town, '2026-11-20T09:00:00.000Z');
    const hubBackup = backup(hub, '2026-11-22T08:00:00.000Z');

    // The hub's version that will be lost: a new service, a course, an edited group.
    await hub.must('hub.services.save', { code: 'PAGOPA', nameIt: 'Pagamenti pagoPA', nameEn: 'pagoPA payments', category: 'citizens', unit: 'requests' });
    await hub.must('hub.courses.save', { title: 'Sicurezza informatica di base', area: 'Sicurezza', startDate: '2026-12-01', endDate: '2026-12-02', hours: '7,5', mode: 'online', provider: 'CST' });
    const [old] = await hub.must('bundle.export', { dir: tempDir(), for: '041067' });
    expect((await importBundles(town.backend.ctx, [{ path: old!.path }], { verifier: inlineVerifier }))[0]!.outcome).toBe('applied');
    expect(town.backend.ctx.db.prepare("SELECT count(*) FROM services WHERE code = 'PAGOPA'").pluck().get()).toBe(1);
    expect(town.backend.ctx.db.prepare('SELECT count(*) FROM courses WHERE consortium = 1').pluck().get()).toBe(1);

    // The restored hub publishes something else from the same point, and sends everything.
    await hubBackup.must('hub.groups.save', { name: 'Transizione digitale', description: 'Piano triennale AgID' });
    await hubBackup.must('hub.services.save', { code: 'SUE', nameIt: 'Sportello unico edilizia', nameEn: 'Building desk', category: 'territory', unit: 'cases' });
    const [replacement] = await hubBackup.must('bundle.export', { dir: tempDir(), for: '041067', all: true });
    const [refused] = await importBundles(town.backend.ctx, [{ path: replacement!.path }], { verifier: inlineVerifier });
    expect(refused!.code).toBe('E_FORK');

    const [fork] = await town.must('bundle.forks', {});
    expect(fork).toMatchObject({ sender: { kind: 'hub', id: 'CST-PU' }, canAccept: true });
    const done = await town.must('bundle.resolveFork', { forkNo: fork!.forkNo, decision: 'accept', note: 'Il consorzio ha ripristinato il backup.' });
    expect(done.fork.resolution).toMatchObject({ decision: 'accept', by: 'Maria Rossi', eventsRemoved: 2, eventsApplied: 2 });

    expect((await importBundles(fresh.backend.ctx, [{ path: replacement!.path }], { verifier: inlineVerifier }))[0]!.outcome).toBe('applied');
    expect(memberState(town.backend.ctx.db)).toBe(memberState(fresh.backend.ctx.db));
    expect(town.backend.ctx.db.prepare("SELECT count(*) FROM services WHERE code = 'PAGOPA'").pluck().get()).toBe(0);
    expect(town.backend.ctx.db.prepare("SELECT count(*) FROM services WHERE code = 'SUE'").pluck().get()).toBe(1);
    expect(town.backend.ctx.db.prepare('SELECT count(*) FROM courses').pluck().get()).toBe(0);
    expect(town.backend.ctx.db.prepare("SELECT name FROM thematic_groups WHERE source = 'hub'").pluck().all()).toEqual(['Transizione digitale']);
  }, 60_000);
});
