import type { ParsedInput } from '../../../../shared/api/contract';
import type { CsvImportKind, CsvImportResult, CsvPreview, CsvProblem } from '../../../../shared/domain/csv';
import type { AppContext } from '../../platform/context';
import { requireMunicipality } from '../../sync/records/record-events';
import { csvFileRefusal, csvProblem } from './csv-problems';
import type { CsvSchema } from './csv-schema';
import { CsvFileError, decodeCsv, foldHeader, parseCsv, type CsvEncoding } from '../../format/csv/csv-text';
import { staffCsv } from './staff-csv';
import { usageCsv } from './usage-csv';

const SCHEMAS: Record<CsvImportKind, CsvSchema<unknown>> = {
  usage: usageCsv as CsvSchema<unknown>,
  staff: staffCsv as CsvSchema<unknown>,
};

/** 100,000 rows per file: a decade of a town hall's entries; more is surely the wrong file. */
const MAX_ROWS = 100_000;
/** The preview lists at most this many problems (the counts cover all rows). */
const MAX_PROBLEMS = 1000;

/**
 * Progress (`task.progress`) of the two long steps: checking the rows (csv.preview and
 * csv.import) and recording them (csv.import). Rows are checked in slices, handing the event
 * loop back between slices so that the progress reaches the window while the check goes on
 * (reads only: no transaction is open). Recording is one transaction, so it cannot yield: its
 * events are sent as they happen, and a transport that waits for the next turn of the event
 * loop delivers them together at the end.
 */
export const CSV_CHECK_TASK = 'csv.check';
export const CSV_IMPORT_TASK = 'csv.import';
const CHECK_SLICE = 2000;
const PROGRESS_STEPS = 50;

/** Lets the event loop run (transports flush the progress sent so far); never inside a transaction. */
const handBack = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Checked {
  preview: CsvPreview;
  /** Valid rows by row number. */
  valid: Map<number, unknown>;
}

function base64Bytes(contentBase64: string): Buffer {
  if (!/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/.test(contentBase64)) throw csvFileRefusal('CSV_FILE_UNREADABLE');
  return Buffer.from(contentBase64, 'base64');
}

/**
 * Reads and checks every row without writing anything. Row numbers are those a spreadsheet
 * shows (the header is row 1), so the clerk can find them in Excel.
 */
async function checkFile(ctx: AppContext, kind: CsvImportKind, bytes: Buffer): Promise<Checked> {
  const schema = SCHEMAS[kind];
  let text: string;
  let encoding: CsvEncoding;
  let parsed: ReturnType<typeof parseCsv>;
  try {
    ({ text, encoding } = decodeCsv(bytes));
    parsed = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvFileError) throw csvFileRefusal(err.code, err.params);
    throw err;
  }
  const { rows, separator } = parsed;
  const header = rows[0];
  if (!header) throw csvFileRefusal('CSV_FILE_EMPTY');
  if (rows.length - 1 > MAX_ROWS) throw csvFileRefusal('CSV_FILE_TOO_MANY_ROWS', { max: MAX_ROWS });
  const positions = new Map<string, number>();
  header.forEach((name, i) => {
    const col = schema.columns.find((c) => c.aliases.includes(foldHeader(name)));
    if (col && !positions.has(col.field)) positions.set(col.field, i);
  });
  const fileProblems: CsvProblem[] = schema.columns
    .filter((c) => c.required && !positions.has(c.field))
    .map((c) => csvProblem(1, c.header, 'CSV_COLUMN_MISSING', { column: c.header }));
  const extra = schema.missingColumns?.(new Set(positions.keys()));
  if (extra) fileProblems.push(csvProblem(1, null, extra));
  const base: Omit<CsvPreview, 'rows' | 'validRows' | 'invalidRows' | 'duplicateRows' | 'problems'> = {
    kind,
    encoding,
    separator,
    columns: header.map((h) => h.trim()),
    sample: rows.slice(1, 6),
  };
  const dataRows = rows.slice(1);
  if (fileProblems.length > 0) {
    const all = dataRows.map((_, i) => i + 2);
    return { preview: { ...base, rows: dataRows.length, validRows: 0, invalidRows: all, duplicateRows: [], problems: fileProblems }, valid: new Map() };
  }
  const problems: CsvProblem[] = [];
  const invalid: number[] = [];
  const duplicates: number[] = [];
  const valid = new Map<number, unknown>();
  const seen = new Map<string, number>();
  const progress = (done: number) => ctx.emit('task.progress', { taskId: CSV_CHECK_TASK, label: 'Controllo delle righe', done, total: dataRows.length });
  progress(0);
  for (let i = 0; i < dataRows.length; i++) {
    if (i > 0 && i % CHECK_SLICE === 0) {
      progress(i);
      await handBack();
    }
    const cells = dataRows[i]!;
    const row = i + 2;
    const byField: Record<string, string> = {};
    for (const [field, at] of positions) byField[field] = cells[at] ?? '';
    const checked = schema.check(ctx, byField, row);
    const rowProblems = [...checked.problems];
    if (checked.value !== undefined) {
      const fp = schema.fingerprint(checked.value);
      const first = seen.get(fp);
      if (first !== undefined) {
        duplicates.push(row);
        rowProblems.push(csvProblem(row, null, 'CSV_ROW_REPEATED', { firstRow: first }));
      } else {
        seen.set(fp, row);
        const stored = schema.alreadyStored(ctx, checked.value);
        if (stored) {
          duplicates.push(row);
          rowProblems.push(csvProblem(row, null, stored.code, stored.params));
        }
      }
    }
    if (rowProblems.length > 0) {
      invalid.push(row);
      for (const p of rowProblems) if (problems.length < MAX_PROBLEMS) problems.push(p);
    } else {
      valid.set(row, checked.value);
    }
  }
  progress(dataRows.length);
  await handBack();
  return {
    preview: { ...base, rows: dataRows.length, validRows: valid.size, invalidRows: invalid, duplicateRows: duplicates, problems },
    valid,
  };
}

export async function previewCsv(ctx: AppContext, input: ParsedInput<'csv.preview'>): Promise<CsvPreview> {
  requireMunicipality(ctx);
  return (await checkFile(ctx, input.kind, base64Bytes(input.contentBase64))).preview;
}

/**
 * Applies the file in one transaction (one event per row): only when every row is valid, or
 * when every invalid row is in `exclude` (the clerk's explicit choice). Otherwise nothing.
 */
export async function importCsv(ctx: AppContext, input: ParsedInput<'csv.import'>): Promise<CsvImportResult> {
  requireMunicipality(ctx);
  const { preview, valid } = await checkFile(ctx, input.kind, base64Bytes(input.contentBase64));
  const excluded = new Set(input.exclude);
  const blocking = preview.invalidRows.filter((r) => !excluded.has(r));
  if (blocking.length > 0 || (preview.problems.some((p) => p.row === 1) && preview.rows > 0)) {
    const first = preview.problems.find((p) => !excluded.has(p.row) || p.row === 1);
    throw csvFileRefusal('CSV_IMPORT_BLOCKED', { invalidRows: Math.max(1, blocking.length), firstRow: first?.row ?? 1 });
  }
  const numbered = [...valid.entries()].filter(([row]) => !excluded.has(row));
  const rows = numbered.map(([, v]) => v);
  const total = rows.length;
  const every = Math.max(1, Math.ceil(total / PROGRESS_STEPS));
  const progress = (done: number) => ctx.emit('task.progress', { taskId: CSV_IMPORT_TASK, label: 'Registrazione delle righe', done, total });
  progress(0);
  // Handed back once more before the transaction, so that the window learns that recording
  // has started (its own events may only arrive when it is over: see the note above).
  await handBack();
  // Re-checked inside: usage entries go through the same rules as a typed one (usageData).
  ctx.db.transaction(() => {
    refuseRecordedMeanwhile(ctx, SCHEMAS[input.kind], numbered);
    SCHEMAS[input.kind].apply(ctx, rows, (done) => done % every === 0 && done < total && progress(done));
  })();
  progress(total);
  return { kind: input.kind, imported: rows.length, excluded: [...excluded].sort((a, b) => a - b) };
}

/**
 * The "already recorded" check of the preview ran outside any transaction, with turns of the
 * event loop after it: the same file imported twice at once (two clicks, two windows) passed it
 * twice. Asked again inside the write transaction, where nothing can change under it, a row
 * recorded meanwhile refuses the whole file, as the preview would now.
 */
function refuseRecordedMeanwhile(ctx: AppContext, schema: CsvSchema<unknown>, numbered: [number, unknown][]): void {
  const hits = numbered.filter(([, value]) => schema.alreadyStored(ctx, value) !== null).map(([row]) => row);
  if (hits.length > 0) throw csvFileRefusal('CSV_IMPORT_BLOCKED', { invalidRows: hits.length, firstRow: hits[0]! });
}
