/**
 * Quantities and hours are integers in thousandths of their unit ("milli"); money is integer
 * cents. These helpers convert typed decimal text to and from them without floating point.
 */

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

/** 12500 → "12.5" (canonical, dot) or "12,5" (Italian, comma). Trailing zeros dropped. */
export function formatMilli(milli: number, decimalSeparator: '.' | ',' = '.'): string {
  const whole = Math.trunc(milli / 1000);
  const frac = String(milli % 1000).padStart(3, '0').replace(/0+$/, '');
  return frac ? `${whole}${decimalSeparator}${frac}` : String(whole);
}

/** "1.234,56" / "1234,56" / "1234.56" / "1234" → cents; null when not an amount. */
export function parseCents(text: string): number | null {
  const t = text.trim().replace(/\s|€/g, '');
  const it = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(t);
  const dot = /^(\d+)\.(\d{1,2})$/.exec(t);
  const m = it ?? dot;
  if (!m) return null;
  const whole = Number(m[1]!.replace(/\./g, ''));
  const cents = Number(((m[2] ?? '') + '00').slice(0, 2));
  const value = whole * 100 + cents;
  return Number.isSafeInteger(value) ? value : null;
}

export function formatCents(cents: number, decimalSeparator: '.' | ',' = ','): string {
  return `${Math.trunc(cents / 100)}${decimalSeparator}${String(cents % 100).padStart(2, '0')}`;
}
