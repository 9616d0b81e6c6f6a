import { messageFor, sentenceFor, type MessageKey } from '../../../../shared/errors/catalogue';
import { detectSeparator, type CsvSeparator } from './csv-separator';

export { detectSeparator } from './csv-separator';

/**
 * CSV as Excel on Italian Windows writes it: `;` separator, fields quoted with `"` (a quote
 * inside doubled), CRLF line ends, Windows-1252 or UTF-8 with BOM. Pure functions.
 */

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';
export type { CsvSeparator } from './csv-separator';

export type CsvFileErrorCode =
  | 'CSV_FILE_UTF16'
  | 'CSV_FILE_XLSX'
  | 'CSV_FILE_BINARY'
  | 'CSV_FILE_INVALID_UTF8'
  | 'CSV_QUOTE_MALFORMED'
  | 'CSV_QUOTE_UNCLOSED';

/** The catalogue key of each refusal of the text (shared/errors/csv-messages.ts). */
export const CSV_FILE_ERROR_KEYS = {
  CSV_FILE_UTF16: 'csvFile.utf16',
  CSV_FILE_XLSX: 'csvFile.xlsx',
  CSV_FILE_BINARY: 'csvFile.binary',
  CSV_FILE_INVALID_UTF8: 'csvFile.invalidUtf8',
  CSV_QUOTE_MALFORMED: 'csvFile.quoteMalformed',
  CSV_QUOTE_UNCLOSED: 'csvFile.quoteUnclosed',
} as const satisfies Record<CsvFileErrorCode, MessageKey>;

/**
 * The Italian sentences of the problems this module finds in the text itself (lower case: the
 * CSV problem catalogue of the core uses them as they are, a refusal capitalises them). `line`
 * is the line of the file as a text editor numbers it; `column` the field's position (1 = A).
 */
export const CSV_TEXT_SENTENCES = {
  CSV_FILE_INVALID_UTF8: (p: { line: number }) => messageFor('csvFile.invalidUtf8', p),
  CSV_QUOTE_MALFORMED: (p: { line: number; column: number }) => messageFor('csvFile.quoteMalformed', p),
  CSV_QUOTE_UNCLOSED: (p: { line: number; column: number }) => messageFor('csvFile.quoteUnclosed', p),
} as const;

/** A file refused as a whole: not CSV text at all, or CSV text that cannot be read safely. */
export class CsvFileError extends Error {
  constructor(
    readonly code: CsvFileErrorCode,
    message: string,
    /** The line (and column) the sentence names, for the UI's catalogue. */
    readonly params: Record<string, number> = {},
  ) {
    super(message);
  }
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The index of the first byte that makes `bytes` invalid UTF-8 (bisection over prefixes: a
 * streaming decoder refuses a prefix only when it holds a bad sequence, not a cut-off one).
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const invalid = (n: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  let low = 0;
  let high = bytes.length;
  if (!invalid(high)) return high; // only a sequence cut off at the very end
  while (high - low > 1) {
    const mid = (low + high) >>> 1;
    if (invalid(mid)) high = mid;
    else low = mid;
  }
  return high - 1;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line += 1;
  return line;
}

/**
 * BOM → UTF-8; valid UTF-8 without BOM → UTF-8; otherwise Windows-1252 (what "CSV (delimitato
 * dal separatore di elenco)" saves on Italian Windows). UTF-16 ("Testo Unicode") and binary
 * files (an .xlsx renamed) are refused: their text would be garbage.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new CsvFileError('CSV_FILE_UTF16', sentenceFor('csvFile.utf16'));
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new CsvFileError('CSV_FILE_XLSX', sentenceFor('csvFile.xlsx'));
  }
  if (bytes.subarray(0, 4096).includes(0)) {
    throw new CsvFileError('CSV_FILE_BINARY', sentenceFor('csvFile.binary'));
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    // The BOM says UTF-8: a byte that is not would become U+FFFD without a word, so refuse.
    const body = bytes.subarray(3);
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8-bom' };
    } catch {
      const line = lineAt(body, firstInvalidUtf8(body));
      throw new CsvFileError('CSV_FILE_INVALID_UTF8', capitalised(CSV_TEXT_SENTENCES.CSV_FILE_INVALID_UTF8({ line })), { line });
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** Windows-1252's 0x80–0x9F (€, curly quotes, Š…), where it differs from ISO-8859-1. */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Some Node builds decode the 'windows-1252' label as ISO-8859-1 (0x80 → U+0080 instead of
 * €): the C1 range is mapped again here, which is a no-op where the decoder is right.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/**
 * Parses the whole text into rows of fields (RFC 4180, as Excel writes it). A quoted field may
 * hold the separator, line breaks and doubled quotes; a quote inside an unquoted field is kept
 * as it is (Excel reads `37.8"N` so). Text after a closing quote (`"b"c`) and a quote never
 * closed are refused (CsvFileError naming line and column), not guessed into other fields.
 * Blank lines are dropped; `lines[i]` is the 1-based line where row i starts, for messages.
 */
export function parseCsv(text: string, sep: CsvSeparator = detectSeparator(text)): { rows: string[][]; lines: number[]; separator: CsvSeparator } {
  const rows: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let quoteLine = 0;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endRow = () => {
    row.push(field);
    if (!(row.length === 1 && row[0]!.trim() === '')) {
      rows.push(row);
      lines.push(rowLine);
    }
    row = [];
    field = '';
  };
  const refuse = (code: 'CSV_QUOTE_MALFORMED' | 'CSV_QUOTE_UNCLOSED', at: number): never => {
    const params = { line: at, column: row.length + 1 };
    throw new CsvFileError(code, capitalised(CSV_TEXT_SENTENCES[code](params)), params);
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        const next = text[i + 1];
        if (next !== undefined && next !== sep && next !== '\r' && next !== '\n') refuse('CSV_QUOTE_MALFORMED', line);
      } else {
        if (c === '\n') line += 1;
        field += c;
      }
      i += 1;
      continue;
    }
    if (c === '"' && field.trim() === '') {
      quoted = true;
      quoteLine = line;
      field = '';
    } else if (c === sep) {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      // handled with the \n
    } else if (c === '\n' || c === '\r') {
      endRow();
      line += 1;
      rowLine = line;
    } else {
      field += c;
    }
    i += 1;
  }
  if (quoted) refuse('CSV_QUOTE_UNCLOSED', quoteLine);
  if (field !== '' || row.length > 0) endRow();
  return { rows, lines, separator: sep };
}

/** Header names compared without case, accents, spaces or punctuation ("Quantità" = "quantita"). */
export function foldHeader(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export type CsvCell = string | number | null;

/** The UTF-8 byte order mark: Excel reads accents right only with it. */
export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * One line (without its CRLF) for Excel on Italian Windows: `;`, fields quoted when needed.
 * Text that Excel would run as a formula (=, +, -, @ first) is prefixed with an apostrophe.
 */
export function csvLine(cells: readonly CsvCell[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i]!;
    if (i > 0) line += ';';
    if (v === null) continue;
    let s = String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    line += /[";\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  }
  return line;
}

/** One CSV file for Excel on Italian Windows: UTF-8 with BOM (so accents survive), `;`, CRLF. */
export function writeCsv(header: string[], rows: CsvCell[][]): Buffer {
  const text = [header, ...rows].map(csvLine).join('\r\n') + '\r\n';
  return Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]);
}
