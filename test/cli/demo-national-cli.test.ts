import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { cst } from './cli-run';

/**
 * `cst demo --national` scaled down (issue 12): real members with keys from the seed, real
 * signed and encrypted bundles, the hub's ordinary import. Slow-ish (five installations write
 * two years each, then the hub imports them), so one build per seed is shared by the tests
 * (in a folder of this file's own: tempDir's are removed after each test).
 */
const shared = mkdtempSync(join(tmpdir(), 'cst-national-'));
afterAll(() => rmSync(shared, { recursive: true, force: true }));
const built = new Map<string, Promise<{ dir: string; stdout: string; code: number | null }>>();
function national(seed: string, name = seed): Promise<{ dir: string; stdout: string; code: number | null }> {
  let p = built.get(name);
  if (!p) {
    const dir = join(shared, name);
    p = cst(['demo', '--national', '--members', '5', '--years', '2', '--seed', seed, '--data-dir', dir]).then((r) => ({ dir, stdout: r.stdout + r.stderr, code: r.code }));
    built.set(name, p);
  }
  return p;
}

/**
 * What the hub knows, as a digest: every received line, record, aggregate, proposal and
 * member key. Left out on purpose: what depends on the bundles' bytes, which age encryption
 * randomises (the receptions' file hashes and archive names).
 */
function hubDigest(dir: string): Record<string, string> {
  const db = new Database(join(dir, 'cst-desk.sqlite'), { readonly: true });
  try {
    const queries: Record<string, string> = {
      events: 'SELECT key, line, hash FROM inbox_events ORDER BY key',
      records: 'SELECT id, owner, kind, last_seq, deleted FROM received_records ORDER BY id',
      usage: 'SELECT * FROM received_usage_monthly ORDER BY owner, service, month',
      training: 'SELECT * FROM hub_training_yearly ORDER BY 1, 2',
      proposals: 'SELECT * FROM hub_proposals ORDER BY 1',
      peers: 'SELECT kind, id, key_id, signing_key, age_recipient, status FROM peers ORDER BY kind, id',
      members: 'SELECT istat, name, status FROM members ORDER BY istat',
      hubStream: 'SELECT seq, line FROM outbox ORDER BY seq',
    };
    return Object.fromEntries(
      Object.entries(queries).map(([name, sql]) => {
        const rows = db.prepare(sql).raw(true).all();
        return [name, `${rows.length}:${createHash('sha256').update(JSON.stringify(rows, (_k, v) => (Buffer.isBuffer(v) || v?.type === 'Buffer' ? Buffer.from(v).toString('hex') : v))).digest('hex')}`];
      }),
    );
  } finally {
    db.close();
  }
}

describe('cst demo --national', () => {
  it('builds a hub from five members over two years through real bundles, and says so', async () => {
    const { code, stdout } = await national('7');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Consorzio CST-IT dimostrativo \(seme 7\): 5 comuni, 2 anni, [\d.]+ eventi in 5 pacchetti firmati e cifrati\./);
    expect(stdout).toMatch(/eventi\/s in tutto \(importazione: [\d.]+ eventi\/s\); database [\d.]+ MB/);
  }, 180_000);

  it('is deterministic: the same seed gives the same hub data and keys, another seed other ones', async () => {
    const [a, b, c] = await Promise.all([national('7'), national('7', '7-again'), national('8')]);
    expect([a.code, b.code, c.code]).toEqual([0, 0, 0]);
    const da = hubDigest(a.dir);
    expect(Number(da.events!.split(':')[0])).toBeGreaterThan(5 * 1000);
    expect(hubDigest(b.dir)).toEqual(da);
    expect(readFileSync(join(b.dir, 'keys', 'secret.json'), 'utf8')).toBe(readFileSync(join(a.dir, 'keys', 'secret.json'), 'utf8'));
    const dc = hubDigest(c.dir);
    expect(dc.peers).not.toBe(da.peers);
    expect(dc.events).not.toBe(da.events);
  }, 300_000);

  it('leaves real bundles that verify, and the hub views show the members, their usage, training and proposals', async () => {
    const { dir, code } = await national('7');
    expect(code).toBe(0);
    const archive = join(dir, 'inbox', 'archive');
    const files = readdirSync(archive).filter((f) => f.endsWith('.cstb'));
    expect(files).toHaveLength(5);
    const inspect = await cst(['bundle', 'inspect', join(archive, files[0]!), '--data-dir', dir]);
    expect(inspect.code).toBe(0);
    expect(inspect.stdout).toMatch(/OK: Il pacchetto supera i controlli 1–10 \(firma, impronte, catena\)/);
    expect(inspect.stdout).toMatch(/cifrato|age/i);

    const members = JSON.parse((await cst(['hub', 'members', '--json', '--data-dir', dir])).stdout).value.members as { status: string; lastSeq: number | null }[];
    expect(members).toHaveLength(5);
    expect(members.every((m) => m.status === 'confirmed' && (m.lastSeq ?? 0) > 1000)).toBe(true);
    const usage = JSON.parse((await cst(['hub', 'usage', '--json', '--data-dir', dir])).stdout).value;
    expect(JSON.stringify(usage)).toMatch(/PROTOCOLLO/);
    const db = new Database(join(dir, 'cst-desk.sqlite'), { readonly: true });
    try {
      expect(db.prepare('SELECT count(DISTINCT owner) FROM received_usage_monthly').pluck().get()).toBe(5);
      expect(db.prepare('SELECT count(DISTINCT substr(month, 1, 4)) FROM received_usage_monthly').pluck().get()).toBeGreaterThanOrEqual(2);
      expect(db.prepare('SELECT count(*) FROM hub_training_yearly').pluck().get()).toBeGreaterThan(0);
      expect(db.prepare('SELECT count(*) FROM hub_proposals').pluck().get()).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  }, 180_000);

  it('refuses a second run on the same folder, and options that do not go together (exit 2)', async () => {
    const { dir } = await national('7');
    const again = await cst(['demo', '--national', '--members', '5', '--years', '2', '--seed', '7', '--data-dir', dir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/solo in una cartella dati nuova o in un consorzio che non ha ancora ricevuto pacchetti/);
    const other = join(tempDir(), 'x');
    expect((await cst(['demo', '--years', '2', '--data-dir', other])).code).toBe(2);
    expect((await cst(['demo', '--national', '--months', '12', '--data-dir', other])).code).toBe(2);
    expect((await cst(['demo', '--national', '--years', '0', '--data-dir', other])).code).toBe(2);
    expect((await cst(['demo', '--national', '--members', 'tutti', '--data-dir', other])).code).toBe(2);
  }, 180_000);
});
