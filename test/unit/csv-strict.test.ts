/**
 * What the CSV reader refuses or decides on its own (issue 11, items 13, 15, 16): invalid UTF-8
 * in a file that declares UTF-8, malformed quotes, and the separator of a file that does not say.
 */
import { describe, expect, it } from 'vitest';
import { CsvFileError, csvLine, decodeCsv, detectSeparator, parseCsv } from '../../electron/core/format/csv/csv-text';

function refusal(fn: () => unknown): CsvFileError {
  try {
    fn();
  } catch (err) {
    if (err instanceof CsvFileError) return err;
    throw err;
  }
  throw new Error('expected a CsvFileError');
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const utf8 = (...parts: (string | number[])[]) => Buffer.concat([BOM, ...parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p)))]);

describe('CSV declared UTF-8 (BOM) with bytes that are not UTF-8', () => {
  it('is refused naming the line, not read with U+FFFD in place', () => {
    const e = refusal(() => decodeCsv(utf8('servizio;note\r\nPEC;città\r\nPEC;perch', [0xe9], '\r\nPEC;ok\r\n')));
    expect([e.code, e.params]).toEqual(['CSV_FILE_INVALID_UTF8', { line: 3 }]);
    expect(e.message).toMatch(/^Il file dichiara la codifica UTF-8 .* alla riga 3 contiene caratteri che non sono UTF-8: salvarlo di nuovo da Excel come «CSV UTF-8»/);
  });

  it('finds the bad byte on the first line, and a sequence cut off at the very end', () => {
    expect(refusal(() => decodeCsv(utf8([0xff], 'a;b\r\n'))).params).toEqual({ line: 1 });
    expect(refusal(() => decodeCsv(utf8('a;b\nc;d\n', [0xc3]))).params).toEqual({ line: 3 });
    expect(refusal(() => decodeCsv(utf8('a;b\n', [0xed, 0xa0, 0x80], '\n'))).params).toEqual({ line: 2 }); // a UTF-16 surrogate
  });

  it('keeps reading valid UTF-8 with BOM, and Windows-1252 without BOM (by design)', () => {
    expect(decodeCsv(utf8('città;€\n'))).toEqual({ text: 'città;€\n', encoding: 'utf-8-bom' });
    expect(decodeCsv(Buffer.from([0x63, 0x69, 0x74, 0x74, 0xe0]))).toEqual({ text: 'città', encoding: 'windows-1252' });
  });
});

describe('CSV quotes that RFC 4180 does not allow', () => {
  it('text after a closing quote is refused naming line and column', () => {
    const e = refusal(() => parseCsv('a,"b"c,d', ','));
    expect([e.code, e.params]).toEqual(['CSV_QUOTE_MALFORMED', { line: 1, column: 2 }]);
    expect(e.message).toMatch(/^Alla riga 1, colonna 2, dopo le virgolette di chiusura/);
    expect(refusal(() => parseCsv('x,y,z\na,"b,"c', ',')).params).toEqual({ line: 2, column: 2 });
    // The line is where the stray text is (the quote closed on line 3).
    expect(refusal(() => parseCsv('x;y\r\n"lunga\r\nnota" e altro;2', ';')).params).toEqual({ line: 3, column: 1 });
  });

  it('a quote never closed is refused naming where it opened', () => {
    const e = refusal(() => parseCsv('a;b;c\r\n1;2;"aperta\r\n4;5;6\r\n'));
    expect([e.code, e.params]).toEqual(['CSV_QUOTE_UNCLOSED', { line: 2, column: 3 }]);
  });

  it('a quote inside an unquoted field is kept as Excel keeps it', () => {
    expect(parseCsv('a;b\r\n37.8"N;pollici 3"\r\n').rows).toEqual([['a', 'b'], ['37.8"N', 'pollici 3"']]);
  });
});

describe('CSV separator detection', () => {
  it('prefers ; when no program-written list of comma-separated names is there (Italian Excel)', () => {
    expect(detectSeparator('Quantità, kg\r\n1,5\r\n2,25\r\n')).toBe(';');
    expect(parseCsv('Quantità, kg\r\n1,5\r\n').rows).toEqual([['Quantità, kg'], ['1,5']]);
    expect(detectSeparator('nome\r\nRossi, Mario\r\n')).toBe(';');
  });

  it('reads the header record outside quotes, across its line breaks', () => {
    // The first physical line `"note, varie` has a comma and no ';': the old detection chose ','.
    const text = '"note, varie\r\n(facoltative)";servizio;quantità\r\n"ok, fatto";SITO;1,5\r\n';
    expect(detectSeparator(text)).toBe(';');
    expect(parseCsv(text).rows[1]).toEqual(['ok, fatto', 'SITO', '1,5']);
    // A ';' inside a quoted name is no separator: this one is a comma file.
    expect(detectSeparator('"a;b",c,d\n1,2,3\n')).toBe(',');
  });

  it('chooses , for files written by programs, and a tab when the header has one', () => {
    expect(detectSeparator('first,last,address\nJohn,Doe,"120 any st., Anytown"\n')).toBe(',');
    expect(detectSeparator('a,b\n')).toBe(',');
    expect(detectSeparator('a\tb\n1,5\t2\n')).toBe('\t');
    expect(detectSeparator('a;b,c\n')).toBe(';');
    expect(parseCsv('a,b\n1,2').separator).toBe(',');
  });

  it('does not choose , when no record has as many fields as the header', () => {
    expect(detectSeparator('codice,descrizione\n1\n2\n3\n')).toBe(';');
  });
});

describe('CSV separator detection on Excel-style files (seeded, 300 files)', () => {
  // What Excel on Italian Windows writes (csvLine: ';', quotes only where needed, decimal comma),
  // with the header names that broke the old detection: commas, line breaks inside quotes. The
  // old first-line detection misread 13 of these 300 files (a one-column "Quantità, kg" split
  // "1,5"); a first attempt at the new one misread 6 (a header of quoted fields only was skipped).
  const NAMES = ['Servizio', 'Data', 'Quantità, kg', 'Importo, €', 'Note\n(facoltative)', 'Ufficio', '"Codice"', 'Peso, t; lordo'];
  const VALUES = ['1,5', '2,25', 'PEC', '05/11/2026', 'Rossi, Mario', 'a "b" c', 'riga\r\ndue', '', '1.234,50'];

  it('always choose ";" and read back every cell', () => {
    let seed = 7;
    const next = (n: number) => {
      // mulberry32: small, seeded, uniform enough for picking cases.
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    let misread = 0;
    for (let f = 0; f < 300; f++) {
      const columns = 1 + next(5);
      const header = Array.from({ length: columns }, () => NAMES[next(NAMES.length)]!);
      const rows = Array.from({ length: 1 + next(6) }, () => Array.from({ length: columns }, () => VALUES[next(VALUES.length)]!));
      const text = [header, ...rows].map(csvLine).join('\r\n') + '\r\n';
      const expected = [header, ...rows].filter((r) => !(r.length === 1 && r[0]!.trim() === ''));
      if (detectSeparator(text) !== ';' || JSON.stringify(parseCsv(text).rows) !== JSON.stringify(expected)) misread += 1;
    }
    expect(misread).toBe(0);
  });
});
