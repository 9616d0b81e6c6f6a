import { describe, expect, it } from 'vitest';
import { decodeCsv, detectSeparator, foldHeader, parseCsv, writeCsv } from '../../electron/core/format/csv/csv-text';
import { parseItalianDate, parseItalianDecimal, parseOptionalCount } from '../../electron/core/municipality/csv/italian-values';

describe('CSV decoding', () => {
  it('reads UTF-8 with BOM, plain UTF-8, and falls back to Windows-1252', () => {
    expect(decodeCsv(Buffer.from('\ufeffquantità', 'utf8'))).toEqual({ text: 'quantità', encoding: 'utf-8-bom' });
    expect(decodeCsv(Buffer.from('città', 'utf8'))).toEqual({ text: 'città', encoding: 'utf-8' });
    // "Niccolò €" in Windows-1252: ò = 0xF2, € = 0x80 (not Latin-1).
    expect(decodeCsv(Buffer.from([0x4e, 0x69, 0x63, 0x63, 0x6f, 0x6c, 0xf2, 0x20, 0x80]))).toEqual({ text: 'Niccolò €', encoding: 'windows-1252' });
  });

  it('refuses UTF-16, an xlsx and binary files with a sentence saying what to do', () => {
    expect(() => decodeCsv(Buffer.from('\ufeffa;b', 'utf16le'))).toThrow(/UTF-16.*CSV/);
    expect(() => decodeCsv(Buffer.from('PK\u0003\u0004xl/workbook.xml'))).toThrow(/xlsx/);
    expect(() => decodeCsv(Buffer.from([1, 2, 0, 3]))).toThrow(/binari/);
  });
});

describe('CSV parsing', () => {
  it('splits on ; with quoted fields, doubled quotes, line breaks inside quotes and CRLF', () => {
    const text = 'a;b;c\r\n1;"x; y";"il ""portale"""\r\n\r\n2;"riga\r\ndue";\r\n';
    expect(parseCsv(text).rows).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x; y', 'il "portale"'],
      ['2', 'riga\r\ndue', ''],
    ]);
  });

  it('keeps a last line without line end and detects other separators', () => {
    expect(parseCsv('a;b\n1;2').rows).toEqual([['a', 'b'], ['1', '2']]);
    expect(detectSeparator('a\tb\n')).toBe('\t');
    expect(detectSeparator('a,b\n')).toBe(',');
    expect(detectSeparator('a;b,c\n')).toBe(';');
  });

  it('folds headers without case, accents or spaces', () => {
    expect(foldHeader(' Quantità ')).toBe('quantita');
    expect(foldHeader('Uffici interni')).toBe('ufficiinterni');
  });

  it('writes UTF-8 with BOM, ;, CRLF, quoting when needed and defusing formulas', () => {
    const bytes = writeCsv(['nome', 'nota'], [['Niccolò', 'a; b'], ['=1+1', 'di "lui"'], [null, 3]]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('nome;nota\r\nNiccolò;"a; b"\r\n\'=1+1;"di ""lui"""\r\n;3\r\n');
    const back = parseCsv(decodeCsv(bytes).text).rows;
    expect(back[1]).toEqual(['Niccolò', 'a; b']);
  });
});

describe('Italian values', () => {
  it.each([
    ['31/01/2026', '2026-01-31'],
    ['1/2/2026', '2026-02-01'],
    ['29/02/2028', '2028-02-29'],
    ['2026-03-04', '2026-03-04'],
  ])('reads the date %s', (text, iso) => expect(parseItalianDate(text)).toEqual({ ok: true, value: iso }));

  it.each(['31/02/2026', '29/02/2026', '00/01/2026', '12/13/2026', '2026/01/01', 'ieri', ''])('refuses the date %j', (text) => {
    const r = parseItalianDate(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/data|gg\/mm\/aaaa/);
  });

  it('reads a month only where months are allowed', () => {
    expect(parseItalianDate('10/2026', true)).toEqual({ ok: true, value: '2026-10-01' });
    expect(parseItalianDate('10/2026').ok).toBe(false);
  });

  it.each([
    ['12', '12'],
    ['12,5', '12.5'],
    ['1.234,56', '1234.56'],
    ['1.250', '1250'],
    ['12.5', '12.5'],
    [' 7 ', '7'],
  ])('reads the number %j', (text, value) => expect(parseItalianDecimal(text)).toEqual({ ok: true, value }));

  it.each(['-3', 'dodici', '', '1,2,3', '12 kg'])('refuses the number %j', (text) => expect(parseItalianDecimal(text).ok).toBe(false));

  it('reads optional counts', () => {
    expect(parseOptionalCount('')).toEqual({ ok: true, value: null });
    expect(parseOptionalCount('1.200')).toEqual({ ok: true, value: 1200 });
    expect(parseOptionalCount('-1').ok).toBe(false);
  });
});
