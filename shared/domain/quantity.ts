/**
 * Quantities and hours are integers in thousandths of their unit ("milli"); money is integer
 * cents. These helpers convert the API's canonical decimal text to and from them without
 * floating point; text for people (grouped, in euros) comes from shared/format/numbers.ts.
 */
import { formatMilli as formatMilliText } from '../format/numbers';

/** Canonical decimal text at the API boundary: digits, optional `.` or `,` and up to 3 decimals. */
export const DECIMAL_TEXT = /^\s*(\d{1,12})(?:[.,](\d{1,3}))?\s*$/;

/** "12,5" or "12.5" → 12500; null when the text is not such a number. */
export function parseMilli(text: string): number | null {
  const m = DECIMAL_TEXT.exec(text);
  if (!m) return null;
  const whole = Number(m[1]);
  const frac = Number(((m[2] ?? '') + '000').slice(0, 3));
  const value = whole * 1000 + frac;
  return Number.isSafeInteger(value) ? value : null;
}

/**
 * 12500 → "12.5": the API's canonical text (dot, no grouping, trailing zeros dropped); with ","
 * the same digits for an Italian CSV cell ("12,5"). Written by shared/format/numbers.ts.
 */
export function formatMilli(milli: number, decimalSeparator: '.' | ',' = '.'): string {
  return formatMilliText(milli, { locale: decimalSeparator === ',' ? 'it' : 'en', grouping: false });
}
