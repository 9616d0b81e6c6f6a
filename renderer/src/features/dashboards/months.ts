/** "2026-03" → "mar" / "marzo 2026" in the page's language (the calendar is Italian local). */
const short = (lang: string) => new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'it-IT', { month: 'short', timeZone: 'UTC' });
const long = (lang: string) => new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'it-IT', { month: 'long', year: 'numeric', timeZone: 'UTC' });

function toDate(month: string): Date {
  return new Date(`${month}-01T00:00:00Z`);
}

export function formatMonthShort(month: string, lang: string): string {
  return short(lang).format(toDate(month)).replace('.', '');
}

export function formatMonthLong(month: string, lang: string): string {
  return long(lang).format(toDate(month));
}
