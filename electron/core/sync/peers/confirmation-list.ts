import type { ApiError } from '../../../../shared/api/errors';
import { normalizeFingerprint } from '../../../../shared/domain/fingerprint';
import { CSV_FILE_ERROR_KEYS, CsvFileError, decodeCsv, foldHeader, parseCsv, type CsvSeparator } from '../../format/csv/csv-text';
import { appError } from '../../platform/errors';

/**
 * The list of fingerprints that reached the office by a trusted channel (a signed letter, the
 * region's PEC): CSV with the ISTAT code and the fingerprint, as Excel on Italian Windows saves it
 * (`;`, BOM or Windows-1252) or as another program writes it (`,`). Pure: no database.
 *
 * Decisions:
 * - A header row is optional: the first row is a header unless its code cell is a code. Columns
 *   are found by the header's names (`Codice ISTAT`, `istat`; `Impronta`, `fingerprint`), so a
 *   list with the town's name beside them works too; without a header, the first two columns.
 * - A code of 4 or 5 digits is a 6-digit code whose leading zeros Excel dropped (001001 is shown
 *   as 1001 once the column is taken for a number): it is padded back. Nothing is confirmed on
 *   the code alone, so this cannot confirm a wrong member.
 * - The fingerprint is compared as the single confirmation compares it (spaces and dashes do not
 *   count); one of other than 30 digits is malformed, e.g. Excel's 1,23457E+29.
 */
export interface ListRow {
  line: number;
  /** The code as written, trimmed (shown when it is not a code). */
  written: string;
  /** Six digits, or null when the row is malformed. */
  istat: string | null;
  fingerprint: string;
  problem: ApiError | null;
}

const CODE_NAMES = new Set(['istat', 'codiceistat', 'codice', 'codicecomune', 'istatcode', 'code', 'codiceistatcomune']);
const FINGERPRINT_NAMES = new Set(['impronta', 'fingerprint', 'improntadigitale', 'impronte']);
const CODE = /^\d{4,6}$/;

/** The list's text split into rows: a file that is not CSV text is refused as a whole. */
function csvRows(bytes: Buffer): { rows: string[][]; lines: number[] } {
  try {
    const { text } = decodeCsv(bytes);
    return parseCsv(text, separatorOf(text));
  } catch (e) {
    if (e instanceof CsvFileError) throw appError(CSV_FILE_ERROR_KEYS[e.code], e.params as never, { params: { ...e.params, csvProblem: e.code } });
    throw e;
  }
}

/**
 * Neither a code nor a fingerprint holds `;`, a tab or `,` (spaces and dashes only), so the first
 * line tells: `;` first (Italian Excel, where «1,23E+29» has a comma), then a tab, else `,` —
 * also when a space follows it («041067, 52680 …»), which a general CSV would read as prose.
 */
function separatorOf(text: string): CsvSeparator {
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  return firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
}

function columnsOf(header: readonly string[]): { code: number; fingerprint: number } {
  const names = header.map(foldHeader);
  const code = names.findIndex((n) => CODE_NAMES.has(n));
  const fp = names.findIndex((n) => FINGERPRINT_NAMES.has(n));
  return code >= 0 && fp >= 0 && code !== fp ? { code, fingerprint: fp } : { code: 0, fingerprint: 1 };
}

export function readConfirmationList(bytes: Buffer): ListRow[] {
  const { rows, lines } = csvRows(bytes);
  const first = rows[0];
  const hasHeader = first !== undefined && !CODE.test((first[0] ?? '').trim());
  const columns = hasHeader && first ? columnsOf(first) : { code: 0, fingerprint: 1 };
  const out: ListRow[] = [];
  rows.forEach((cells, i) => {
    if (i === 0 && hasHeader) return;
    const line = lines[i] ?? i + 1;
    const written = (cells[columns.code] ?? '').trim();
    const typed = cells[columns.fingerprint] ?? '';
    const fingerprint = normalizeFingerprint(typed);
    const istat = CODE.test(written) ? written.padStart(6, '0') : null;
    const problem = (p: ApiError | null) => out.push({ line, written, istat, fingerprint, problem: p });
    if (written === '' || fingerprint === '') problem(appError('identityBulk.rowMalformed').toValue());
    else if (!istat) problem(appError('identityBulk.codeMalformed', { code: written }).toValue());
    else if (!/^\d{30}$/.test(fingerprint)) problem(appError('identityBulk.fingerprintMalformed', { digits: fingerprint.replace(/\D/g, '').length }).toValue());
    else problem(null);
  });
  return out;
}
