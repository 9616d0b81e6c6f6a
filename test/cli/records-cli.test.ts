import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { cst } from './cli-run';

const FIXTURES = join(__dirname, '..', 'fixtures', 'csv');

async function municipality(): Promise<string> {
  const dir = tempDir();
  expect((await cst(['init', '--role', 'municipality', '--istat', '041067', '--operator', 'Maria Rossi', '--data-dir', dir])).code).toBe(0);
  return dir;
}

describe('cst import / export', () => {
  it('imports usage from a Windows-1252 file and exports it in the Italian format', async () => {
    const dir = await municipality();
    const imp = await cst(['import', 'usage', join(FIXTURES, 'utilizzi-windows1252.csv'), '--data-dir', dir]);
    expect(imp.stderr).toBe('');
    expect(imp.code).toBe(0);
    expect(imp.stdout).toMatch(/7 righe \(windows-1252, separatore ";"\), 7 valide/);
    expect(imp.stdout).toMatch(/^7 utilizzi importati\.$/m);
    const out = join(dir, 'utilizzi.csv');
    const exp = await cst(['export', 'usage', '--out', out, '--data-dir', dir]);
    expect(exp.code).toBe(0);
    const text = readFileSync(out).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toMatch(/\r\nSITO;10\/10\/2026;giorno;12,5;/);
    expect(text).toMatch(/Certificati anagrafici, città e frazioni/);
    expect((await cst(['log', 'verify', '--data-dir', dir])).stdout).toMatch(/Catena integra: 7 eventi/);
  });

  it('prints every problem and exits 1 without importing; --exclude-invalid applies only the valid rows', async () => {
    const dir = await municipality();
    const file = join(FIXTURES, 'utilizzi-righe-errate.csv');
    const r = await cst(['import', 'usage', file, '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('  riga '))).toHaveLength(7);
    expect(r.stdout).toMatch(/riga 3, colonna «data»: la data 31\/02\/2026 non esiste/);
    expect(r.stderr).toMatch(/nessun dato importato/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const ok = await cst(['import', 'usage', file, '--exclude-invalid', '--data-dir', dir, '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).value.result).toEqual({ kind: 'usage', imported: 1, excluded: [2, 3, 4, 5, 6, 7, 8] });
  });

  it('counts one row with problems as "1 riga", never "1 righe"', async () => {
    const dir = await municipality();
    const file = join(tempDir(), 'una-riga-errata.csv');
    writeFileSync(file, 'servizio;data;quantità\r\nPEC;01/11/2026;1\r\nPEC;31/02/2026;1\r\n');
    const r = await cst(['import', 'usage', file, '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/: 1 riga con problemi: nessun dato importato\./);
  });

  it('imports staff, refuses a file with missing columns, and checks its arguments', async () => {
    const dir = await municipality();
    expect((await cst(['import', 'staff', join(FIXTURES, 'personale-utf8-bom.csv'), '--data-dir', dir])).stdout).toMatch(/^4 dipendenti importati\.$/m);
    const missing = await cst(['import', 'usage', join(FIXTURES, 'utilizzi-colonne-mancanti.csv'), '--data-dir', dir]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/manca la colonna «quantità»/);
    expect((await cst(['import', 'usage', join(FIXTURES, 'utilizzi-utf16.csv'), '--data-dir', dir])).stderr).toMatch(/UTF-16/);
    expect((await cst(['import', 'frutta', 'x.csv', '--data-dir', dir])).code).toBe(2);
    expect((await cst(['import', 'usage', join(dir, 'nessuno.csv'), '--data-dir', dir])).stderr).toMatch(/ENOENT/);
    expect((await cst(['export', 'usage', '--data-dir', dir])).code).toBe(2);
  });
});

describe('cst demo', () => {
  it('fills a municipality with a seeded year whose chain verifies', async () => {
    const dir = await municipality();
    const r = await cst(['demo', '--months', '12', '--seed', '42', '--data-dir', dir, '--json']);
    expect(r.stderr).toBe('');
    const s = JSON.parse(r.stdout).value;
    expect(s.staff).toBeGreaterThanOrEqual(8);
    expect(s.proposals).toBeGreaterThanOrEqual(3);
    const verify = JSON.parse((await cst(['log', 'verify', '--data-dir', dir, '--json'])).stdout).value;
    expect(verify).toMatchObject({ ok: true, events: s.events });
    const again = await cst(['demo', '--data-dir', dir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/installazione vuota/);
  });

  // On a hub `cst demo` runs the consortium's own demo (governance); demo.fill itself refuses
  // a hub (test/core/demo.test.ts).
  it('refuses on an uninitialized folder and a bad --months', async () => {
    const empty = tempDir();
    const r = await cst(['demo', '--data-dir', empty]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/non è ancora configurata/);
    expect((await cst(['demo', '--months', 'dodici', '--data-dir', empty])).code).toBe(2);
  });
});

describe('cst log verify', () => {
  it('names the first altered event after demo data', async () => {
    const dir = await municipality();
    await cst(['demo', '--months', '2', '--data-dir', dir]);
    const db = new Database(join(dir, 'cst-desk.sqlite'));
    db.exec('DROP TRIGGER outbox_no_update');
    db.prepare("UPDATE outbox SET line = CAST(replace(CAST(line AS TEXT), '\"quantity_milli\":', '\"quantity_milli\":1') AS BLOB) WHERE seq = 5").run();
    db.close();
    const r = await cst(['log', 'verify', '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Catena interrotta all'evento 5/);
  });
});
