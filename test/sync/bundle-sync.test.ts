/**
 * Three municipalities and a hub side by side in one process (injected clocks and ids, no
 * globals, no sleeps). Bundles delivered shuffled and duplicated leave the hub in exactly the
 * state of an in-order, once-only delivery.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { importBundles } from '../../electron/core/sync/inbox/import';
import { insertInstallation, requireInstallation } from '../../electron/core/platform/installation/installation-store';
import { inlineVerifier } from '../../electron/core/format/worker/verifier';
import { openTestBackend, type TestBackend } from '../helpers/backend';
import { tempDir } from '../helpers/temp-dir';
import { mkdirSync, writeFileSync } from 'node:fs';

const TOWNS = ['041067', '041044', '041013'];

function state(db: Database.Database): string {
  const q = (sql: string) => JSON.stringify(db.prepare(sql).raw(true).all().map((r) => (r as unknown[]).map((v) => (Buffer.isBuffer(v) ? v.toString('hex') : v))));
  return [
    q('SELECT p.id, e.seq, e.line, e.hash FROM inbox_events e JOIN peers p USING (peer_no) ORDER BY p.id, e.seq'),
    q('SELECT id, owner, kind, last_seq, deleted FROM received_records ORDER BY id'),
    q('SELECT * FROM received_usage_monthly ORDER BY owner, service, month'),
    q('SELECT kind, id, status, applied_seq, applied_hash, acked_seq, ack_problem FROM peers ORDER BY kind, id'),
  ].join('\n');
}

async function introduce(a: TestBackend, b: TestBackend): Promise<void> {
  const file = await a.must('identity.export', {});
  const peer = await b.must('identity.import', { contentBase64: file.contentBase64 });
  await b.must('identity.confirm', { id: peer.id, fingerprint: peer.fingerprint });
}

/** A second hub with the same identity as `hub` (same keys, same registry, same confirmed members), nothing applied. */
async function twinOf(hub: TestBackend, towns: TestBackend[]): Promise<TestBackend> {
  const twin = openTestBackend();
  mkdirSync(join(twin.dataDir, 'keys'), { recursive: true });
  writeFileSync(join(twin.dataDir, 'keys', 'secret.json'), readFileSync(join(hub.dataDir, 'keys', 'secret.json')), { mode: 0o600 });
  const inst = requireInstallation(hub.backend.ctx.db);
  insertInstallation(twin.backend.ctx.db, inst);
  // Same registry (every column, as pending) and the same outbox, byte for byte: the towns'
  // bundles acknowledge the hub's stream, and a twin without it would see "events lost".
  for (const table of ['members', 'outbox']) {
    const cols = (twin.backend.ctx.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
    const rows = hub.backend.ctx.db.prepare(`SELECT ${cols.join(', ')} FROM ${table}`).all() as Record<string, unknown>[];
    const ins = twin.backend.ctx.db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
    for (const r of rows) ins.run(table === 'members' ? { ...r, status: 'pending' } : r);
  }
  for (const t of towns) await introduce(t, twin);
  return twin;
}

describe('sync: three municipalities and a hub', () => {
  it('shuffled and duplicated delivery ends in the state of in-order once-only delivery', async () => {
    const hub = openTestBackend({ start: '2026-11-26T08:00:00.000Z' });
    await hub.must('setup.hub', { id: 'CST-PU', name: 'CST Pesaro-Urbino', province: 'PU' });
    const towns: TestBackend[] = [];
    for (const [i, istat] of TOWNS.entries()) {
      const t = openTestBackend({ start: `2026-11-2${i}T08:00:00.000Z` });
      await t.must('setup.municipality', { istat, operator: `Operatore ${i}` });
      await introduce(t, hub);
      await introduce(hub, t);
      towns.push(t);
    }
    const twin = await twinOf(hub, towns);

    // In-order, once-only: every round each town records, exports what the hub has not
    // acknowledged, the hub imports it and answers with its acknowledgement.
    const files: string[] = [];
    const out = tempDir();
    for (let round = 0; round < 3; round += 1) {
      for (const [i, t] of towns.entries()) {
        for (let k = 0; k < 2 + i; k += 1) {
          const r = await t.must('usage.record', { service: k % 2 ? 'PEC' : 'SITO', date: `2026-0${round + 1}-1${k}`, quantity: k % 2 ? String(1 + k) : `${1 + k},5` });
          if (k === 1 && round === 1) await t.must('usage.update', { id: r.id, service: 'PEC', date: `2026-0${round + 1}-1${k}`, quantity: '99' });
          if (k === 0 && round === 2) await t.must('usage.delete', { id: r.id });
        }
        const [exp] = await t.must('bundle.export', { dir: out });
        files.push(exp!.path);
        const [res] = await importBundles(hub.backend.ctx, [{ path: exp!.path }], { verifier: inlineVerifier });
        expect(res!.outcome).toBe('applied');
        const [ack] = await hub.must('bundle.export', { dir: tempDir(), for: TOWNS[i] });
        await importBundles(t.backend.ctx, [{ path: ack!.path }], { verifier: inlineVerifier });
      }
    }
    // Also an overlapping "send everything again" bundle per town.
    for (const t of towns) files.push((await t.must('bundle.export', { dir: out, all: true }))[0]!.path);
    const reference = state(hub.backend.ctx.db);
    expect(reference).toMatch(/041013/);

    const freshTwins: TestBackend[] = [twin];
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(files, { minLength: files.length, maxLength: files.length }), fc.array(fc.nat(files.length - 1), { maxLength: 6 }), async (order, dups) => {
        const target = freshTwins.pop() ?? (await twinOf(hub, towns));
        const delivery = [...order];
        for (const d of dups) delivery.splice(d % (delivery.length + 1), 0, files[d] as string);
        const results = await importBundles(target.backend.ctx, delivery.map((path) => ({ path })), { verifier: inlineVerifier });
        for (const r of results) expect(['applied', 'duplicate', 'pending']).toContain(r.outcome);
        expect(state(target.backend.ctx.db)).toBe(reference);
        expect(await target.must('bundle.pending', {})).toEqual([]);
        target.backend.close();
      }),
      { numRuns: 6 },
    );
  }, 120_000);
});
