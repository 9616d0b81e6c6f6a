import { z } from 'zod';
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

export interface CsvProblem {
  /** Row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  /** The column's header, or null for a problem of the whole row or file. */
  column: string | null;
  /** What is wrong and what to do, in Italian. */
  message: string;
}

export interface CsvPreview {
  kind: CsvImportKind;
  encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252';
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
