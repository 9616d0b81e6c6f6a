import { UNITS, type UnitCode } from '../records/catalogue';

/**
 * How monthly quantities combine over a period (issue 13, "units that mean what they say").
 * A count (documents protocolled) adds up; a level (GB stored, mailboxes open) is held, so twelve
 * months of 10 GB are 10 GB, not 120: over a period it is the average of the months that have a
 * figure (months with no figure are unknown, not zero), or the latest. Quantities are integer
 * thousandths ("milli", shared/domain/quantity.ts); the average is rounded to the nearest milli.
 */

export type Measure = 'count' | 'level';

/** 'count' or 'level'; an unknown unit (a catalogue newer than this app) counts, as before. */
export function measureOf(unit: string): Measure {
  return (UNITS as Record<string, { measure: Measure } | undefined>)[unit]?.measure ?? 'count';
}

export function isLevel(unit: string): boolean {
  return measureOf(unit) === 'level';
}

/**
 * The figure for a period from its monthly figures (one per month that has one, in any order
 * for a count; in month order for `latest`): a count's sum, a level's average; null when no month
 * has a figure, so that a missing quantity is never mistaken for zero.
 */
export function combineMonths(unit: UnitCode | string, monthlyMilli: readonly number[]): number | null {
  if (monthlyMilli.length === 0) return null;
  const sum = monthlyMilli.reduce((a, b) => a + b, 0);
  return measureOf(unit) === 'count' ? sum : Math.round(sum / monthlyMilli.length);
}

/** A level's latest figure (the last of the months given in month order); a count's sum. */
export function latestOrSum(unit: UnitCode | string, monthlyMilliInOrder: readonly number[]): number | null {
  if (monthlyMilliInOrder.length === 0) return null;
  return measureOf(unit) === 'count' ? monthlyMilliInOrder.reduce((a, b) => a + b, 0) : monthlyMilliInOrder[monthlyMilliInOrder.length - 1]!;
}

/**
 * The same figure from an aggregate already summed by SQL: the sum of the monthly figures and
 * the number of months that have one (`count(*)` of the monthly table, whose rows are the months
 * with entries). A count is the sum; a level the average over those months, rounded as above.
 */
export function combineSum(unit: UnitCode | string, sumMilli: number, monthsWithFigure: number): number | null {
  if (monthsWithFigure <= 0) return null;
  return measureOf(unit) === 'count' ? sumMilli : Math.round(sumMilli / monthsWithFigure);
}

/**
 * A figure as a screen shows it: an average of a whole unit (41,091 mailboxes) to one decimal
 * (41,1), which no reader mistakes for a thousands group; everything else as it is. The exact
 * figure stays in the data (the sharing key reads it).
 */
export function shownMilli(unit: UnitCode | string, milli: number): number {
  const whole = (UNITS as Record<string, { decimals: boolean } | undefined>)[unit]?.decimals === false;
  return whole && isLevel(unit) ? Math.round(milli / 100) * 100 : milli;
}

/**
 * The unit's word that agrees with a quantity in thousandths: "1 pratica", "2 pratiche",
 * "1,5 ore" (only a whole 1 is singular, as CLDR says). `plural` is the text to use for a unit
 * this app does not know (the catalogue's own text).
 */
export function unitWord(unit: string, milli: number | null, language: 'it' | 'en' | string, plural?: string): string {
  const u = (UNITS as Record<string, { it: string; en: string; oneIt: string; oneEn: string } | undefined>)[unit];
  const en = language === 'en';
  if (!u) return plural ?? unit;
  if (milli === 1000) return en ? u.oneEn : u.oneIt;
  return en ? u.en : u.it;
}
