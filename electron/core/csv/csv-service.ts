import type { ParsedInput } from '../../../shared/api/contract';
import type { CsvImportKind, CsvImportResult, CsvPreview, CsvProblem } from '../../../shared/domain/csv';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { requireMunicipality } from '../records/record-events';
import type { CsvSchema } from './csv-schema';
import { CsvFileError, decodeCsv, foldHeader, parseCsv, type CsvEncoding } from './csv-text';
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

interface Checked {
  preview: CsvPreview;
  /** Valid rows by row number. */
  valid: Map<number, unknown>;
}

function base64Bytes(contentBase64: string): Buffer {
  if (!/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/.test(contentBase64)) {
    throw new AppError('E_VALIDATION', 'Campo «contentBase64»: il contenuto del file non è leggibile; riprovare a scegliere il file.', { field: 'contentBase64' });
  }
  return Buffer.from(contentBase64, 'base64');
}

/**
 * Reads and checks every row without writing anything. Row numbers are those a spreadsheet
 * shows (the header is row 1), so the clerk can find them in Excel.
 */
function checkFile(ctx: AppContext, kind: CsvImportKind, bytes: Buffer): Checked {
  const schema = SCHEMAS[kind];
  let text: string;
  let encoding: CsvEncoding;
  try {
    ({ text, encoding } = decodeCsv(bytes));
  } catch (err) {
    if (err instanceof CsvFileError) throw new AppError('E_VALIDATION', err.message, { field: 'contentBase64' });
    throw err;
  }
  const { rows } = parseCsv(text);
  const header = rows[0];
  if (!header) throw new AppError('E_VALIDATION', 'Il file è vuoto: manca anche la riga di intestazione.', { field: 'contentBase64' });
  if (rows.length - 1 > MAX_ROWS) {
    throw new AppError('E_VALIDATION', `Il file ha più di ${MAX_ROWS} righe: dividerlo in più file.`, { field: 'contentBase64' });
  }
  const positions = new Map<string, number>();
  header.forEach((name, i) => {
    const col = schema.columns.find((c) => c.aliases.includes(foldHeader(name)));
    if (col && !positions.has(col.field)) positions.set(col.field, i);
  });
  const fileProblems: CsvProblem[] = schema.columns
    .filter((c) => c.required && !positions.has(c.field))
    .map((c) => ({ row: 1, column: c.header, message: `manca la colonna "${c.header}": aggiungerla nella prima riga (intestazione) del file.` }));
  const extra = schema.missingColumns?.(new Set(positions.keys()));
  if (extra) fileProblems.push({ row: 1, column: null, message: extra });
  const base: Omit<CsvPreview, 'rows' | 'validRows' | 'invalidRows' | 'duplicateRows' | 'problems'> = {
    kind,
    encoding,
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
  dataRows.forEach((cells, i) => {
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
        rowProblems.push({ row, column: null, message: `riga uguale alla riga ${first}: toglierla o escluderla.` });
      } else {
        seen.set(fp, row);
        const stored = schema.alreadyStored(ctx, checked.value);
        if (stored) {
          duplicates.push(row);
          rowProblems.push({ row, column: null, message: stored });
        }
      }
    }
    if (rowProblems.length > 0) {
      invalid.push(row);
      for (const p of rowProblems) if (problems.length < MAX_PROBLEMS) problems.push(p);
    } else {
      valid.set(row, checked.value);
    }
  });
  return {
    preview: { ...base, rows: dataRows.length, validRows: valid.size, invalidRows: invalid, duplicateRows: duplicates, problems },
    valid,
  };
}

export function previewCsv(ctx: AppContext, input: ParsedInput<'csv.preview'>): CsvPreview {
  requireMunicipality(ctx);
  return checkFile(ctx, input.kind, base64Bytes(input.contentBase64)).preview;
}

/**
 * Applies the file in one transaction (one event per row): only when every row is valid, or
 * when every invalid row is in `exclude` (the clerk's explicit choice). Otherwise nothing.
 */
export function importCsv(ctx: AppContext, input: ParsedInput<'csv.import'>): CsvImportResult {
  requireMunicipality(ctx);
  const { preview, valid } = checkFile(ctx, input.kind, base64Bytes(input.contentBase64));
  const excluded = new Set(input.exclude);
  const blocking = preview.invalidRows.filter((r) => !excluded.has(r));
  if (blocking.length > 0 || (preview.problems.some((p) => p.row === 1) && preview.rows > 0)) {
    const first = preview.problems.find((p) => !excluded.has(p.row) || p.row === 1);
    throw new AppError(
      'E_VALIDATION',
      `Nessuna riga importata: ${blocking.length} righe hanno problemi (la prima: riga ${first?.row}${first?.column ? `, colonna ${first.column}` : ''}: ${first?.message}). Correggerle o escluderle.`,
      { field: 'contentBase64', params: { invalidRows: blocking.length } },
    );
  }
  const rows = [...valid.entries()].filter(([row]) => !excluded.has(row)).map(([, v]) => v);
  ctx.db.transaction(() => SCHEMAS[input.kind].apply(ctx, rows))();
  return { kind: input.kind, imported: rows.length, excluded: [...excluded].sort((a, b) => a - b) };
}
