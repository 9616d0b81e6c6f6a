/** Calendar dates (YYYY-MM-DD, no time zone) the Italian way, and the months of the UI. */

const MONTHS_IT = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHORT_IT = ['gen', 'feb', 'mar', 'apr', 'mag', 'giu', 'lug', 'ago', 'set', 'ott', 'nov', 'dic'];
const SHORT_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-11-05" → "05/11/2026" (a calendar date: no time-zone shift). */
export function formatIsoDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** "2026-11" or "2026-11-01" → "novembre 2026" / "November 2026". */
export function formatMonth(iso: string, language: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const names = language === 'en' ? MONTHS_EN : MONTHS_IT;
  return `${names[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** Short month name, index 0 = January. */
export function shortMonth(index: number, language: string): string {
  return (language === 'en' ? SHORT_EN : SHORT_IT)[index] ?? String(index + 1);
}

export function monthName(index: number, language: string): string {
  return (language === 'en' ? MONTHS_EN : MONTHS_IT)[index] ?? String(index + 1);
}

/** Today as YYYY-MM-DD in local time (the clerk's calendar day). */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
