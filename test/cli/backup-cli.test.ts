/** `cst backup now|list|restore` as a clerk (or the consortium's technician) runs them. */
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/core/app/backend';
import { tempDir } from '../helpers/temp-dir';
import { cst, cstProcess } from './cli-run';

function usageCount(dataDir: string): number {
  const db = new Database(join(dataDir, 'cst-desk.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM usage').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function recordUsage(dataDir: string): Promise<void> {
  const b = openBackend({ dataDir, appVersion: '0', autoBackupDelayMs: false, log: { info() {}, warn() {}, error() {} } });
  try {
    const r = await b.dispatch('usage.record', { service: 'PEC', date: '2026-11-20', quantity: '3' });
    if (!r.ok) throw new Error(r.error.message);
  } finally {
    b.close();
  }
}

describe('cst backup', () => {
  it('now, list, then restore: refused while the data folder is in use, the database of before kept aside', async () => {
    const town = tempDir();
    expect((await cst(['init', '--role', 'municipality', '--istat', '041067', '--operator', 'Maria', '--data-dir', town])).code).toBe(0);
    await recordUsage(town);
    const now = await cst(['backup', 'now', '--data-dir', town]);
    expect(now.code).toBe(0);
    expect(now.stdout).toMatch(/^Copia di sicurezza creata e verificata: cst-desk-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.sqlite/);
    const list = JSON.parse((await cst(['backup', 'list', '--json', '--data-dir', town])).stdout).value;
    expect(list.backups).toHaveLength(1);
    expect(list.backups[0]).toMatchObject({ ok: true });
    expect(list.lastAttempt).toMatchObject({ ok: true, name: list.backups[0].name });
    expect((await cst(['backup', 'list', '--data-dir', town])).stdout).toContain(list.backups[0].name);

    await recordUsage(town); // after the backup: the restore takes it away
    expect(usageCount(town)).toBe(2);

    const held = openBackend({ dataDir: town, appVersion: '0', autoBackupDelayMs: false, log: { info() {}, warn() {}, error() {} } });
    // Held by this process, restored by another: the lock is between processes.
    const locked = cstProcess(['backup', 'restore', list.backups[0].name, '--data-dir', town, '--json']);
    held.close();
    expect(locked.code).toBe(1);
    expect(JSON.parse(locked.stdout).error.code).toBe('E_DB_LOCKED');
    expect(locked.stderr).toMatch(/Chiudere CST Desk/);
    expect(usageCount(town)).toBe(2);

    const restored = await cst(['backup', 'restore', list.backups[0].name, '--data-dir', town]);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/Il database di prima non è stato cancellato: si trova in .*cst-desk\.sqlite\.before-restore-/);
    expect(restored.stdout).toMatch(/importare il prossimo pacchetto del consorzio.*pacchetto di recupero/);
    expect(usageCount(town)).toBe(1);
    const aside = readdirSync(town).find((n) => n.startsWith('cst-desk.sqlite.before-restore-'))!;
    expect(aside).toBeDefined();
    const before = new Database(join(town, aside), { readonly: true });
    expect((before.prepare('SELECT count(*) AS n FROM usage').get() as { n: number }).n).toBe(2);
    before.close();
    expect((await cst(['check', '--data-dir', town])).code).toBe(0);

    // A plain copy of an old data folder's database (WAL mode) restores too; the operator's file is only read.
    const old = join(tempDir(), 'cst-desk.sqlite');
    copyFileSync(join(town, aside), old);
    const plain = await cst(['backup', 'restore', old, '--data-dir', town]);
    expect(plain.code).toBe(0);
    expect(usageCount(town)).toBe(2);
    expect(readdirSync(join(old, '..'))).toEqual(['cst-desk.sqlite']);
    expect(readdirSync(town).filter((n) => n.includes('restore.tmp'))).toEqual([]);
    expect((await cst(['check', '--data-dir', town])).code).toBe(0);
  });

  it('a database copied while in use keeps its last writes (in the -wal beside it) when restored; the operator files are only read', async () => {
    const town = tempDir();
    expect((await cst(['init', '--role', 'municipality', '--istat', '041067', '--operator', 'Maria', '--data-dir', town])).code).toBe(0);
    await recordUsage(town);
    // A copy taken with the database open: the last write is only in the WAL.
    const live = new Database(join(town, 'cst-desk.sqlite'));
    live.pragma('wal_autocheckpoint = 0');
    live.prepare("UPDATE usage SET note = 'scritto per ultimo'").run();
    const copy = join(tempDir(), 'cst-desk.sqlite');
    copyFileSync(join(town, 'cst-desk.sqlite'), copy);
    copyFileSync(join(town, 'cst-desk.sqlite-wal'), `${copy}-wal`);
    live.close();
    const walBefore = readFileSync(`${copy}-wal`);

    await recordUsage(town); // a later entry, which the restore takes away
    const r = await cst(['backup', 'restore', copy, '--data-dir', town]);
    expect(r.code, r.stderr).toBe(0);
    const db = new Database(join(town, 'cst-desk.sqlite'), { readonly: true });
    expect(db.prepare('SELECT note FROM usage').pluck().all()).toEqual(['scritto per ultimo']);
    db.close();
    expect(readFileSync(`${copy}-wal`)).toEqual(walBefore);
    expect(readdirSync(town).filter((n) => n.includes('restore.tmp'))).toEqual([]);
    expect((await cst(['check', '--data-dir', town])).code).toBe(0);
  });

  it('refuses a corrupt file, one from a newer version and one of another installation (unless --force); nothing changes', async () => {
    const town = tempDir();
    const other = tempDir();
    const files = tempDir();
    expect((await cst(['init', '--role', 'municipality', '--istat', '041067', '--operator', 'Maria', '--data-dir', town])).code).toBe(0);
    expect((await cst(['init', '--role', 'municipality', '--istat', '041044', '--operator', 'Luca', '--data-dir', other])).code).toBe(0);
    expect((await cst(['backup', 'now', '--data-dir', town])).code).toBe(0);
    expect((await cst(['backup', 'now', '--data-dir', other])).code).toBe(0);
    const ours = JSON.parse((await cst(['backup', 'list', '--json', '--data-dir', town])).stdout).value.backups[0];
    const theirs = JSON.parse((await cst(['backup', 'list', '--json', '--data-dir', other])).stdout).value.backups[0];
    const unchanged = () => readdirSync(town).filter((n) => n.includes('before-restore'));

    const corrupt = join(files, 'rotto.sqlite');
    writeFileSync(corrupt, Buffer.alloc(8192, 7));
    const c = await cst(['backup', 'restore', corrupt, '--data-dir', town, '--json']);
    expect(c.code).toBe(1);
    expect(JSON.parse(c.stdout).error.code).toBe('E_DB_CORRUPT');

    const newer = join(files, 'nuova.sqlite');
    copyFileSync(join(town, 'backups', ours.name), newer);
    const db = new Database(newer);
    db.pragma('user_version = 999');
    db.close();
    const n = await cst(['backup', 'restore', newer, '--data-dir', town, '--json']);
    expect(n.code).toBe(1);
    expect(JSON.parse(n.stdout).error.code).toBe('E_DB_NEWER');
    expect(n.stderr).toMatch(/versione più recente di CST Desk/);

    const foreign = join(other, 'backups', theirs.name);
    const f = await cst(['backup', 'restore', foreign, '--data-dir', town, '--json']);
    expect(f.code).toBe(1);
    expect(JSON.parse(f.stdout).error).toMatchObject({ code: 'E_VALIDATION' });
    expect(f.stderr).toMatch(/appartiene a un'altra installazione \(comune 041044\).*--force/);
    expect(unchanged()).toEqual([]);
    expect(readdirSync(town).filter((n) => n.includes('restore.tmp'))).toEqual([]);

    const forced = await cst(['backup', 'restore', foreign, '--force', '--data-dir', town, '--json']);
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout).value).toMatchObject({ installation: { id: '041044' }, keysRestored: true });
    expect(unchanged().sort()).toEqual([expect.stringMatching(/^cst-desk\.sqlite\.before-restore-/)]);
    expect(readdirSync(join(town, 'keys')).some((n) => n.startsWith('secret.json.before-restore-'))).toBe(true);
    // Database and keys now agree: the check passes.
    expect((await cst(['check', '--data-dir', town])).code).toBe(0);
    expect(existsSync(join(town, 'cst-desk.sqlite'))).toBe(true);
  });
});
