import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSV_EXPORT_MEMORY_MAX_ROWS } from '../../electron/core/municipality/csv/csv-export';
import { decodeCsv, parseCsv } from '../../electron/core/format/csv/csv-text';
import { seedUsage } from '../bench/usage-seed';
import { openMunicipality } from '../helpers/municipality';
import { tempDir } from '../helpers/temp-dir';

const ROWS = CSV_EXPORT_MEMORY_MAX_ROWS + 1;

describe('CSV export streamed to a file (csv.exportFile, cst export --out)', () => {
  it(
    `writes ${ROWS} usage entries correctly (BOM, ;, decimal comma, date order), where the download refuses`,
    async () => {
      const t = await openMunicipality();
      seedUsage(t.backend.ctx.db, ROWS, '2026-11-26T09:00:00.000Z');
      await t.must('usage.record', { service: 'SITO', date: '2026-11-26', quantity: '12,5', note: 'nota; con "virgolette"' });

      // The download is bounded: a list this long is refused with a code the UI translates.
      const refused = await t.call('csv.export', { list: 'usage' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'E_VALIDATION', params: { csvProblem: 'CSV_EXPORT_TOO_LARGE', max: CSV_EXPORT_MEMORY_MAX_ROWS } } });

      const dir = tempDir();
      const out = join(dir, 'utilizzi.csv');
      const written = await t.must('csv.exportFile', { list: 'usage', out });
      expect(written).toMatchObject({ path: out, rows: ROWS + 1 });
      const bytes = readFileSync(out);
      expect(written.bytes).toBe(bytes.length);
      expect(readdirSync(dir)).toEqual(['utilizzi.csv']); // no temporary file left beside it
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const { text, encoding } = decodeCsv(bytes);
      expect(encoding).toBe('utf-8-bom');
      const rows = parseCsv(text, ';').rows;
      expect(rows).toHaveLength(ROWS + 2);
      expect(rows[0]).toEqual(['servizio', 'data', 'periodo', 'quantità', 'cittadini', 'imprese', 'uffici', 'canale', 'note', 'descrizione servizio', 'unità', 'registrato da']);
      // Oldest first, as the database holds them: compare a sample with the rows themselves.
      const db = t.backend.ctx.db;
      const stored = db.prepare('SELECT service, date, quantity_milli, note FROM usage ORDER BY date, n').all() as { service: string; date: string; quantity_milli: number; note: string }[];
      for (const i of [0, 1, 77_777, ROWS - 1, ROWS]) {
        const s = stored[i]!;
        const r = rows[i + 1]!;
        expect(r[0]).toBe(s.service);
        expect(r[1]).toBe(`${s.date.slice(8, 10)}/${s.date.slice(5, 7)}/${s.date.slice(0, 4)}`);
        expect(r[3]).toBe(String(s.quantity_milli / 1000).replace('.', ','));
        expect(r[8]).toBe(s.note);
      }
      expect(rows.at(-1)!.slice(0, 4)).toEqual(['SITO', '26/11/2026', 'giorno', '12,5']);
      expect(rows.at(-1)![8]).toBe('nota; con "virgolette"');
      expect(text.split('\r\n')).toHaveLength(ROWS + 3); // CRLF after every line

      // A filter streams only its rows; the file is replaced whole.
      const pec = await t.must('csv.exportFile', { list: 'usage', out, usageFilters: { service: 'PEC', from: '2020-01-01', to: '2020-12-31' } });
      const pecRows = parseCsv(decodeCsv(readFileSync(out)).text).rows.slice(1);
      expect(pecRows).toHaveLength(pec.rows);
      expect(pec.rows).toBe(db.prepare("SELECT count(*) FROM usage WHERE service = 'PEC' AND date BETWEEN '2020-01-01' AND '2020-12-31'").pluck().get());
      expect(new Set(pecRows.map((r) => r[0]))).toEqual(new Set(['PEC']));
    },
    120_000,
  );

  it('refuses a relative path and says why it cannot write, leaving nothing behind', async () => {
    const t = await openMunicipality();
    await t.must('staff.create', { displayName: 'Giulia' });
    expect(await t.call('csv.exportFile', { list: 'staff', out: 'personale.csv' })).toMatchObject({ ok: false, error: { code: 'E_VALIDATION', field: 'out' } });
    const missing = join(tempDir(), 'non-esiste', 'personale.csv');
    expect(await t.call('csv.exportFile', { list: 'staff', out: missing })).toMatchObject({ ok: false, error: { code: 'E_IO', params: { reason: 'ENOENT' } } });
    expect(existsSync(missing)).toBe(false);
    const out = join(tempDir(), 'personale.csv');
    expect(await t.must('csv.exportFile', { list: 'staff', out })).toMatchObject({ rows: 1 });
    expect(parseCsv(decodeCsv(readFileSync(out)).text).rows[1]).toEqual(['P-001', 'Giulia', '', '', 'sì']);
  });
});
