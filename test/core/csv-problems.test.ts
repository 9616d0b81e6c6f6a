import { describe, expect, it } from 'vitest';
import type { PushEvents } from '../../shared/api/events';
import { CSV_PROBLEM_CODES, type CsvProblemCode } from '../../shared/domain/csv';
import { openMunicipality, outboxEvents } from '../helpers/municipality';
import type { TestBackend } from '../helpers/backend';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const HEADER = 'servizio;data;periodo;quantità;cittadini;canale;note';

/** Every code seen in the test, to check at the end that each listed code can be produced. */
const seen = new Set<CsvProblemCode>();

async function problems(t: TestBackend, kind: 'usage' | 'staff', csv: string) {
  const preview = await t.must('csv.preview', { kind, contentBase64: b64(csv) });
  for (const p of preview.problems) seen.add(p.code);
  return preview.problems;
}

async function refusal(t: TestBackend, method: 'csv.preview' | 'csv.import', contentBase64: string, kind: 'usage' | 'staff' = 'usage') {
  const r = await t.call(method, { kind, contentBase64 });
  if (r.ok) throw new Error('expected a refusal');
  seen.add(r.error.params?.csvProblem as CsvProblemCode);
  return r.error;
}

describe('CSV problems: a stable code and params for each, the Italian sentence kept', () => {
  it('names each bad cell of a usage file by code, with the value as read', async () => {
    const t = await openMunicipality();
    const rows = [
      'PEC;05/11/2026;;3;;;', // row 2: valid
      'TELETRASPORTO;05/11/2026;;3;;;',
      'PEC;05/11/2026;settimana;3;;;',
      'PEC;ieri;;3;;;',
      'PEC;31/02/2026;;3;;;',
      'PEC;01/01/1999;;3;;;',
      'PEC;01/01/2030;;3;;;',
      'PEC;06/11/2026;;;;;',
      'PEC;06/11/2026;;-3;;;',
      'PEC;06/11/2026;;abc;;;',
      'PEC;06/11/2026;;0;;;',
      'PROTOCOLLO;06/11/2026;;2,5;;;',
      'SITO;06/11/2026;;1,2345;;;',
      'PEC;07/11/2026;;3;tre;;',
      'PEC;07/11/2026;;3;999999999;;',
      'PEC;07/11/2026;;3;;fax;',
      `PEC;07/11/2026;;4;;;${'x'.repeat(2001)}`,
      'PEC;07/11/2026;;5;;;suono\u0007',
      'PEC;05/11/2026;;3;;;', // row 20: same as row 2
    ];
    const found = await problems(t, 'usage', [HEADER, ...rows].join('\r\n'));
    const byRow = Object.fromEntries(found.map((p) => [p.row, { code: p.code, params: p.params, column: p.column }]));
    expect(byRow).toEqual({
      3: { code: 'CSV_SERVICE_UNKNOWN', params: { value: 'TELETRASPORTO' }, column: 'servizio' },
      4: { code: 'CSV_PERIOD_INVALID', params: { value: 'settimana' }, column: 'periodo' },
      5: { code: 'CSV_DATE_INVALID', params: { value: 'ieri' }, column: 'data' },
      6: { code: 'CSV_DATE_IMPOSSIBLE', params: { value: '31/02/2026' }, column: 'data' },
      7: { code: 'CSV_DATE_TOO_OLD', params: { value: '01/01/1999' }, column: 'data' },
      8: { code: 'CSV_DATE_FUTURE', params: { value: '01/01/2030' }, column: 'data' },
      9: { code: 'CSV_QUANTITY_MISSING', params: {}, column: 'quantità' },
      10: { code: 'CSV_QUANTITY_NEGATIVE', params: { value: '-3' }, column: 'quantità' },
      11: { code: 'CSV_QUANTITY_NOT_NUMBER', params: { value: 'abc' }, column: 'quantità' },
      12: { code: 'CSV_QUANTITY_ZERO', params: {}, column: 'quantità' },
      13: { code: 'CSV_QUANTITY_DECIMALS', params: { service: 'PROTOCOLLO', value: '2,5' }, column: 'quantità' },
      14: { code: 'CSV_QUANTITY_TOO_PRECISE', params: { value: '1,2345' }, column: 'quantità' },
      15: { code: 'CSV_COUNT_INVALID', params: { value: 'tre' }, column: 'cittadini' },
      16: { code: 'CSV_COUNT_TOO_LARGE', params: { value: '999999999', max: 100_000_000 }, column: 'cittadini' },
      17: { code: 'CSV_CHANNEL_INVALID', params: { value: 'fax' }, column: 'canale' },
      18: { code: 'CSV_NOTE_TOO_LONG', params: { max: 2000, length: 2001 }, column: 'note' },
      19: { code: 'CSV_CONTROL_CHARACTERS', params: {}, column: 'note' },
      20: { code: 'CSV_ROW_REPEATED', params: { firstRow: 2 }, column: null },
    });
    // The Italian sentence stays, for the CLI.
    expect(found.find((p) => p.row === 7)!.message).toBe("la data 01/01/1999 è anteriore al 2000: controllare l'anno.");
    expect(found.every((p) => p.message.length > 20)).toBe(true);
  });

  it('names rows already recorded and missing columns', async () => {
    const t = await openMunicipality();
    await t.must('csv.import', { kind: 'usage', contentBase64: b64(`${HEADER}\r\nPEC;05/11/2026;;3;;;`) });
    expect((await problems(t, 'usage', `${HEADER}\r\nPEC;05/11/2026;;3;;;`)).map((p) => p.code)).toEqual(['CSV_USAGE_ALREADY_STORED']);
    expect(await problems(t, 'usage', 'servizio;quantità\r\nPEC;3')).toEqual([
      expect.objectContaining({ row: 1, column: 'data', code: 'CSV_COLUMN_MISSING', params: { column: 'data' } }),
    ]);
  });

  it('names the problems of a staff file', async () => {
    const t = await openMunicipality();
    await t.must('staff.create', { code: 'P-100', displayName: 'Giulia Neri' });
    const found = await problems(
      t,
      'staff',
      ['codice;nome;ruolo;attivo', 'P-100;Altra Persona;;sì', ';giulia neri;;', ';;Istruttore;', 'P-200;Marco;;forse', 'P 2!;Luca;;', `P-300;Anna;${'r'.repeat(101)};`, 'P-301;Bea\u0001;;'].join('\r\n'),
    );
    expect(found.map((p) => [p.row, p.code, p.params])).toEqual([
      [2, 'CSV_STAFF_CODE_STORED', { code: 'P-100' }],
      [3, 'CSV_STAFF_NAME_STORED', { name: 'giulia neri' }],
      [4, 'CSV_STAFF_NO_NAME_OR_CODE', {}],
      [5, 'CSV_ACTIVE_INVALID', { value: 'forse' }],
      [6, 'CSV_STAFF_CODE_INVALID', { value: 'P 2!' }],
      [7, 'CSV_TEXT_TOO_LONG', { max: 100, length: 101 }],
      [8, 'CSV_CONTROL_CHARACTERS', {}],
    ]);
    expect((await problems(t, 'staff', 'ruolo;ufficio\r\nIstruttore;Anagrafe')).map((p) => p.code)).toEqual(['CSV_COLUMN_NAME_OR_CODE_MISSING']);
  });

  it('refuses a whole file with the problem code in params.csvProblem', async () => {
    const t = await openMunicipality();
    expect(await refusal(t, 'csv.preview', '%%%')).toMatchObject({ code: 'E_VALIDATION', field: 'contentBase64', params: { csvProblem: 'CSV_FILE_UNREADABLE' } });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}\r\n`, 'utf16le')]).toString('base64');
    expect(await refusal(t, 'csv.preview', utf16)).toMatchObject({ params: { csvProblem: 'CSV_FILE_UTF16' }, message: expect.stringMatching(/^Il file è in formato «Testo Unicode»/) });
    expect(await refusal(t, 'csv.preview', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]).toString('base64'))).toMatchObject({ params: { csvProblem: 'CSV_FILE_XLSX' } });
    expect(await refusal(t, 'csv.preview', Buffer.from([0x61, 0, 0x62]).toString('base64'))).toMatchObject({ params: { csvProblem: 'CSV_FILE_BINARY' } });
    expect(await refusal(t, 'csv.preview', '')).toMatchObject({ params: { csvProblem: 'CSV_FILE_EMPTY' } });
    // Declared UTF-8 (BOM), with a Windows-1252 "è" on line 3: refused naming the line, not stored as U+FFFD.
    const badUtf8 = Buffer.concat([Buffer.from(`\ufeff${HEADER}\r\nPEC;05/11/2026;;3;;;\r\nPEC;05/11/2026;;4;;;perch`, 'utf8'), Buffer.from([0xe8, 0x0d, 0x0a])]);
    expect(await refusal(t, 'csv.preview', badUtf8.toString('base64'))).toMatchObject({ params: { csvProblem: 'CSV_FILE_INVALID_UTF8', line: 3 }, message: expect.stringMatching(/alla riga 3 contiene caratteri che non sono UTF-8/) });
    expect(await refusal(t, 'csv.import', badUtf8.toString('base64'))).toMatchObject({ params: { csvProblem: 'CSV_FILE_INVALID_UTF8' } });
    // Malformed quotes: refused naming line and column, not turned into other fields.
    expect(await refusal(t, 'csv.preview', b64(`${HEADER}\r\nPEC;05/11/2026;;3;;;"ok"no\r\n`))).toMatchObject({ params: { csvProblem: 'CSV_QUOTE_MALFORMED', line: 2, column: 7 }, message: expect.stringMatching(/^Alla riga 2, colonna 7/) });
    expect(await refusal(t, 'csv.preview', b64(`${HEADER}\r\nPEC;05/11/2026;;3;;;"aperta\r\nPEC;06/11/2026;;3;;;\r\n`))).toMatchObject({ params: { csvProblem: 'CSV_QUOTE_UNCLOSED', line: 2, column: 7 } });
    const huge = b64(`${HEADER}\r\n${'PEC;01/01/2026;;1;;;\r\n'.repeat(100_001)}`);
    expect(await refusal(t, 'csv.preview', huge)).toMatchObject({ params: { csvProblem: 'CSV_FILE_TOO_MANY_ROWS', max: 100_000 } });
    const blocked = await refusal(t, 'csv.import', b64(`${HEADER}\r\nPEC;05/11/2026;;3;;;\r\nPEC;05/11/2026;;-1;;;\r\nXYZ;05/11/2026;;1;;;`));
    expect(blocked).toMatchObject({ params: { csvProblem: 'CSV_IMPORT_BLOCKED', invalidRows: 2, firstRow: 3 }, message: expect.stringMatching(/^Nessuna riga importata: 2 righe/) });
    expect(outboxEvents(t)).toEqual([]);
  });

  it('every listed code was produced above, except the fallback for an unforeseen schema complaint', () => {
    // CSV_EXPORT_TOO_LARGE needs 200,001 entries: test/core/csv-export-stream.test.ts produces it.
    expect(CSV_PROBLEM_CODES.filter((c) => !seen.has(c))).toEqual(['CSV_EXPORT_TOO_LARGE', 'CSV_VALUE_INVALID']);
  });
});

describe('progress of long work (task.progress)', () => {
  function listen(t: TestBackend) {
    const got: PushEvents['task.progress'][] = [];
    t.backend.subscribe((m) => {
      if (m.event === 'task.progress') got.push(m.payload);
    });
    return got;
  }

  it('a CSV import reports the check of its rows, then their recording, up to the total', async () => {
    const t = await openMunicipality();
    const rows = Array.from({ length: 4500 }, (_, i) => `PEC;${String((i % 28) + 1).padStart(2, '0')}/${String((Math.floor(i / 28) % 12) + 1).padStart(2, '0')}/2025;;${i + 1};;;`);
    const content = b64([HEADER, ...rows].join('\r\n'));
    const got = listen(t);
    await t.must('csv.import', { kind: 'usage', contentBase64: content });
    const check = got.filter((p) => p.taskId === 'csv.check');
    const record = got.filter((p) => p.taskId === 'csv.import');
    expect(check.map((p) => p.done)).toEqual([0, 2000, 4000, 4500]);
    expect(check.every((p) => p.total === 4500)).toBe(true);
    expect(record[0]).toMatchObject({ done: 0, total: 4500 });
    expect(record.at(-1)).toMatchObject({ done: 4500, total: 4500 });
    expect(record.length).toBeGreaterThan(10);
    expect(record.map((p) => p.done)).toEqual([...record.map((p) => p.done)].sort((a, b) => a - b));
    expect(got.indexOf(check.at(-1)!)).toBeLessThan(got.indexOf(record[0]!));
  });

  it('the check yields to the event loop between slices, so the progress leaves while it runs', async () => {
    const t = await openMunicipality();
    const rows = Array.from({ length: 4100 }, (_, i) => `PEC;01/01/2025;;${i + 1};;;`);
    const got = listen(t);
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 0);
    const seenAtTick: number[] = [];
    const poll = setInterval(() => seenAtTick.push(got.length), 0);
    await t.must('csv.preview', { kind: 'usage', contentBase64: b64([HEADER, ...rows].join('\r\n')) });
    clearInterval(timer);
    clearInterval(poll);
    // Timers ran while the rows were being checked: some saw part of the progress, not all of it.
    expect(ticks).toBeGreaterThan(0);
    expect(seenAtTick.some((n) => n > 0 && n < got.length)).toBe(true);
  });

  it('the window learns that recording has started before the transaction holds the event loop', async () => {
    const t = await openMunicipality();
    const rows = Array.from({ length: 300 }, (_, i) => `PEC;01/01/2025;;${i + 1};;;`);
    const got = listen(t);
    // When recording is announced, ask the event loop for a turn: it must come before the
    // transaction (the import hands the loop back), so it sees no later event and no transaction.
    let atTurn: { last: string; inTransaction: boolean } | null = null;
    t.backend.subscribe((m) => {
      if (m.event === 'task.progress' && m.payload.taskId === 'csv.import' && m.payload.done === 0) {
        setImmediate(() => (atTurn = { last: `${got.at(-1)!.taskId} ${got.at(-1)!.done}`, inTransaction: t.backend.ctx.db.inTransaction }));
      }
    });
    await t.must('csv.import', { kind: 'usage', contentBase64: b64([HEADER, ...rows].join('\r\n')) });
    expect(atTurn).toEqual({ last: 'csv.import 0', inTransaction: false });
  });

  it('demo.fill reports its progress up to the total', async () => {
    const t = await openMunicipality();
    const got = listen(t);
    await t.must('demo.fill', { months: 6, seed: 3 });
    const demo = got.filter((p) => p.taskId === 'demo.fill');
    expect(demo.length).toBeGreaterThan(5);
    expect(demo[0]!.done).toBe(0);
    expect(demo.at(-1)!.done).toBe(demo.at(-1)!.total);
    expect(demo.map((p) => p.done)).toEqual([...demo.map((p) => p.done)].sort((a, b) => a - b));
  });
});

describe('CSV separator: detected on the records, said in the preview', () => {
  it('a header whose first line has a comma and no ";" is still an Italian Excel file', async () => {
    const t = await openMunicipality();
    // The old detection read only `"note, varie` (up to the first newline, inside the quotes)
    // and chose ",": 1,5 became two fields.
    const csv = '"note, varie\r\n(facoltative)";servizio;data;quantità\r\n"ok, fatto";SITO;05/11/2026;1,5\r\n';
    const preview = await t.must('csv.preview', { kind: 'usage', contentBase64: b64(csv) });
    expect(preview).toMatchObject({ separator: ';', rows: 1, validRows: 1, problems: [] });
    expect(preview.sample).toEqual([['ok, fatto', 'SITO', '05/11/2026', '1,5']]);
  });

  it('a comma file written by a program is read with ",", and the preview says so', async () => {
    const t = await openMunicipality();
    const preview = await t.must('csv.preview', { kind: 'usage', contentBase64: b64('servizio,data,quantità\nSITO,05/11/2026,"1,5"\n') });
    expect(preview).toMatchObject({ separator: ',', validRows: 1 });
  });
});
