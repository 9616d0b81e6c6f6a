/**
 * Dates, numbers and euros the Italian way (it-IT), whatever the UI language: a clerk reads
 * 26/11/2026 and 1.234,50 €. Timestamps are stored in UTC and shown in Italian local time.
 * Numbers are written by shared/format/numbers.ts (the same text as the reports and the CLI);
 * the two below only fix the window's choices.
 */
import { formatEuro, formatInteger } from '../../../shared/format/numbers';

const TIME_ZONE = 'Europe/Rome';

const dateTimeFormat = new Intl.DateTimeFormat('it-IT', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const timeFormat = new Intl.DateTimeFormat('it-IT', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const dateFormat = new Intl.DateTimeFormat('it-IT', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** 14950 → "14.950". */
export function formatNumber(value: number): string {
  return formatInteger(value);
}

/** Integer cents → "1.234,50 €", the sign held to the amount by a no-break space (money is never held as floating-point euros). */
export function formatEuroCents(cents: number): string {
  return formatEuro(cents, { nbsp: true });
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

/** ISO-8601 UTC → "10:42" (24-hour, Italian local time); the input itself if unreadable. */
export function formatTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : timeFormat.format(time);
}

/** Whether two instants fall on the same Italian calendar day (a time alone is enough then). */
export function isSameItalianDay(a: string, b: string): boolean {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  return !Number.isNaN(ta) && !Number.isNaN(tb) && dateFormat.format(ta) === dateFormat.format(tb);
}
