/**
 * The one place where numbers become text for people: counts, euros, quantities, percentages and
 * sizes, in Italian ("1.234,56 €") or English ("€1,234.56").
 *
 * Formatted by hand from integers, never through `Intl.NumberFormat`: its output follows the ICU
 * data of whichever engine runs it (CLDR's Italian leaves 4-digit numbers ungrouped, "1234",
 * unless `useGrouping: 'always'`; the currency sign comes after a U+00A0 that CSV cells and the
 * CLI do not want), and the printed reports, the CSV files and the CLI must read the same as the
 * window. Node 20 (ICU 78) and Chromium 156 agree today; an Electron built on other data need not. Money is integer cents, quantities integer thousandths, shares
 * integer hundredths (basis points): the text is cut from their digits, so no float ever rounds
 * a cent away.
 */

/** The app's two languages (same values as `Locale` in shared/domain/ids). */
export type NumberLocale = 'it' | 'en';

interface Separators {
  group: string;
  decimal: string;
}

const SEPARATORS: Record<NumberLocale, Separators> = {
  it: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/** Options shared by the decimal formatters. */
export interface NumberOptions {
  /** Default Italian: the app formats numbers the Italian way in both of its languages (docs/design.md). */
  locale?: NumberLocale;
  /**
   * Thousands separators (default true). Off for CSV cells, which Excel reads as numbers only
   * without them, and for the API's canonical text.
   */
  grouping?: boolean;
}

/** A no-break space: keeps "1.234,56" and "€" (or "45,23" and "%") on the same line in the window. */
export const NBSP = '\u00a0';

/** "1234567" → "1.234.567" (digits only, no sign). */
function groupDigits(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

function requireSafeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} non intero: ${value}`);
}

/**
 * `value` counted in units of 10^-scale → text with exactly `scale` decimals ("-1.234,05" for
 * -123405 at scale 2), or with the trailing zeros dropped when `trim` (scale 3: "12,5", "12").
 * The sign is taken off first: `%` and `Math.trunc` on a negative number would put it twice
 * ("-1,-50").
 */
export function formatScaled(value: number, scale: number, options: NumberOptions & { trim?: boolean } = {}): string {
  requireSafeInteger(value, 'Numero');
  const { group, decimal } = SEPARATORS[options.locale ?? 'it'];
  const sign = value < 0 ? '-' : '';
  const digits = String(Math.abs(value)).padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  let fraction = digits.slice(digits.length - scale);
  if (options.trim) fraction = fraction.replace(/0+$/, '');
  const wholeText = options.grouping === false ? whole : groupDigits(whole, group);
  return `${sign}${wholeText}${fraction ? `${decimal}${fraction}` : ''}`;
}

/**
 * A count: 14950 → "14.950" ("14,950" in English). A non-integer is rounded half away from zero
 * (a count is never shown with decimals); NaN and infinities come back as they are.
 */
export function formatInteger(value: number, locale: NumberLocale = 'it'): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Math.sign(value) * Math.round(Math.abs(value));
  return formatScaled(rounded === 0 ? 0 : rounded, 0, { locale });
}

/** Integer cents → "1.234,56" (no currency sign: an input box, a CSV cell with `grouping: false`). */
export function formatCents(cents: number, options: NumberOptions = {}): string {
  requireSafeInteger(cents, 'Importo in centesimi');
  return formatScaled(cents, 2, options);
}

/**
 * Integer cents → "1.234,56 €" in Italian (sign after the amount, as Italian administrative
 * writing does), "€1,234.56" in English. `nbsp` joins amount and sign with a no-break space (the
 * window); printed reports, CSV and the CLI keep a plain space.
 */
export function formatEuro(cents: number, options: { locale?: NumberLocale; nbsp?: boolean } = {}): string {
  const locale = options.locale ?? 'it';
  if (locale === 'en') {
    const amount = formatCents(Math.abs(cents), { locale });
    return `${cents < 0 ? '-' : ''}€${amount}`;
  }
  return `${formatCents(cents, { locale })}${options.nbsp ? NBSP : ' '}€`;
}

/** Thousandths of a unit (quantities, hours) → "1.234,5", "12", "0,005": at most three decimals, no trailing zeros. */
export function formatMilli(milli: number, options: NumberOptions = {}): string {
  requireSafeInteger(milli, 'Quantità in millesimi');
  return formatScaled(milli, 3, { ...options, trim: true });
}

/** Hundredths (a weighted score, a basis point) → "7,35": always two decimals. */
export function formatHundredths(hundredths: number, options: NumberOptions = {}): string {
  return formatScaled(hundredths, 2, options);
}

/**
 * Basis points (hundredths of a percent) → "45,23 %" in Italian (a space before the sign, as the
 * reports have always printed), "45.23%" in English; null (nothing to compare) → "—".
 */
export function formatBasisPoints(basisPoints: number | null, options: { locale?: NumberLocale; nbsp?: boolean } = {}): string {
  if (basisPoints === null) return '—';
  const locale = options.locale ?? 'it';
  const number = formatHundredths(basisPoints, { locale });
  if (locale === 'en') return `${number}%`;
  return `${number}${options.nbsp ? NBSP : ' '}%`;
}

/**
 * A measured value that is not an integer (a file size in MB) → text with `decimals` decimals,
 * rounded half away from zero; `minDecimals` keeps zeros ("4,0") when set to `decimals`.
 */
export function formatDecimal(value: number, decimals: number, options: NumberOptions & { minDecimals?: number } = {}): string {
  if (!Number.isFinite(value)) return String(value);
  const factor = 10 ** decimals;
  const scaled = Math.sign(value) * Math.round(Math.abs(value) * factor);
  const text = formatScaled(scaled === 0 ? 0 : scaled, decimals, { ...options, trim: true });
  const min = options.minDecimals ?? 0;
  if (min === 0) return text;
  const { decimal } = SEPARATORS[options.locale ?? 'it'];
  const [whole, fraction = ''] = text.split(decimal);
  return `${whole}${decimal}${fraction.padEnd(min, '0')}`;
}

/**
 * A file size in decimal units, as Windows shows them: "1.234 byte", "12,3 kB", "4,5 MB"
 * (English: "1,234 bytes", "12.3 kB").
 */
export function formatBytes(bytes: number, locale: NumberLocale = 'it'): string {
  if (bytes < 1000) return `${formatInteger(bytes, locale)} ${locale === 'en' && bytes !== 1 ? 'bytes' : 'byte'}`;
  if (bytes < 1_000_000) return `${formatDecimal(bytes / 1000, 1, { locale, minDecimals: 1 })} kB`;
  return `${formatDecimal(bytes / 1_000_000, 1, { locale, minDecimals: 1 })} MB`;
}
