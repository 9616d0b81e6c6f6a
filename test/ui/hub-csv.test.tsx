import { describe, expect, it } from 'vitest';
import { textToBase64, toItalianCsv } from '../../renderer/src/features/hub-views/csv';

describe('Italian CSV for the hub tables', () => {
  it('uses ; and the decimal comma, quotes what needs it, starts with a BOM and ends lines with CRLF', () => {
    const csv = toItalianCsv(['Comune', 'Ore'], [['Sant’Angelo; "Vado"', 7.5], ['Urbino', '1.234,5']]);
    expect(csv).toBe('\uFEFFComune;Ore\r\n"Sant’Angelo; ""Vado""";7,5\r\nUrbino;1.234,5\r\n');
  });

  it('encodes UTF-8 (accents survive Excel)', () => {
    const bytes = Uint8Array.from(atob(textToBase64('\uFEFFForlì')), (c) => c.charCodeAt(0));
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('Forlì');
  });
});
