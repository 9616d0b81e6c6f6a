import { describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/platform/store/open-store';
import { MIGRATIONS } from '../../electron/core/platform/store/migrations/index';
import { databaseAtVersion } from '../helpers/old-database';
import { tempDir } from '../helpers/temp-dir';

describe('migrations of the municipality records', () => {
  it('003 seeds the provisional catalogue with its units', () => {
    const db = openStore(tempDir());
    const rows = db.prepare('SELECT code, unit, decimals, source FROM services ORDER BY position').all() as { code: string; unit: string; decimals: number; source: string }[];
    expect(rows).toHaveLength(11);
    expect(rows.every((r) => r.source === 'provisional')).toBe(true);
    expect(rows.find((r) => r.code === 'SITO')).toMatchObject({ unit: 'gb', decimals: 1 });
    db.close();
  });

  it('005 rebuilds daily totals and the text index from the entries of a version-4 database', () => {
    const dir = databaseAtVersion(4, (raw) => {
      const insert = raw.prepare(
        `INSERT INTO usage (id, service, date, period, quantity_milli, note, version, updated_by, created_at, updated_at)
         VALUES (?, ?, ?, 'day', ?, ?, 1, 'M', 'x', 'x')`,
      );
      insert.run('a', 'PEC', '2026-10-01', 2000, 'Richiesta della Prefettura');
      insert.run('b', 'PEC', '2026-10-01', 3000, '');
      insert.run('c', 'SITO', '2026-10-02', 1500, 'portale');
    });

    const db = openStore(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.prepare('SELECT date, service, entries, quantity_milli FROM usage_daily ORDER BY date, service').all()).toEqual([
      { date: '2026-10-01', service: 'PEC', entries: 2, quantity_milli: 5000 },
      { date: '2026-10-02', service: 'SITO', entries: 1, quantity_milli: 1500 },
    ]);
    expect(db.prepare("SELECT service, date, quantity_milli FROM usage_fts WHERE usage_fts MATCH 'prefettura'").all()).toEqual([
      { service: 'PEC', date: '2026-10-01', quantity_milli: 2000 },
    ]);
    db.close();
  });
});
