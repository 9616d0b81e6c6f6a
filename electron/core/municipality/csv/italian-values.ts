import type { CsvProblemCode, CsvProblemParams } from '../../../../shared/domain/csv';
import { isRealIsoDate } from '../../../../shared/records/common';
import { csvProblemText, quoted } from './csv-problems';

/**
 * Values as Excel writes them on Italian Windows. Each parser returns the canonical form the
 * API takes, or the problem's code (with its params and Italian sentence).
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; code: CsvProblemCode; params: CsvProblemParams; message: string };

const fail = (code: CsvProblemCode, params: CsvProblemParams = {}): { ok: false; code: CsvProblemCode; params: CsvProblemParams; message: string } => ({
  ok: false,
  code,
  params,
  message: csvProblemText(code, params),
});

/** "31/12/2026", "1/2/2026" or "2026-12-31" → "2026-12-31"; "12/2026" too when a month is allowed. */
export function parseItalianDate(text: string, allowMonth = false): Parsed<string> {
  const t = text.trim();
  let y: string, m: string, d: string;
  const it = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const month = /^(\d{1,2})\/(\d{4})$/.exec(t);
  if (it) [d, m, y] = [it[1]!, it[2]!, it[3]!];
  else if (iso) [y, m, d] = [iso[1]!, iso[2]!, iso[3]!];
  else if (allowMonth && month) [d, m, y] = ['1', month[1]!, month[2]!];
  else return fail('CSV_DATE_INVALID', { value: quoted(t, 30) });
  const value = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  if (!isRealIsoDate(value)) return fail('CSV_DATE_IMPOSSIBLE', { value: t });
  return { ok: true, value };
}

/**
 * "1.234,5" / "1234,5" / "12" → "1234.5"; with no comma, "1.234" is read as thousands
 * (1234), "12.5" as a decimal point. Negative and non-numeric values are refused.
 */
export function parseItalianDecimal(text: string): Parsed<string> {
  const t = text.trim().replace(/\s/g, '');
  if (t === '') return fail('CSV_QUANTITY_MISSING');
  if (/^-/.test(t)) return fail('CSV_QUANTITY_NEGATIVE', { value: quoted(t, 30) });
  let m = /^(\d{1,3}(?:\.\d{3})+|\d+),(\d+)$/.exec(t);
  if (m) return { ok: true, value: `${m[1]!.replace(/\./g, '')}.${m[2]}` };
  m = /^(\d{1,3}(?:\.\d{3})+)$/.exec(t);
  if (m) return { ok: true, value: m[1]!.replace(/\./g, '') };
  if (/^\d+(\.\d+)?$/.test(t)) return { ok: true, value: t };
  return fail('CSV_QUANTITY_NOT_NUMBER', { value: quoted(t, 30) });
}

/** "" → null; "12" → 12; anything else → a problem. */
export function parseOptionalCount(text: string): Parsed<number | null> {
  const t = text.trim().replace(/\./g, '');
  if (t === '') return { ok: true, value: null };
  if (!/^\d{1,9}$/.test(t)) return fail('CSV_COUNT_INVALID', { value: quoted(text, 30) });
  return { ok: true, value: Number(t) };
}

export function formatItalianDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** Canonical "12.5" → "12,5". */
export const italianDecimal = (canonical: string) => canonical.replace('.', ',');
