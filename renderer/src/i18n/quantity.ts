/**
 * Quantities and hours as typed the Italian way ("1.234,5") ↔ the API's canonical text
 * ("1234.5") and its integer thousandths. Never through floating point.
 */

/** Thousands with dots and an optional decimal comma: "1.234" is one thousand two hundred … */
const ITALIAN_GROUPED = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;

/**
 * What the clerk typed, in the API's form: "1.234,5" → "1234.5", "12,5" → "12.5", "1.234" → "1234"
 * (in Italian a dot groups thousands). Anything else is passed on trimmed, for the schema to judge.
 */
export function normaliseQuantity(text: string): string {
  const t = text.trim().replace(/\s/g, '');
  if (ITALIAN_GROUPED.test(t)) return t.replace(/\./g, '').replace(',', '.');
  return t.replace(',', '.');
}

/** True when the normalised text has a fractional part that is not zero ("12.5", not "12.0"). */
export function hasDecimals(canonical: string): boolean {
  const m = /[.,](\d+)$/.exec(canonical);
  return Boolean(m?.[1] && /[1-9]/.test(m[1]));
}

/** 1234500 (thousandths) → "1.234,5"; 12000 → "12". */
export function formatMilliItalian(milli: number): string {
  const sign = milli < 0 ? '-' : '';
  const abs = Math.abs(milli);
  const whole = String(Math.trunc(abs / 1000)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const frac = String(abs % 1000).padStart(3, '0').replace(/0+$/, '');
  return `${sign}${whole}${frac ? `,${frac}` : ''}`;
}

/** "12.5" (the API's canonical text) → "12,5" for an input box. */
export function canonicalToInput(canonical: string): string {
  return canonical.replace('.', ',');
}
