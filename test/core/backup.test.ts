/**
 * Online backups (docs/design.md "Store"): taken while the same connection writes, verified, rotated
 * by an injected clock, a failure reported and never breaking the app, the automatic one at open.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/core/app/backend';
import { backupsToKeep, parseBackupName } from '../../electron/core/sync/backup/backup-names';
import { sequentialIds } from '../../electron/core/platform/defaults';
import { tempDir } from '../helpers/temp-dir';

const quiet = { info() {}, warn() {}, error() {} };

/** A clock the test moves by hand. */
function manualClock(start: string) {
  let t = Date.parse(start);
  return { now: () => new Date(t).toISOString(), set: (iso: string) => void (t = Date.parse(iso)), addDays: (d: number) => void (t += d * 86_400_000) };
}

async function must(b: Backend, method: string, input: unknown): Promise<any> {
  const r = await b.dispatch(method as never, input as never);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

async function municipality(dataDir: string, clock = manualClock('2026-11-26T09:00:00.000Z'), autoBackupDelayMs: number | false = false) {
  const b = openBackend({ dataDir, appVersion: '0.0.0-test', clock, ids: sequentialIds(1), log: quiet, autoBackupDelayMs });
  if (!(await b.dispatch('app.status', {})).ok) throw new Error('status');
  const status = await must(b, 'app.status', {});
  if (!status.installation) await must(b, 'setup.municipality', { istat: '041067', operator: 'Maria Rossi' });
  return { b, clock };
}

function countOutbox(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('backups', () => {
  it('copies the database in steps while the same connection keeps writing; the copy has every committed write and verifies', async () => {
    const dir = tempDir();
    const { b } = await municipality(dir);
    try {
      // Enough pages for several steps of 100 pages (the copy yields between them).
      b.ctx.db.exec("CREATE TABLE ballast (x BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 600) INSERT INTO ballast SELECT randomblob(4000) FROM n;");
      let done = false;
      const copy = must(b, 'backup.now', {}).finally(() => (done = true));
      let writesDuring = 0;
      while (!done) {
        await must(b, 'usage.record', { service: 'PEC', date: '2026-11-20', quantity: '1' });
        writesDuring += 1;
        await new Promise((r) => setImmediate(r));
      }
      const entry = await copy;
      expect(writesDuring).toBeGreaterThan(1);
      const path = join(dir, 'backups', entry.name);
      expect(entry).toMatchObject({ name: 'cst-desk-2026-11-26T09-00-00Z.sqlite', takenAt: '2026-11-26T09:00:00Z', ok: true });
      expect(entry.sizeBytes).toBe(statSync(path).size);
      // Every write committed before the copy finished is in it (same-connection writes are carried along).
      expect(countOutbox(path)).toBe((b.ctx.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n);
      expect(countOutbox(path)).toBeGreaterThanOrEqual(writesDuring);
      const copyDb = new Database(path, { readonly: true });
      expect(copyDb.pragma('quick_check', { simple: true })).toBe('ok');
      expect(copyDb.pragma('journal_mode', { simple: true })).toBe('delete');
      copyDb.close();
      expect(readdirSync(join(dir, 'backups')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
      // The keys that match, beside it, private.
      const keys = join(dir, 'backups', 'cst-desk-2026-11-26T09-00-00Z.keys.json');
      expect(readFileSync(keys, 'utf8')).toBe(readFileSync(join(dir, 'keys', 'secret.json'), 'utf8'));
      expect(statSync(keys).mode & 0o777).toBe(0o600);
      const list = await must(b, 'backup.list', {});
      expect(list.backups).toEqual([entry]);
      expect(list.lastAttempt).toMatchObject({ ok: true, name: entry.name });
      expect(list.running).toBe(false);
    } finally {
      b.close();
    }
  });

  it('refuses before setup with E_NOT_INITIALIZED', async () => {
    const b = openBackend({ dataDir: tempDir(), appVersion: '0', log: quiet, autoBackupDelayMs: false });
    try {
      const r = await b.dispatch('backup.now', {});
      expect(!r.ok && r.error.code).toBe('E_NOT_INITIALIZED');
    } finally {
      b.close();
    }
  });

  it('rotation keeps the newest copy of the last 7 days and of the last 4 weeks (injected clock)', async () => {
    const dir = tempDir();
    const { b, clock } = await municipality(dir, manualClock('2026-10-01T08:00:00.000Z'));
    try {
      mkdirSync(join(dir, 'backups'));
      writeFileSync(join(dir, 'backups', 'cst-desk-2026-09-30T08-00-00Z.sqlite.tmp'), 'cut short by a power cut');
      // One copy a day for 45 days (Thursday 1 October to Saturday 14 November), two on the last day.
      for (let day = 0; day < 45; day += 1) {
        await must(b, 'backup.now', {});
        clock.addDays(1);
      }
      clock.set('2026-11-14T18:30:00.000Z');
      await must(b, 'backup.now', {});
      const names = (await must(b, 'backup.list', {})).backups.map((x: { name: string }) => x.name);
      expect(names).toEqual([
        'cst-desk-2026-11-14T18-30-00Z.sqlite', // newest of today and of this week
        'cst-desk-2026-11-13T08-00-00Z.sqlite',
        'cst-desk-2026-11-12T08-00-00Z.sqlite',
        'cst-desk-2026-11-11T08-00-00Z.sqlite',
        'cst-desk-2026-11-10T08-00-00Z.sqlite',
        'cst-desk-2026-11-09T08-00-00Z.sqlite',
        'cst-desk-2026-11-08T08-00-00Z.sqlite', // 7th day, and Sunday: newest of last week
        'cst-desk-2026-11-01T08-00-00Z.sqlite', // Sunday of the week before
        'cst-desk-2026-10-25T08-00-00Z.sqlite', // and the one before
      ]);
      // Each kept copy still has its keys; the deleted ones left nothing behind.
      const files = readdirSync(join(dir, 'backups')).filter((n) => n !== 'last-attempt.json').sort();
      expect(files).toEqual(names.flatMap((n: string) => [n.replace('.sqlite', '.keys.json'), n]).sort());
    } finally {
      b.close();
    }
  });

  it('rotation rule: a computer left off for a month keeps its last copies', () => {
    const names = ['cst-desk-2026-01-05T10-00-00Z.sqlite', 'cst-desk-2026-01-06T10-00-00Z.sqlite', 'cst-desk-2026-03-01T10-00-00Z.sqlite', 'cst-desk-2026-03-01T10-00-00Z-2.sqlite'];
    const keep = backupsToKeep(names.map((n) => parseBackupName(n)!));
    expect([...keep].sort()).toEqual(['cst-desk-2026-01-05T10-00-00Z.sqlite', 'cst-desk-2026-01-06T10-00-00Z.sqlite', 'cst-desk-2026-03-01T10-00-00Z-2.sqlite']);
  });

  it('a folder it cannot write to: the failure is reported (code, params, Italian) and the app keeps working', async () => {
    const dir = tempDir();
    const { b } = await municipality(dir);
    b.close();
    mkdirSync(join(dir, 'backups'));
    const script = `
      const { openBackend } = await import('${join(process.cwd(), 'electron/core/app/backend.ts')}');
      const b = openBackend({ dataDir: process.argv[1], appVersion: '0', autoBackupDelayMs: false, log: { info() {}, warn() {}, error() {} } });
      const now = await b.dispatch('backup.now', {});
      const list = await b.dispatch('backup.list', {});
      const write = await b.dispatch('usage.record', { service: 'PEC', date: '2026-11-20', quantity: '1' });
      console.log(JSON.stringify({ now, list, write: write.ok }));
      b.close();`;
    const node = [process.execPath, '--import', 'tsx', '--input-type=module', '-e', script, dir];
    const ro = join(dir, 'backups');
    // Root ignores permission bits: a read-only bind mount in a private mount namespace instead.
    const r =
      process.getuid?.() === 0
        ? spawnSync('unshare', ['-m', 'sh', '-c', 'mount --bind -o ro "$1" "$1" && shift && exec "$@"', 'sh', ro, ...node], { encoding: 'utf8' })
        : (chmodSync(ro, 0o555), spawnSync(node[0]!, node.slice(1), { encoding: 'utf8' }));
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!);
    expect(out.now.ok).toBe(false);
    expect(out.now.error).toMatchObject({ code: 'E_IO', params: { folder: ro } });
    expect(out.now.error.message).toMatch(/^Copia di sicurezza non riuscita .*non è possibile scrivere nella cartella/);
    expect(out.list.value.lastAttempt).toMatchObject({ ok: false, error: { code: 'E_IO' } });
    expect(out.list.value.backups).toEqual([]);
    expect(out.write).toBe(true);
    expect(readdirSync(ro)).toEqual([]);
  });

  it('the automatic backup runs shortly after open when the newest copy is over a day old, not otherwise', async () => {
    const dir = tempDir();
    const clock = manualClock('2026-11-20T09:00:00.000Z');
    const first = await municipality(dir, clock);
    await must(first.b, 'backup.now', {});
    first.b.close();

    const waitFor = async (pred: () => boolean) => {
      for (let i = 0; i < 200 && !pred(); i += 1) await new Promise((r) => setTimeout(r, 10));
    };
    const count = () => readdirSync(join(dir, 'backups')).filter((n) => n.endsWith('.sqlite')).length;

    clock.set('2026-11-21T08:59:00.000Z'); // 23 h 59 min later: not due
    const fresh = await municipality(dir, clock, 20);
    await new Promise((r) => setTimeout(r, 200));
    expect(count()).toBe(1);
    fresh.b.close();

    clock.set('2026-11-22T09:00:00.000Z'); // two days later: due
    const stale = await municipality(dir, clock, 20);
    expect(count()).toBe(1); // never at start-up itself
    await waitFor(() => count() === 2);
    expect(existsSync(join(dir, 'backups', 'cst-desk-2026-11-22T09-00-00Z.sqlite'))).toBe(true);
    stale.b.close();

    // Closing before the delay cancels it (a short `cst` command never takes one).
    clock.set('2026-11-25T09:00:00.000Z');
    const closed = await municipality(dir, clock, 50);
    closed.b.close();
    await new Promise((r) => setTimeout(r, 150));
    expect(count()).toBe(2);
  });

  it('the last failed attempt survives a restart', async () => {
    const dir = tempDir();
    const { b } = await municipality(dir);
    b.close();
    mkdirSync(join(dir, 'backups'));
    writeFileSync(join(dir, 'backups', 'last-attempt.json'), JSON.stringify({ at: '2026-11-25T09:00:00.000Z', ok: false, error: { code: 'E_IO', message: 'disco pieno' } }));
    const again = await municipality(dir);
    try {
      expect((await must(again.b, 'backup.list', {})).lastAttempt).toMatchObject({ ok: false, error: { code: 'E_IO' } });
    } finally {
      again.b.close();
    }
  });
});

describe('backups and closing', () => {
  it('a copy interrupted by closing the data folder leaves no file and no failure to report', async () => {
    const dir = tempDir();
    const { b } = await municipality(dir);
    b.ctx.db.exec("CREATE TABLE ballast (x BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 600) INSERT INTO ballast SELECT randomblob(4000) FROM n;");
    const copy = b.dispatch('backup.now', {});
    await new Promise((r) => setImmediate(r));
    b.close();
    expect((await copy).ok).toBe(false);
    expect(readdirSync(join(dir, 'backups'))).toEqual([]);
  });
});
