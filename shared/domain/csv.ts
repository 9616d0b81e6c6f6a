import { z } from 'zod';
import { localPath } from './local-path';
import { UsageListInput } from './usage';

/** 20 MB of CSV is far beyond a year of a town hall's usage; larger files are refused. */
export const CSV_MAX_BYTES = 20 * 1024 * 1024;
const Base64Csv = z.string().max(Math.ceil(CSV_MAX_BYTES / 3) * 4 + 4, { message: 'Il file supera 20 MB: dividerlo in più file.' });

export const CsvImportKind = z.enum(['usage', 'staff']);
export type CsvImportKind = z.infer<typeof CsvImportKind>;

export const CsvPreviewInput = z.object({ kind: CsvImportKind, contentBase64: Base64Csv }).strict();
export const CsvImportInput = z
  .object({
    kind: CsvImportKind,
    contentBase64: Base64Csv,
    /** Row numbers (as the preview numbers them) the clerk chose to leave out. */
    exclude: z.array(z.number().int().min(1)).max(1_000_000).default([]),
  })
  .strict();

export const CsvExportList = z.enum(['usage', 'staff', 'courses', 'participations', 'groups', 'meetings', 'proposals']);
export const CsvExportInput = z
  .object({ list: CsvExportList, usageFilters: UsageListInput.omit({ limit: true, cursor: true }).optional() })
  .strict();
/** The same list streamed to a file on this computer: `out` is its full path (CLI only). */
export const CsvExportFileInput = CsvExportInput.extend({ out: localPath() }).strict();

/**
 * Every problem the CSV reader can name, one stable code each: the UI shows it from its
 * catalogue (`csvProblems.<code>` in Italian and English, with `params`), the CLI prints the
 * backend's Italian `message`. A test checks that both catalogues have every code listed here.
 */
export const CSV_PROBLEM_CODES = [
  // The file as a whole: csv.preview / csv.import refuse it (E_VALIDATION, `params.csvProblem`).
  'CSV_FILE_UNREADABLE',
  'CSV_FILE_UTF16',
  'CSV_FILE_XLSX',
  'CSV_FILE_BINARY',
  // The text itself: the sentence names the line (and the column) of the file.
  'CSV_FILE_INVALID_UTF8',
  'CSV_QUOTE_MALFORMED',
  'CSV_QUOTE_UNCLOSED',
  'CSV_FILE_EMPTY',
  'CSV_FILE_TOO_MANY_ROWS',
  'CSV_IMPORT_BLOCKED',
  // An export too long for a download (csv.export): csv.exportFile writes any length.
  'CSV_EXPORT_TOO_LARGE',
  // The header (row 1).
  'CSV_COLUMN_MISSING',
  'CSV_COLUMN_NAME_OR_CODE_MISSING',
  // A row as a whole.
  'CSV_ROW_REPEATED',
  'CSV_USAGE_ALREADY_STORED',
  'CSV_STAFF_CODE_STORED',
  'CSV_STAFF_NAME_STORED',
  'CSV_STAFF_NO_NAME_OR_CODE',
  // A cell.
  'CSV_SERVICE_UNKNOWN',
  'CSV_PERIOD_INVALID',
  'CSV_DATE_INVALID',
  'CSV_DATE_IMPOSSIBLE',
  'CSV_DATE_TOO_OLD',
  'CSV_DATE_FUTURE',
  'CSV_QUANTITY_MISSING',
  'CSV_QUANTITY_NEGATIVE',
  'CSV_QUANTITY_NOT_NUMBER',
  'CSV_QUANTITY_ZERO',
  'CSV_QUANTITY_DECIMALS',
  'CSV_QUANTITY_TOO_PRECISE',
  'CSV_COUNT_INVALID',
  'CSV_COUNT_TOO_LARGE',
  'CSV_CHANNEL_INVALID',
  'CSV_ACTIVE_INVALID',
  'CSV_STAFF_CODE_INVALID',
  'CSV_TEXT_TOO_LONG',
  'CSV_NOTE_TOO_LONG',
  'CSV_CONTROL_CHARACTERS',
  'CSV_VALUE_INVALID',
] as const;
export type CsvProblemCode = (typeof CSV_PROBLEM_CODES)[number];
export type CsvProblemParams = Record<string, string | number>;

export interface CsvProblem {
  /** Row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  /** The column's header, or null for a problem of the whole row or file. */
  column: string | null;
  /** What is wrong, as a stable code the UI translates (with `params`). */
  code: CsvProblemCode;
  /** The values the sentence names (the cell as read, a maximum, the first equal row…). */
  params: CsvProblemParams;
  /** The sentence's key in the error catalogue (shared/errors/csv-messages.ts): the CLI writes it in `--lang`. */
  key?: string;
  /** What is wrong and what to do, in Italian. */
  message: string;
}

export interface CsvPreview {
  kind: CsvImportKind;
  encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252';
  /** The separator the file was read with (detected: `;` for Italian Excel, `,` or tab). */
  separator: ';' | ',' | '\t';
  columns: string[];
  /** Data rows (without the header). */
  rows: number;
  validRows: number;
  /** Row numbers with at least one problem. */
  invalidRows: number[];
  /** Row numbers that repeat an earlier row of the file. */
  duplicateRows: number[];
  problems: CsvProblem[];
  /** The first rows as read, for the clerk to check the columns. */
  sample: string[][];
}

export interface CsvImportResult {
  kind: CsvImportKind;
  imported: number;
  excluded: number[];
}

export interface CsvFile {
  fileName: string;
  contentBase64: string;
  rows: number;
}

/** What csv.exportFile wrote. */
export interface CsvFileWritten {
  path: string;
  rows: number;
  bytes: number;
}
