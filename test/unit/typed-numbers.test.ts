import { describe, expect, it } from 'vitest';
import { formatCents, formatEuro, formatMilli } from '../../shared/format/numbers';
import { hasDecimals, normaliseQuantity, parseEuroToCents, parseItalianMilli } from '../../shared/format/typed-numbers';

describe('euros typed the Italian way ↔ integer cents, exactly', () => {
  it('parses what a clerk types', () => {
    expect(parseEuroToCents('1.234,56')).toBe(123456);
    expect(parseEuroToCents('1234,56')).toBe(123456);
    expect(parseEuroToCents('1234,5')).toBe(123450);
    expect(parseEuroToCents('1234')).toBe(123400);
    expect(parseEuroToCents('€ 1.234.567,89')).toBe(123456789);
    expect(parseEuroToCents(' 0,01 ')).toBe(1);
    expect(parseEuroToCents('1234.56')).toBe(123456); // pasted from a spreadsheet in English
  });

  it('never goes through floating point', () => {
    // 0.1 + 0.2 style traps: 1.005 € and 4.35 € become exact cents
    expect(parseEuroToCents('1,005')).toBeNull(); // three decimals are not cents
    expect(parseEuroToCents('4,35')).toBe(435);
    expect(parseEuroToCents('19.999.999,99')).toBe(1999999999);
    expect(parseEuroToCents('90.071.992.547.410,00')).toBeNull(); // beyond safe integers
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '-5', '12,345', '1.23.4', '1,2,3', '12.3.45,6', '1e3', '0x10']) expect(parseEuroToCents(bad)).toBeNull();
  });

  it('formats cents for an input box and for reading', () => {
    expect(formatCents(123456)).toBe('1.234,56');
    expect(formatCents(5)).toBe('0,05');
    expect(formatCents(100000000)).toBe('1.000.000,00');
    expect(formatEuro(123450)).toBe('1.234,50 €');
    expect(() => formatCents(1.5)).toThrow();
    for (const c of [0, 1, 99, 100, 123456, 987654321]) expect(parseEuroToCents(formatCents(c))).toBe(c);
  });
});

describe('quantities typed the Italian way', () => {
  it('normalises thousands and the decimal comma', () => {
    expect(normaliseQuantity('1.234')).toBe('1234');
    expect(normaliseQuantity('1.234,5')).toBe('1234.5');
    expect(normaliseQuantity('12,5')).toBe('12.5');
    expect(normaliseQuantity(' 40 ')).toBe('40');
    expect(normaliseQuantity('12.5')).toBe('12.5');
  });

  it('knows when a number has decimals', () => {
    expect(hasDecimals('12.5')).toBe(true);
    expect(hasDecimals('12.0')).toBe(false);
    expect(hasDecimals('12')).toBe(false);
  });

  it('formats thousandths with grouping and a comma', () => {
    expect(formatMilli(1234500)).toBe('1.234,5');
    expect(formatMilli(12000)).toBe('12');
    expect(formatMilli(5)).toBe('0,005');
  });
});

describe('quantities typed the Italian way → thousandths, exactly', () => {
  it('reads grouped thousands and up to three decimals', () => {
    expect(parseItalianMilli('1.234,5')).toBe(1_234_500);
    expect(parseItalianMilli('12')).toBe(12_000);
    expect(parseItalianMilli('0,005')).toBe(5);
    expect(parseItalianMilli(' 12,5 ')).toBe(12_500);
    for (const m of [0, 1, 999, 1000, 1_234_500, 987_654_321_012]) expect(parseItalianMilli(formatMilli(m))).toBe(m);
  });

  it('refuses what is not a quantity', () => {
    for (const bad of ['', '-1', '1,2345', '12.5', '1.23', 'abc', '1e3', '9.999.999.999.999.999']) expect(parseItalianMilli(bad)).toBeNull();
  });
});
