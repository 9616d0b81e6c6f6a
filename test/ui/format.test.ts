import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatEuroCents, formatNumber } from '../../renderer/src/i18n/format';

describe('Italian formatting', () => {
  it('groups thousands with a dot', () => {
    expect(formatNumber(14950)).toBe('14.950');
    expect(formatNumber(116434)).toBe('116.434');
  });

  it('writes euros from integer cents with a decimal comma', () => {
    expect(formatEuroCents(123450).replace(/\s/g, ' ')).toBe('1.234,50 €');
    expect(formatNumber(1234)).toBe('1.234');
    expect(formatEuroCents(5).replace(/\s/g, ' ')).toBe('0,05 €');
    expect(() => formatEuroCents(1.5)).toThrow();
  });

  it('shows UTC timestamps in Italian local time, day first', () => {
    expect(formatDateTime('2026-11-26T09:00:00.000Z')).toBe('26/11/2026, 10:00'); // CET
    expect(formatDateTime('2026-07-01T09:00:00.000Z')).toBe('01/07/2026, 11:00'); // CEST
    expect(formatDate('2026-12-31T23:30:00.000Z')).toBe('01/01/2027');
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});
