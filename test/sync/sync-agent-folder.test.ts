/**
 * The sync agent end to end over the shared-folder courier: real data directories, real bundles
 * written by the exporter, imported by the ordinary import, a real folder between them.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { inlineVerifier } from '../../electron/core/format/worker/verifier';
import { insertInstallation, requireInstallation } from '../../electron/core/platform/installation/installation-store';
import { importBundles } from '../../electron/core/sync/inbox/import';
import { createFolderCourier } from '../../electron/core/sync/network/folder-courier';
import { runSyncRound } from '../../electron/core/sync/network/sync-round';
import { openTestBackend, type TestBackend } from '../helpers/backend';
import { tempDir } from '../helpers/temp-dir';
import { introduce, openHub, openTown } from './hub-helpers';

/** Every `.cstb` waiting in the shared folder, by recipient. */
function waiting(folder: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of readdirSync(folder)) out[r] = readdirSync(join(folder, r)).filter((n) => n.endsWith('.cstb')).sort();
  return out;
}

const spoolCount = (t: TestBackend) => t.backend.ctx.db.prepare('SELECT count(*) FROM sync_outgoing').pluck().get() as number;
const head = (t: TestBackend) => (t.backend.ctx.db.prepare('SELECT max(seq) FROM outbox').pluck().get() as number | null) ?? 0;
const peer = (t: TestBackend, id: string) => t.backend.ctx.db.prepare('SELECT applied_seq, acked_seq FROM peers WHERE id = ?').get(id) as { applied_seq: number; acked_seq: number | null };

async function useFolder(folder: string, ...parties: TestBackend[]): Promise<void> {
  for (const p of parties) await p.must('sync.configure', { folder });
}

describe('sync agent over a shared folder', () => {
  it('member → hub → member: the hub holds the entry, the member the hub’s ack and records; repeated rounds send nothing', async () => {
    const folder = tempDir();
    const hub = await openHub();
    const town = await openTown(hub, '041067');
    await useFolder(folder, hub, town);
    await town.must('usage.record', { service: 'PEC', date: '2026-11-20', quantity: '3' });

    const first = await town.must('sync.now', {});
    expect(first.lastError).toBeNull();
    expect(first.lastRound).toMatchObject({ sent: 1, received: 0 });
    expect(waiting(folder).hub).toHaveLength(1);

    const atHub = await hub.must('sync.now', {});
    expect(atHub.lastError).toBeNull();
    expect(atHub.lastRound).toMatchObject({ received: 1, applied: 1, sent: 1 });
    expect(waiting(folder).hub).toEqual([]);
    expect(waiting(folder)['041067']).toHaveLength(1);
    expect(peer(hub, '041067').applied_seq).toBe(head(town));
    const usage = hub.backend.ctx.db.prepare("SELECT count(*) FROM received_usage_monthly WHERE owner = '041067'").pluck().get() as number;
    expect(usage).toBe(1);

    const back = await town.must('sync.now', {});
    expect(back.lastRound).toMatchObject({ received: 1, applied: 1 });
    expect(peer(town, 'CST-PU')).toEqual({ applied_seq: head(hub), acked_seq: head(town) });
    expect(back.eventsToSend).toBe(0);

    // Settle (the member acknowledges the hub's events), then nothing moves any more.
    for (let i = 0; i < 2; i += 1) {
      await town.must('sync.now', {});
      await hub.must('sync.now', {});
    }
    const spooled = [spoolCount(town), spoolCount(hub)];
    for (let i = 0; i < 3; i += 1) {
      const a = await town.must('sync.now', {});
      const b = await hub.must('sync.now', {});
      expect(a.lastRound).toMatchObject({ sent: 0, received: 0 });
      expect(b.lastRound).toMatchObject({ sent: 0, received: 0 });
    }
    expect([spoolCount(town), spoolCount(hub)]).toEqual(spooled);
    expect(waiting(folder)).toEqual({ hub: [], '041067': [] });
    expect(peer(hub, '041067').acked_seq).toBe(head(hub));
    const dupes = hub.backend.ctx.db.prepare("SELECT count(*) FROM received_bundles WHERE outcome NOT IN ('applied')").pluck().get();
    expect(dupes).toBe(0);
    expect((await hub.must('log.verify', {})).ok).toBe(true);
    expect((await town.must('log.verify', {})).ok).toBe(true);
  }, 60_000);
});

describe('sync agent: waiting bundles and several members', () => {
  it('a bundle with a gap stays in the folder, is not downloaded twice, and goes once the gap is filled', async () => {
    const folder = tempDir();
    const hub = await openHub();
    const town = await openTown(hub, '041067');
    await useFolder(folder, hub, town);
    await town.must('usage.record', { service: 'PEC', date: '2026-11-20', quantity: '3' });
    const [x] = await town.must('bundle.export', { dir: tempDir() });
    // As if the hub had acknowledged X (carried by hand) and then lost it: the town's next
    // bundle starts after X, so at the hub it waits for X.
    const db = town.backend.ctx.db;
    db.prepare("UPDATE peers SET acked_seq = ?, acked_hash = (SELECT hash FROM outbox WHERE seq = ?) WHERE kind = 'hub'").run(x!.range.last, x!.range.last);
    await town.must('usage.record', { service: 'SITO', date: '2026-11-21', quantity: '1' });
    expect((await town.must('sync.now', {})).lastRound).toMatchObject({ sent: 1 });
    const [b] = waiting(folder).hub!;

    const first = await hub.must('sync.now', {});
    expect(first.lastRound).toMatchObject({ received: 1, applied: 0 });
    expect(first.bundlesToApply).toBe(1);
    expect(waiting(folder).hub).toEqual([b]);
    const again = await hub.must('sync.now', {});
    expect(again.lastRound).toMatchObject({ received: 0, applied: 0 });
    expect(waiting(folder).hub).toEqual([b]);
    expect(hub.backend.ctx.db.prepare('SELECT count(*) FROM received_bundles').pluck().get()).toBe(1);

    // X arrives late through the share: both apply, both leave the folder.
    copyFileSync(x!.path, join(folder, 'hub', `${x!.sha256}.cstb`));
    const filled = await hub.must('sync.now', {});
    expect(filled.lastRound).toMatchObject({ received: 1, applied: 2 });
    expect(filled.bundlesToApply).toBe(0);
    expect(waiting(folder).hub).toEqual([]);
    expect(peer(hub, '041067').applied_seq).toBe(head(town));
  }, 60_000);

  it('a hub with three members, in pages of two: the same state as importing every bundle by file', async () => {
    const folder = tempDir();
    const hub = await openHub();
    const istats = ['041067', '041044', '041013'];
    const towns: TestBackend[] = [];
    for (const istat of istats) towns.push(await openTown(hub, istat));
    await useFolder(folder, hub, ...towns);
    const hubCourier = createFolderCourier({ folder, self: 'hub' });
    const carried: string[] = [];
    const capture = tempDir();
    for (let wave = 0; wave < 3; wave += 1) {
      for (const [i, t] of towns.entries()) {
        for (let k = 0; k <= i; k += 1) await t.must('usage.record', { service: k % 2 ? 'PEC' : 'SITO', date: `2026-0${wave + 1}-1${k}`, quantity: String(1 + k + wave) });
        await t.must('sync.now', {});
      }
      for (const name of readdirSync(join(folder, 'hub')).filter((n) => n.endsWith('.cstb'))) {
        copyFileSync(join(folder, 'hub', name), join(capture, name));
        if (!carried.includes(name)) carried.push(name);
      }
      const r = await runSyncRound(hub.backend.ctx, { courier: hubCourier, verifier: inlineVerifier, pageSize: 2 });
      expect(r.refused).toBe(0);
      for (const t of towns) await t.must('sync.now', {});
    }
    for (const [i, t] of towns.entries()) expect(peer(hub, istats[i]!).applied_seq).toBe(head(t));
    for (const t of towns) expect(peer(t, 'CST-PU')).toEqual({ applied_seq: head(hub), acked_seq: head(t) });
    expect((await hub.must('log.verify', {})).ok).toBe(true);

    // A twin of the hub importing every carried file by hand ends in the same state.
    const twin = await twinOf(hub, towns);
    const results = await importBundles(twin.backend.ctx, carried.map((n) => ({ path: join(capture, n) })), { verifier: inlineVerifier });
    for (const r of results) expect(['applied', 'duplicate', 'pending']).toContain(r.outcome);
    expect(received(twin.backend.ctx.db)).toBe(received(hub.backend.ctx.db));
    expect(hub.backend.ctx.db.prepare("SELECT count(*) FROM received_bundles WHERE outcome = 'duplicate'").pluck().get()).toBe(0);
  }, 120_000);
});

/** What the hub received: streams, records, usage, positions. */
function received(db: Database.Database): string {
  const q = (sql: string) => JSON.stringify(db.prepare(sql).raw(true).all().map((r) => (r as unknown[]).map((v) => (Buffer.isBuffer(v) ? v.toString('hex') : v))));
  return [
    q('SELECT p.id, e.seq, e.line, e.hash FROM inbox_events e JOIN peers p USING (peer_no) ORDER BY p.id, e.seq'),
    q('SELECT id, owner, kind, last_seq, deleted FROM received_records ORDER BY id'),
    q('SELECT * FROM received_usage_monthly ORDER BY owner, service, month'),
    q('SELECT kind, id, status, applied_seq, applied_hash, acked_seq, ack_problem FROM peers ORDER BY kind, id'),
  ].join('\n');
}

/** A second hub with the same keys, registry and outbox as `hub`, the towns introduced, nothing applied. */
async function twinOf(hub: TestBackend, towns: TestBackend[]): Promise<TestBackend> {
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
  for (const t of towns) await introduce(t, twin);
  return twin;
}

describe('sync agent: resending and progress', () => {
  it('a bundle taken without an acknowledgement for an hour is sent again; the status pushes the transfer', async () => {
    let ms = Date.parse('2026-12-07T09:00:00.000Z');
    const clock = { now: () => new Date((ms += 1)).toISOString() };
    const folder = tempDir();
    const hub = await openHub();
    const town = openTestBackend({ clock });
    await town.must('setup.municipality', { istat: '041067', operator: 'Maria' });
    await introduce(town, hub);
    await introduce(hub, town);
    await useFolder(folder, town);
    await town.must('usage.record', { service: 'PEC', date: '2026-11-20', quantity: '3' });
    const pushed: { state: string; transfer: { direction: string; done: number; total: number } | null }[] = [];
    town.backend.subscribe((m) => {
      if (m.event === 'sync.network') pushed.push(m.payload);
    });
    await town.must('sync.now', {});
    expect(pushed[0]?.state).toBe('syncing');
    const up = pushed.find((p) => p.transfer?.direction === 'up');
    expect(up?.transfer?.done).toBe(up?.transfer?.total);
    expect(pushed.at(-1)).toMatchObject({ state: 'idle', transfer: null });

    // Taken from the folder (as a hub would), but no acknowledgement ever comes back.
    const [sent] = waiting(folder).hub!;
    rmSync(join(folder, 'hub', sent!));
    expect((await town.must('sync.now', {})).lastRound).toMatchObject({ sent: 0 });
    ms += 30 * 60_000;
    expect((await town.must('sync.now', {})).lastRound).toMatchObject({ sent: 0 });
    ms += 31 * 60_000;
    expect((await town.must('sync.now', {})).lastRound).toMatchObject({ sent: 1 });
    expect(waiting(folder).hub).toHaveLength(1);
    expect(spoolCount(town)).toBe(2);
  }, 60_000);
});
