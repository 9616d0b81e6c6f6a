/**
 * Issue 13, item 12: restoring a backup from the window (Impostazioni), with the CLI's checks
 * (one function, checkBackupCopy), the current data saved first as a listed backup, the copy put
 * in place by restoreBackup and the store reopened so the same backend goes on working.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../helpers/backend';
import { tempDir } from '../helpers/temp-dir';

async function urbino(): Promise<TestBackend> {
  const t = openTestBackend({ start: '2026-11-26T09:00:00.000Z', autoBackupDelayMs: false });
  await t.must('setup.municipality', { istat: '041067', operator: 'Anna Rossi' });
  return t;
}

const usageTotal = async (t: TestBackend) => (await t.must('usage.list', {})).total;
const b64 = (path: string) => readFileSync(path).toString('base64');

describe('restore a backup from the window', () => {
  it('preview says what the copy holds and changes nothing; restore saves the current data first, puts the copy in place and the app goes on', async () => {
    const town = await urbino();
    await town.must('usage.record', { service: 'PEC', date: '2026-11-20', quantity: '3' });
    const copy = await town.must('backup.now', {});
    await town.must('usage.record', { service: 'PEC', date: '2026-11-21', quantity: '4' });
    await town.must('usage.record', { service: 'PEC', date: '2026-11-22', quantity: '5' });

    const preview = await town.must('backup.restorePreview', { name: copy.name });
    expect(preview).toMatchObject({
      source: { kind: 'listed', name: copy.name },
      takenAt: copy.takenAt,
      installation: { role: 'municipality', id: '041067', name: 'Urbino' },
    });
    expect(preview.current.events - preview.copy.events).toBe(2);
    expect(preview.copy.lastEventAt! < preview.current.lastEventAt!).toBe(true);
    expect(await usageTotal(town)).toBe(3);
    expect((await town.must('backup.list', {})).backups).toHaveLength(1);

    const done = await town.must('backup.restore', { name: copy.name });
    expect(done).toMatchObject({ restored: copy.name, takenAt: copy.takenAt, events: preview.copy.events, role: 'municipality' });
    // The data as they were just before is a backup in the list (restoring it undoes this), and also kept aside.
    const list = (await town.must('backup.list', {})).backups.map((b) => b.name);
    expect(list).toContain(done.savedFirst);
    expect(done.movedAside).toMatch(/^cst-desk\.sqlite\.before-restore-/);
    expect(existsSync(join(town.dataDir, done.movedAside!))).toBe(true);
    // Same backend, reopened on the restored database: it reads and writes.
    expect(await usageTotal(town)).toBe(1);
    expect((await town.must('log.verify', {})).ok).toBe(true);
    await town.must('usage.record', { service: 'PEC', date: '2026-11-23', quantity: '1' });
    expect(await usageTotal(town)).toBe(2);
    expect(readdirSync(join(town.dataDir, 'outbox-tmp'))).toEqual([]);

    // Undo: the backup taken before the restore brings the two later records back.
    await town.must('backup.restore', { name: done.savedFirst! });
    expect(await usageTotal(town)).toBe(3);
  }, 60_000);

  it('a file chosen by the clerk (bytes) is checked and restored the same way; its date read from its name', async () => {
    const town = await urbino();
    const copy = await town.must('backup.now', {});
    await town.must('usage.record', { service: 'PEC', date: '2026-11-21', quantity: '4' });
    const file = { fileName: copy.name, contentBase64: b64(join(town.dataDir, 'backups', copy.name)) };
    expect(await town.must('backup.restorePreview', file)).toMatchObject({ source: { kind: 'file', fileName: copy.name }, takenAt: copy.takenAt });
    const renamed = await town.must('backup.restorePreview', { ...file, fileName: 'urbino-chiavetta.sqlite' });
    expect(renamed.takenAt).toBeNull();
    await town.must('backup.restore', { ...file, fileName: 'urbino-chiavetta.sqlite' });
    expect(await usageTotal(town)).toBe(0);
  }, 60_000);

  it('refused with the CLI’s checks, nothing changed and no backup taken: damaged, another installation, a newer version, a name not listed', async () => {
    const town = await urbino();
    await town.must('usage.record', { service: 'PEC', date: '2026-11-20', quantity: '3' });
    const other = openTestBackend({ autoBackupDelayMs: false });
    await other.must('setup.municipality', { istat: '041013', operator: 'Paolo Verdi' });
    const theirs = await other.must('backup.now', {});
    const mine = await town.must('backup.now', {});
    const newer = join(tempDir(), 'newer.sqlite');
    {
      const db = new Database(join(town.dataDir, 'backups', mine.name), { readonly: true });
      await db.backup(newer);
      db.close();
      const w = new Database(newer);
      w.pragma('user_version = 9999');
      w.close();
    }
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ fileName: 'foto.jpg', contentBase64: Buffer.from('non è un database, solo byte qualsiasi '.repeat(200)).toString('base64') }, 'E_DB_CORRUPT', /La copia foto\.jpg risulta danneggiata/],
      [{ fileName: theirs.name, contentBase64: b64(join(other.dataDir, 'backups', theirs.name)) }, 'E_VALIDATION', /appartiene a un'altra installazione \(comune 041013\) e non a questa \(comune 041067\)\. Nulla è stato cambiato: scegliere una copia di sicurezza di questa installazione\.$/],
      [{ fileName: 'newer.sqlite', contentBase64: b64(newer) }, 'E_DB_NEWER', /versione più recente di CST Desk/],
      [{ name: 'cst-desk-2020-01-01T00-00-00Z.sqlite' }, 'E_NOT_FOUND', /non è più nella cartella/],
    ];
    for (const [input, code, message] of cases) {
      for (const method of ['backup.restorePreview', 'backup.restore'] as const) {
        const r = await town.call(method, input as never);
        expect(r.ok, `${method} ${JSON.stringify(Object.keys(input))}`).toBe(false);
        if (!r.ok) {
          expect(r.error.code).toBe(code);
          expect(r.error.message).toMatch(message);
          expect(r.error.message).not.toMatch(/--force/);
        }
      }
    }
    const path = await town.call('backup.restore', { name: '../cst-desk.sqlite' } as never);
    expect(path.ok).toBe(false);
    if (!path.ok) expect(path.error.code).toBe('E_VALIDATION');
    // Nothing changed: the same data, the same single backup, nothing moved aside, nothing left in temp.
    expect(await usageTotal(town)).toBe(1);
    expect((await town.must('backup.list', {})).backups.map((b) => b.name)).toEqual([mine.name]);
    expect(readdirSync(town.dataDir).filter((n) => n.includes('before-restore'))).toEqual([]);
    expect(readdirSync(join(town.dataDir, 'outbox-tmp'))).toEqual([]);
  }, 60_000);
});

describe('two restores in the same second', () => {
  it('each keeps its database of before (the second never renames over the first)', async () => {
    const town = await urbino();
    const copy = await town.must('backup.now', {});
    const first = await town.must('backup.restore', { fileName: 'a.sqlite', contentBase64: b64(join(town.dataDir, 'backups', copy.name)) });
    const second = await town.must('backup.restore', { fileName: 'b.sqlite', contentBase64: b64(join(town.dataDir, 'backups', first.savedFirst!)) });
    expect(second.movedAside).not.toBe(first.movedAside);
    expect(existsSync(join(town.dataDir, first.movedAside!))).toBe(true);
    expect(existsSync(join(town.dataDir, second.movedAside!))).toBe(true);
  }, 60_000);
});
