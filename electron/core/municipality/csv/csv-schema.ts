import type { z } from 'zod';
import type { CsvImportKind, CsvProblem, CsvProblemCode, CsvProblemParams } from '../../../../shared/domain/csv';
import type { AppContext } from '../../platform/context';
import { quoted } from './csv-problems';

export interface CsvColumn {
  /** The field of the API input this column feeds (for messages naming the column). */
  field: string;
  /** The header as we write it (Italian). */
  header: string;
  /** Folded names accepted in a header (see foldHeader). */
  aliases: string[];
  required: boolean;
}

export interface CheckedRow<T> {
  value?: T;
  problems: CsvProblem[];
}

/** A problem by code, before it is placed on a row. */
export interface ProblemRef {
  code: CsvProblemCode;
  params?: CsvProblemParams;
}

/** How one kind of list is read from a CSV file, checked, compared and applied. */
export interface CsvSchema<T> {
  kind: CsvImportKind;
  columns: CsvColumn[];
  /** A file-level requirement beyond the required columns (e.g. "nome or codice"). */
  missingColumns?(present: Set<string>): CsvProblemCode | null;
  check(ctx: AppContext, cells: Record<string, string>, row: number): CheckedRow<T>;
  /** Same content as a row already stored: a second import of the same file would double it. */
  alreadyStored(ctx: AppContext, value: T): ProblemRef | null;
  /** What makes two rows of the file the same. */
  fingerprint(value: T): string;
  /** Applies the rows; called inside one transaction, `onRow` after each (for progress). */
  apply(ctx: AppContext, values: T[], onRow?: (done: number) => void): void;
}

/** The column of a field, for a message. */
export function columnOf(columns: CsvColumn[], field: string | undefined): string | null {
  if (!field) return null;
  return columns.find((c) => c.field === field || field.startsWith(`${c.field}.`))?.header ?? null;
}

const NOTE_FIELDS = new Set(['note']);

/**
 * A schema's complaint about a cell, as a CSV problem code. The API schemas (shared/) say it in
 * Italian only; here each kind of complaint gets its code so that the UI can say it in English.
 * `value` is the cell as read.
 */
export function problemOfIssue(issue: z.core.$ZodIssue, value: string): ProblemRef {
  const field = issue.path.map(String).join('.');
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string') {
        return { code: NOTE_FIELDS.has(field) ? 'CSV_NOTE_TOO_LONG' : 'CSV_TEXT_TOO_LONG', params: { max: Number(issue.maximum), length: value.trim().length } };
      }
      return { code: 'CSV_COUNT_TOO_LARGE', params: { value: quoted(value, 30), max: Number(issue.maximum) } };
    case 'custom':
      // The text schemas' only refinement: no control characters (lineText, noteText).
      return { code: 'CSV_CONTROL_CHARACTERS' };
    case 'invalid_format':
      if (field === 'quantity') return { code: 'CSV_QUANTITY_TOO_PRECISE', params: { value: quoted(value, 30) } };
      if (field === 'code') return { code: 'CSV_STAFF_CODE_INVALID', params: { value: quoted(value, 30) } };
      return { code: 'CSV_VALUE_INVALID', params: { issue: issue.message } };
    default:
      return { code: 'CSV_VALUE_INVALID', params: { issue: issue.message } };
  }
}
