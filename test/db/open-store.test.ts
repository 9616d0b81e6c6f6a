import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/core/platform/store/migrations/index';
import { DB_FILE_NAME, openStore } from '../../electron/core/platform/store/open-store';
import { refusal } from '../helpers/damaged-store';
import { tempDir } from '../helpers/temp-dir';

describe('openStore', () => {
  it('creates the database with the pragmas the design requires and every migration applied', () => {
    const db = openStore(tempDir());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('trusted_schema', { simple: true })).toBe(0);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => (r as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(['installation', 'settings', 'members']));
    db.close();
  });

  it('reopens an existing database without running migrations again', () => {
    const dir = tempDir();
    openStore(dir).close();
    const db = openStore(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('runs the migrations in one transaction: a failing one leaves the file at its old version', () => {
    const dir = tempDir();
    const path = join(dir, DB_FILE_NAME);
    // A table the first migration wants to create already exists: its CREATE fails.
    const raw = new Database(path);
    raw.exec('CREATE TABLE members (x INTEGER)');
    raw.close();
    expect(() => openStore(dir)).toThrow();
    const check = new Database(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(0);
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'installation'").get()).toEqual({ n: 0 });
    check.close();
  });

  it('refuses a database from a newer version and leaves it byte for byte untouched', () => {
    const dir = tempDir();
    const path = join(dir, DB_FILE_NAME);
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.close();
    const before = readFileSync(path);
    const err = refusal(() => openStore(dir));
    expect(err.code).toBe('E_DB_NEWER');
    expect(err.message).toMatch(/versione più recente/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a corrupt file with a clear message and does not touch it', () => {
    const dir = tempDir();
    const path = join(dir, DB_FILE_NAME);
    const garbage = Buffer.alloc(8192, 0x41);
    writeFileSync(path, garbage);
    const err = refusal(() => openStore(dir));
    expect(err.code).toBe('E_DB_CORRUPT');
    expect(err.message).toMatch(/non è stato modificato/);
    expect(readFileSync(path).equals(garbage)).toBe(true);
  });

  it('refuses a database whose pages are damaged (quick_check at start)', () => {
    const dir = tempDir();
    const db = openStore(dir);
    const insert = db.prepare("INSERT INTO settings (key, value) VALUES (?, ?)");
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`k${i}`, 'x'.repeat(200));
    })();
    db.close();
    const path = join(dir, DB_FILE_NAME);
    const bytes = readFileSync(path);
    // Overwrite the middle of the file (index and table pages) with noise, keep the header.
    for (let i = 8192; i < bytes.length - 4096; i += 7) bytes[i] = (i * 31) & 0xff;
    writeFileSync(path, bytes);
    const err = refusal(() => openStore(dir));
    expect(err.code).toBe('E_DB_CORRUPT');
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('gives a second process a clear error instead of sharing the file', () => {
    const dir = tempDir();
    const db = openStore(dir);
    const script = `import('${join(process.cwd(), 'electron/core/platform/store/open-store.ts')}').then((m) => { try { m.openStore(process.argv[1]); console.log('opened'); } catch (e) { console.log(e.code + ' ' + e.message); } })`;
    const other = spawnSync(process.execPath, ['--import', 'tsx', '-e', script, dir], { encoding: 'utf8' });
    expect(other.stdout).toMatch(/^E_DB_LOCKED .*già in uso/);
    db.close();
    const again = spawnSync(process.execPath, ['--import', 'tsx', '-e', script, dir], { encoding: 'utf8' });
    expect(again.stdout.trim()).toBe('opened');
  });

  it('explains a data directory it cannot write to', () => {
    const dir = tempDir();
    const script = `import('${join(process.cwd(), 'electron/core/platform/store/open-store.ts')}').then((m) => { try { m.openStore(process.argv[1]); console.log('opened'); } catch (e) { console.log(e.code + ' ' + e.message); } })`;
    const node = [process.execPath, '--import', 'tsx', '-e', script, dir];
    // Root ignores permission bits: there, make the folder really read-only with a read-only
    // bind mount in a private mount namespace (unshare), which only that child sees.
    const r =
      process.getuid?.() === 0
        ? spawnSync('unshare', ['-m', 'sh', '-c', 'mount --bind -o ro "$1" "$1" && shift && exec "$@"', 'sh', dir, ...node], { encoding: 'utf8' })
        : (chmodSync(dir, 0o555), spawnSync(node[0]!, node.slice(1), { encoding: 'utf8' }));
    // Root meets a read-only disk (the mount), anyone else a folder they may not write to.
    expect(r.stdout).toMatch(
      process.getuid?.() === 0 ? /^E_DATA_DIR La cartella dati .* è su un disco in sola lettura/ : /^E_DATA_DIR Non è possibile scrivere nella cartella dati/,
    );
  });

  it('lists migrations with consecutive versions starting at 1', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });
});
