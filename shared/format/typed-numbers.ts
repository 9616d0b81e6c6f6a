/**
 * Numbers as a clerk types them the Italian way ("1.234,56", "€ 1.234,56", "12,5") → the API's
 * integers (cents, thousandths) or its canonical text ("1234.5"). The reverse of ./numbers.ts.
 * Exact by construction: the text is split into digits, never read as a floating-point number.
 * (The API's own canonical text, "12.5", is read by parseMilli in shared/domain/quantity.ts.)
 */

/** "1.234" or "1234" before an optional decimal comma: in Italian a dot groups thousands. */
const ITALIAN_WHOLE = String.raw`(\d{1,3}(?:\.\d{3})+|\d+)`;
const ITALIAN_CENTS = new RegExp(`^${ITALIAN_WHOLE}(?:,(\\d{1,2}))?$`);
const ITALIAN_MILLI = new RegExp(`^${ITALIAN_WHOLE}(?:,(\\d{1,3}))?$`);
/** "1234.56" also occurs (copied from a spreadsheet in English): a dot followed by 1–2 digits. */
const DOT_DECIMAL = /^(\d+)\.(\d{1,2})$/;
const ITALIAN_GROUPED = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;

/** Whole part and up to `scale` decimal digits → the integer count of 10^-scale units, or null beyond safe integers. */
function scaled(whole: string, fraction: string | undefined, scale: number): number | null {
  const digits = whole.replace(/\./g, '');
  // Beyond 15 significant digits the product below would leave the exact integers.
  if (digits.replace(/^0+/, '').length > 15) return null;
  const value = Number(digits) * 10 ** scale + Number(((fraction ?? '') + '0'.repeat(scale)).slice(0, scale));
  return Number.isSafeInteger(value) ? value : null;
}

/** "1.234,56", "1234,5", "1234", "€ 1.234,56", "1234.56" → cents; null when it is not an amount. */
export function parseEuroToCents(text: string): number | null {
  const t = text.replace(/[\s\u00a0\u202f€]/g, '');
  const m = ITALIAN_CENTS.exec(t) ?? DOT_DECIMAL.exec(t);
  return m?.[1] ? scaled(m[1], m[2], 2) : null;
}

/** "1.234,5" → 1234500 thousandths, "12" → 12000; null when it is not such a quantity. */
export function parseItalianMilli(text: string): number | null {
  const m = ITALIAN_MILLI.exec(text.replace(/[\s\u00a0\u202f]/g, ''));
  return m?.[1] ? scaled(m[1], m[2], 3) : null;
}

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

/** "12.5" (the API's canonical text) → "12,5" for an input box. */
export function canonicalToInput(canonical: string): string {
  return canonical.replace('.', ',');
}
