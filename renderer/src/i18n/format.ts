/**
 * Dates, numbers and euros the Italian way (it-IT), whatever the UI language: a clerk reads
 * 26/11/2026 and 1.234,50 €. Timestamps are stored in UTC and shown in Italian local time.
 */
const TIME_ZONE = 'Europe/Rome';

// CLDR's Italian leaves 4-digit numbers ungrouped ("1234"); Italian administrative writing
// groups them ("1.234"), so grouping is forced.
const integerFormat = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 0, useGrouping: 'always' });
const euroFormat = new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR', useGrouping: 'always' });
const dateTimeFormat = new Intl.DateTimeFormat('it-IT', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const dateFormat = new Intl.DateTimeFormat('it-IT', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** 14950 → "14.950". */
export function formatNumber(value: number): string {
  return integerFormat.format(value);
}

/** Integer cents → "1.234,50 €" (money is never held as floating-point euros). */
export function formatEuroCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Importo non intero in centesimi: ${cents}`);
  return euroFormat.format(cents / 100);
}

/** ISO-8601 UTC → "26/11/2026, 10:00" in Italian local time; the input itself if unreadable. */
export function formatDateTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : dateTimeFormat.format(time);
}

/** ISO-8601 → "26/11/2026" (Italian local date). */
export function formatDate(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : dateFormat.format(time);
}
