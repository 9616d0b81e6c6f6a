import { describe, expect, it } from 'vitest';
import {
  formatBasisPoints,
  formatBytes,
  formatCents,
  formatDecimal,
  formatEuro,
  formatHundredths,
  formatInteger,
  formatMilli,
  NBSP,
} from '../../shared/format/numbers';
import { formatMilli as canonicalMilli } from '../../shared/domain/quantity';
import { countText, pluralCategory } from '../../shared/format/plural';

describe('euros from integer cents', () => {
  it('writes negative amounts with one sign (issue 11 item 18: it was "-1,-50")', () => {
    expect(formatCents(-150)).toBe('-1,50');
    expect(formatCents(-5)).toBe('-0,05');
    expect(formatCents(-123_456_789)).toBe('-1.234.567,89');
    expect(formatCents(-150, { locale: 'en' })).toBe('-1.50');
    expect(formatEuro(-150)).toBe('-1,50 €');
    expect(formatEuro(-150, { locale: 'en' })).toBe('-€1.50');
    expect(formatCents(-150, { grouping: false })).toBe('-1,50');
  });

  it('writes zero and small amounts', () => {
    expect(formatCents(0)).toBe('0,00');
    expect(formatCents(-0)).toBe('0,00');
    expect(formatCents(7)).toBe('0,07');
    expect(formatEuro(0)).toBe('0,00 €');
    expect(formatEuro(0, { locale: 'en' })).toBe('€0.00');
  });

  it('groups large amounts in both languages, up to the largest safe integer', () => {
    expect(formatCents(123_456)).toBe('1.234,56');
    expect(formatCents(123_456, { locale: 'en' })).toBe('1,234.56');
    expect(formatCents(123_456, { grouping: false })).toBe('1234,56');
    expect(formatEuro(100_000_000)).toBe('1.000.000,00 €');
    expect(formatEuro(100_000_000, { locale: 'en' })).toBe('€1,000,000.00');
    expect(formatCents(Number.MAX_SAFE_INTEGER)).toBe('90.071.992.547.409,91');
    expect(formatCents(-Number.MAX_SAFE_INTEGER, { locale: 'en' })).toBe('-90,071,992,547,409.91');
  });

  it('keeps amount and sign together in the window, a plain space in print and CSV', () => {
    expect(formatEuro(123_450, { nbsp: true })).toBe(`1.234,50${NBSP}€`);
    expect(formatEuro(123_450)).toBe('1.234,50 €');
  });

  it('refuses what is not integer cents instead of rounding it', () => {
    for (const bad of [1.5, Number.NaN, Infinity, 2 ** 53]) expect(() => formatCents(bad)).toThrow(RangeError);
  });
});

describe('quantities in thousandths', () => {
  it('drops trailing zeros and never rounds a thousandth away', () => {
    expect(formatMilli(12_000)).toBe('12');
    expect(formatMilli(12_500)).toBe('12,5');
    expect(formatMilli(12_050)).toBe('12,05');
    expect(formatMilli(1)).toBe('0,001');
    expect(formatMilli(999)).toBe('0,999');
    expect(formatMilli(1_999)).toBe('1,999');
    expect(formatMilli(0)).toBe('0');
  });

  it('groups thousands in both languages and writes negatives with one sign', () => {
    expect(formatMilli(1_234_500)).toBe('1.234,5');
    expect(formatMilli(1_234_500, { locale: 'en' })).toBe('1,234.5');
    expect(formatMilli(1_234_500, { grouping: false })).toBe('1234,5');
    expect(formatMilli(-1_500)).toBe('-1,5');
    expect(formatMilli(-5, { locale: 'en' })).toBe('-0.005');
  });

  it('gives the API its canonical text (dot, no grouping) from the same digits', () => {
    expect(canonicalMilli(1_234_500)).toBe('1234.5');
    expect(canonicalMilli(1_234_500, ',')).toBe('1234,5');
    expect(canonicalMilli(-1_500)).toBe('-1.5'); // was "-1.-5"
  });
});

describe('counts, scores, percentages, sizes', () => {
  it('groups counts from 1.000 on (CLDR Italian would leave "1234")', () => {
    expect(formatInteger(0)).toBe('0');
    expect(formatInteger(999)).toBe('999');
    expect(formatInteger(1_234)).toBe('1.234');
    expect(formatInteger(14_950)).toBe('14.950');
    expect(formatInteger(-1_234_567)).toBe('-1.234.567');
    expect(formatInteger(1_234, 'en')).toBe('1,234');
    expect(formatInteger(2.5)).toBe('3');
    expect(formatInteger(-2.5)).toBe('-3');
    expect(formatInteger(-0.4)).toBe('0');
  });

  it('writes hundredths and basis points with two decimals', () => {
    expect(formatHundredths(735)).toBe('7,35');
    expect(formatHundredths(-5)).toBe('-0,05');
    expect(formatHundredths(735, { locale: 'en' })).toBe('7.35');
    expect(formatBasisPoints(6_665)).toBe('66,65 %');
    expect(formatBasisPoints(-1_234)).toBe('-12,34 %');
    expect(formatBasisPoints(0, { locale: 'en' })).toBe('0.00%');
    expect(formatBasisPoints(6_665, { nbsp: true })).toBe(`66,65${NBSP}%`);
    expect(formatBasisPoints(null)).toBe('—');
  });

  it('rounds measured values half away from zero', () => {
    expect(formatDecimal(12.25, 1)).toBe('12,3');
    expect(formatDecimal(-12.25, 1)).toBe('-12,3');
    expect(formatDecimal(12, 1)).toBe('12');
    expect(formatDecimal(12, 1, { minDecimals: 1 })).toBe('12,0');
    expect(formatDecimal(1_234.56, 1, { locale: 'en' })).toBe('1,234.6');
  });

  it('writes file sizes in decimal units', () => {
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(999)).toBe('999 byte');
    expect(formatBytes(12_345)).toBe('12,3 kB');
    expect(formatBytes(4_500_000)).toBe('4,5 MB');
    expect(formatBytes(1_234_000_000)).toBe('1.234,0 MB');
    expect(formatBytes(1, 'en')).toBe('1 byte');
    expect(formatBytes(999, 'en')).toBe('999 bytes');
    expect(formatBytes(12_345, 'en')).toBe('12.3 kB');
  });
});

describe('the same text as Intl where Intl is right', () => {
  // Node and Chromium both ship ICU; with grouping forced, Italian Intl agrees with the hand-made
  // text on every integer, so the window, the reports and the CLI read the same.
  const intlIt = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 0, useGrouping: 'always' });
  const intlEn = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  it('integers', () => {
    for (const n of [0, 7, 999, 1_000, 1_234, 99_999, 1_000_000, 123_456_789, -4_321, Number.MAX_SAFE_INTEGER]) {
      expect(formatInteger(n)).toBe(intlIt.format(n));
      expect(formatInteger(n, 'en')).toBe(intlEn.format(n));
    }
  });
});

describe('counted nouns outside the window', () => {
  const RIGHE = { one: 'riga', other: 'righe' };
  const DIPENDENTI = { one: 'dipendente importato', other: 'dipendenti importati' };
  const ROWS = { one: 'row', other: 'rows' };

  it('agrees with the number for 0, 1 and N, in both languages', () => {
    expect(countText(0, RIGHE)).toBe('0 righe');
    expect(countText(1, RIGHE)).toBe('1 riga');
    expect(countText(4, DIPENDENTI)).toBe('4 dipendenti importati');
    expect(countText(1, DIPENDENTI)).toBe('1 dipendente importato');
    expect(countText(12_345, RIGHE)).toBe('12.345 righe');
    expect(countText(0, ROWS, 'en')).toBe('0 rows');
    expect(countText(1, ROWS, 'en')).toBe('1 row');
    expect(countText(12_345, ROWS, 'en')).toBe('12,345 rows');
  });

  it('uses the rule i18next takes from Intl.PluralRules, so the CLI and the window agree', () => {
    for (const locale of ['it', 'en']) {
      const rules = new Intl.PluralRules(locale);
      // Italian has a third category, "many", for exact millions: written with the plural form
      // (the window copies `_other` to `_many`, renderer/src/i18n/index.ts).
      for (const n of [0, 1, 2, 3, 11, 21, 100, 1_000_000, 2_000_000, 1.5, 0.5]) {
        const category = rules.select(n);
        expect(['one', 'other', 'many'], `${locale} ${n}`).toContain(category);
        expect(pluralCategory(n), `${locale} ${n}`).toBe(category === 'one' ? 'one' : 'other');
      }
    }
  });
});
