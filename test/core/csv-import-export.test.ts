import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCsv, parseCsv } from '../../electron/core/format/csv/csv-text';
import { openMunicipality, outboxEvents } from '../helpers/municipality';

const FIXTURES = join(__dirname, '..', 'fixtures', 'csv');
const fixture = (name: string) => readFileSync(join(FIXTURES, name)).toString('base64');

describe('CSV import of usage entries', () => {
  it.each([
    ['utilizzi-windows1252.csv', 'windows-1252'],
    ['utilizzi-utf8-bom.csv', 'utf-8-bom'],
  ])('reads %s (%s) and imports every row, one event each', async (file, encoding) => {
    const t = await openMunicipality();
    const preview = await t.must('csv.preview', { kind: 'usage', contentBase64: fixture(file) });
    expect(preview).toMatchObject({ encoding, rows: 7, validRows: 7, invalidRows: [], duplicateRows: [], problems: [] });
    expect(outboxEvents(t)).toEqual([]); // a preview writes nothing
    expect(await t.must('csv.import', { kind: 'usage', contentBase64: fixture(file) })).toEqual({ kind: 'usage', imported: 7, excluded: [] });
    const list = await t.must('usage.list', { limit: 10 });
    const byService = Object.fromEntries(list.rows.map((r) => [r.service, r]));
    expect(byService.SITO).toMatchObject({ quantity: '12.5', note: 'Spazio usato; dopo l\'aggiornamento del "portale"' });
    expect(byService.DEMOGRAFICI).toMatchObject({ quantity: '37', beneficiaries: { citizens: 37 }, note: 'Certificati anagrafici, città e frazioni', channel: 'counter' });
    expect(byService.PEC).toMatchObject({ period: 'month', date: '2026-10-01' });
    expect(byService.GIS!.quantityMilli).toBe(1_250_000);
    expect(byService.HELPDESK).toMatchObject({ channel: 'phone', beneficiaries: { offices: 3 }, note: "Richieste dall'Ufficio Tecnico: più lente del solito" });
    expect(outboxEvents(t)).toHaveLength(7);
    expect(await t.must('log.verify', {})).toMatchObject({ ok: true, events: 7 });
    // Importing the same file again would double the figures: every row is flagged.
    const again = await t.must('csv.preview', { kind: 'usage', contentBase64: fixture(file) });
    expect(again.duplicateRows).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });

  it('lists every bad row in words, with row and column, and applies nothing', async () => {
    const t = await openMunicipality();
    const preview = await t.must('csv.preview', { kind: 'usage', contentBase64: fixture('utilizzi-righe-errate.csv') });
    expect(preview).toMatchObject({ encoding: 'windows-1252', rows: 8, validRows: 1, invalidRows: [2, 3, 4, 5, 6, 7, 8] });
    const byRow = Object.fromEntries(preview.problems.map((p) => [p.row, p]));
    expect(byRow[2]).toMatchObject({ column: 'quantità', message: expect.stringMatching(/negativa/) });
    expect(byRow[3]).toMatchObject({ column: 'data', message: expect.stringMatching(/non esiste/) });
    expect(byRow[4]).toMatchObject({ column: 'servizio', message: expect.stringMatching(/TELETRASPORTO.*catalogo/) });
    expect(byRow[5]).toMatchObject({ column: 'quantità', message: expect.stringMatching(/non è un numero/) });
    expect(byRow[6]).toMatchObject({ column: 'quantità', message: expect.stringMatching(/decimali/) });
    expect(byRow[7]).toMatchObject({ column: 'data', message: expect.stringMatching(/futuro/) });
    expect(byRow[8]).toMatchObject({ column: 'quantità', message: expect.stringMatching(/maggiore di zero/) });
    // Each with its stable code, for the UI to say it in its language.
    expect(Object.fromEntries(preview.problems.map((p) => [p.row, p.code]))).toEqual({
      2: 'CSV_QUANTITY_NEGATIVE',
      3: 'CSV_DATE_IMPOSSIBLE',
      4: 'CSV_SERVICE_UNKNOWN',
      5: 'CSV_QUANTITY_NOT_NUMBER',
      6: 'CSV_QUANTITY_DECIMALS',
      7: 'CSV_DATE_FUTURE',
      8: 'CSV_QUANTITY_ZERO',
    });
    expect(byRow[4]!.params).toEqual({ value: 'TELETRASPORTO' });

    const refused = await t.call('csv.import', { kind: 'usage', contentBase64: fixture('utilizzi-righe-errate.csv') });
    expect(refused).toMatchObject({ ok: false, error: { code: 'E_VALIDATION', message: expect.stringMatching(/Nessuna riga importata: 7 righe.*riga 2/) } });
    const partly = await t.call('csv.import', { kind: 'usage', contentBase64: fixture('utilizzi-righe-errate.csv'), exclude: [2, 3, 4] });
    expect(partly.ok).toBe(false);
    expect(outboxEvents(t)).toEqual([]);

    const applied = await t.must('csv.import', { kind: 'usage', contentBase64: fixture('utilizzi-righe-errate.csv'), exclude: preview.invalidRows });
    expect(applied).toEqual({ kind: 'usage', imported: 1, excluded: [2, 3, 4, 5, 6, 7, 8] });
    expect((await t.must('usage.list', {})).rows.map((r) => r.note)).toEqual(['riga valida']);
  });

  it('refuses a file with a missing column, naming it', async () => {
    const t = await openMunicipality();
    const preview = await t.must('csv.preview', { kind: 'usage', contentBase64: fixture('utilizzi-colonne-mancanti.csv') });
    expect(preview.problems).toEqual([{ row: 1, column: 'quantità', code: 'CSV_COLUMN_MISSING', key: 'csvRow.columnMissing', params: { column: 'quantità' }, message: expect.stringMatching(/manca la colonna «quantità»/) }]);
    expect(await t.call('csv.import', { kind: 'usage', contentBase64: fixture('utilizzi-colonne-mancanti.csv') })).toMatchObject({ ok: false });
    expect(outboxEvents(t)).toEqual([]);
  });

  it('flags a duplicated row (10 and 10,0 are the same)', async () => {
    const t = await openMunicipality();
    const preview = await t.must('csv.preview', { kind: 'usage', contentBase64: fixture('utilizzi-righe-duplicate.csv') });
    expect(preview).toMatchObject({ rows: 4, validRows: 3, duplicateRows: [4], invalidRows: [4] });
    expect(preview.problems[0]).toMatchObject({ row: 4, message: expect.stringMatching(/uguale alla riga 2/) });
    expect(await t.call('csv.import', { kind: 'usage', contentBase64: fixture('utilizzi-righe-duplicate.csv') })).toMatchObject({ ok: false });
    expect(await t.must('csv.import', { kind: 'usage', contentBase64: fixture('utilizzi-righe-duplicate.csv'), exclude: [4] })).toMatchObject({ imported: 3 });
  });

  it('refuses a file in the wrong encoding (UTF-16) or not base64', async () => {
    const t = await openMunicipality();
    const r = await t.call('csv.preview', { kind: 'usage', contentBase64: fixture('utilizzi-utf16.csv') });
    expect(r).toMatchObject({ ok: false, error: { code: 'E_VALIDATION', message: expect.stringMatching(/UTF-16/) } });
    expect(await t.call('csv.preview', { kind: 'usage', contentBase64: '%%%' })).toMatchObject({ ok: false, error: { field: 'contentBase64' } });
    expect(await t.call('csv.preview', { kind: 'usage', contentBase64: '' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/vuoto/) } });
  });
});

describe('CSV import of staff', () => {
  it.each(['personale-windows1252.csv', 'personale-utf8-bom.csv'])('imports %s with accented names, names kept local', async (file) => {
    const t = await openMunicipality();
    expect(await t.must('csv.import', { kind: 'staff', contentBase64: fixture(file) })).toMatchObject({ imported: 4 });
    const staff = await t.must('staff.list', {});
    expect(staff.map((s) => [s.code, s.displayName, s.active])).toEqual([
      ['P-101', 'Niccolò Bellè', true],
      ['P-102', "Annalisa D'Agostino", true],
      ['P-103', 'Fabrizio Rossi', false],
      ['P-104', 'Lucia Ferrè; detta Lulù', true],
    ]);
    const lines = outboxEvents(t).map((e) => JSON.stringify(e));
    expect(lines.join()).not.toMatch(/Niccol|Bell|Annalisa|Fabrizio|Lucia/);
  });

  it('flags a repeated code, an empty row and a malformed code', async () => {
    const t = await openMunicipality();
    const preview = await t.must('csv.preview', { kind: 'staff', contentBase64: fixture('personale-duplicati.csv') });
    expect(preview).toMatchObject({ rows: 5, validRows: 2, duplicateRows: [4], invalidRows: [4, 5, 6] });
    expect(preview.problems.map((p) => [p.row, p.column])).toEqual([
      [4, null],
      [5, 'nome'],
      [6, 'codice'],
    ]);
    expect(outboxEvents(t)).toEqual([]);
  });
});

describe('CSV export', () => {
  it('exports usage in the Italian format that imports back', async () => {
    const t = await openMunicipality();
    await t.must('csv.import', { kind: 'usage', contentBase64: fixture('utilizzi-windows1252.csv') });
    const file = await t.must('csv.export', { list: 'usage' });
    expect(file).toMatchObject({ fileName: 'utilizzi-2026-11-26.csv', rows: 7 });
    const bytes = Buffer.from(file.contentBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(decodeCsv(bytes).text).rows;
    expect(rows[0]!.slice(0, 4)).toEqual(['servizio', 'data', 'periodo', 'quantità']);
    expect(rows.find((r) => r[0] === 'SITO')!.slice(0, 4)).toEqual(['SITO', '10/10/2026', 'giorno', '12,5']);
    expect(rows.find((r) => r[0] === 'PEC')!.slice(1, 3)).toEqual(['10/2026', 'mese']);

    const other = await openMunicipality();
    const preview = await other.must('csv.preview', { kind: 'usage', contentBase64: file.contentBase64 });
    expect(preview).toMatchObject({ rows: 7, validRows: 7 });
    const filtered = await t.must('csv.export', { list: 'usage', usageFilters: { service: 'SITO' } });
    expect(filtered.rows).toBe(1);
  });

  it('exports every list', async () => {
    const t = await openMunicipality();
    const s = await t.must('staff.create', { displayName: 'Giulia' });
    const c = await t.must('courses.create', { title: 'GDPR', startDate: '2026-10-01', endDate: '2026-10-01', hours: '3,5' });
    await t.must('participations.create', { staffId: s.id, courseId: c.id, evaluation: 4 });
    const g = await t.must('groups.create', { name: 'Sicurezza' });
    await t.must('groups.addMember', { groupId: g.id, staffId: s.id, since: '2026-01-01' });
    await t.must('meetings.create', { groupId: g.id, date: '2026-10-02', hours: '2', topic: 'NIS2', attendees: [s.id] });
    await t.must('proposals.create', { title: 'Backup comune', oneOffCents: 123_456 });
    const read = async (list: 'staff' | 'courses' | 'participations' | 'groups' | 'meetings' | 'proposals') =>
      parseCsv(decodeCsv(Buffer.from((await t.must('csv.export', { list })).contentBase64, 'base64')).text).rows;
    expect((await read('staff'))[1]).toEqual(['P-001', 'Giulia', '', '', 'sì']);
    expect((await read('courses'))[1]!.slice(0, 5)).toEqual(['GDPR', '', '01/10/2026', '01/10/2026', '3,5']);
    expect((await read('participations'))[1]).toEqual(['P-001', 'Giulia', 'GDPR', '3,5', 'no', '4', '']);
    expect((await read('groups'))[1]).toEqual(['Sicurezza', 'P-001', 'Giulia', '01/01/2026', '']);
    expect((await read('meetings'))[1]).toEqual(['Sicurezza', '02/10/2026', '2', 'NIS2', 'P-001']);
    expect((await read('proposals'))[1]!.slice(0, 4)).toEqual(['Backup comune', 'bozza', '0', '1234,56']);
  });
});
