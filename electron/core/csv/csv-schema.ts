import type { CsvImportKind, CsvProblem } from '../../../shared/domain/csv';
import type { AppContext } from '../context';

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

/** How one kind of list is read from a CSV file, checked, compared and applied. */
export interface CsvSchema<T> {
  kind: CsvImportKind;
  columns: CsvColumn[];
  /** A file-level requirement beyond the required columns (e.g. "nome or codice"). */
  missingColumns?(present: Set<string>): string | null;
  check(ctx: AppContext, cells: Record<string, string>, row: number): CheckedRow<T>;
  /** Same content as a row already stored: a second import of the same file would double it. */
  alreadyStored(ctx: AppContext, value: T): string | null;
  /** What makes two rows of the file the same. */
  fingerprint(value: T): string;
  /** Applies the rows; called inside one transaction. */
  apply(ctx: AppContext, values: T[]): void;
}

/** The column of a field, for a message. */
export function columnOf(columns: CsvColumn[], field: string | undefined): string | null {
  if (!field) return null;
  return columns.find((c) => c.field === field || field.startsWith(`${c.field}.`))?.header ?? null;
}
