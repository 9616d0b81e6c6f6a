/**
 * Euros as a clerk types and reads them ("1.234,56"), to and from the API's integer cents.
 * Exact by construction: the text is split into digits, never read as a floating-point number.
 */

const ITALIAN = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/;
/** "1234.56" also occurs (copied from a spreadsheet in English): a dot followed by 1–2 digits. */
const DOT_DECIMAL = /^(\d+)\.(\d{1,2})$/;

/** "1.234,56", "1234,5", "1234", "€ 1.234,56", "1234.56" → cents; null when it is not an amount. */
export function parseEuroToCents(text: string): number | null {
  const t = text.replace(/[\s\u00a0€]/g, '');
  if (t === '') return null;
  const m = ITALIAN.exec(t) ?? DOT_DECIMAL.exec(t);
  if (!m?.[1]) return null;
  const digits = m[1].replace(/\./g, '');
  // Beyond 15 digits of euros the product below would leave the exact integers.
  if (digits.replace(/^0+/, '').length > 15) return null;
  const whole = Number(digits);
  const cents = Number(((m[2] ?? '') + '00').slice(0, 2));
  const value = whole * 100 + cents;
  return Number.isSafeInteger(value) ? value : null;
}

/** 123456 → "1.234,56" (no currency sign: for an input box). */
export function formatCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Importo non intero in centesimi: ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${whole},${String(abs % 100).padStart(2, '0')}`;
}

/** 123456 → "1.234,56 €". */
export function formatEuro(cents: number): string {
  return `${formatCents(cents)} €`;
}
