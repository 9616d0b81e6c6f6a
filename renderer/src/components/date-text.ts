/**
 * Dates as a person types them (gg/mm/aaaa, mm/aaaa) and as the API holds them (YYYY-MM-DD,
 * YYYY-MM). The field is plain text so that no browser's language decides the order of the parts
 * (an `<input type="date">` reads mm/dd/yyyy where Chromium lacks its Italian strings).
 */

export type DateKind = 'date' | 'month';

/** "2026-12-06" → "06/12/2026"; "2026-12" → "12/2026"; anything else is shown as it is. */
export function isoToText(iso: string, kind: DateKind): string {
  if (kind === 'month') {
    const m = /^(\d{4})-(\d{2})$/.exec(iso);
    return m ? `${m[2]}/${m[1]}` : iso;
  }
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return d ? `${d[3]}/${d[2]}/${d[1]}` : iso;
}

function realDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  // Day 0 of the next month is the last day of this one (UTC: no time-zone or DST shift).
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * What the typed text means: '' when empty, the ISO value when it is a real date (day first:
 * "6/12/2026", "06-12-2026", "06.12.2026", "06122026"; or ISO, year first), null when it is not. Years have four
 * digits: "6/12/26" is refused rather than guessed.
 */
export function textToIso(text: string, kind: DateKind): string | null {
  const s = text.trim();
  if (s === '') return '';
  if (kind === 'month') {
    const iso = /^(\d{4})-(\d{1,2})$/.exec(s);
    const m = iso ? [s, iso[2], iso[1]] : (/^(\d{1,2})\s*[/.\-\s]\s*(\d{4})$/.exec(s) ?? /^(\d{2})(\d{4})$/.exec(s));
    if (!m) return null;
    const month = Number(m[1]);
    const year = Number(m[2]);
    return month >= 1 && month <= 12 && year >= 1000 ? `${year}-${pad(month)}` : null;
  }
  // A date pasted from a spreadsheet or a file (2026-12-06) is unambiguous: the year comes first.
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const d = iso ? [s, iso[3], iso[2], iso[1]] : (/^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{4})$/.exec(s) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(s));
  if (!d) return null;
  const [day, month, year] = [Number(d[1]), Number(d[2]), Number(d[3])];
  return year >= 1000 && realDay(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null;
}

/** The value the form holds for a typed text: the ISO date, '' when empty, else the text itself (refused at the form's check). */
export function valueOfText(text: string, kind: DateKind): string {
  const iso = textToIso(text, kind);
  return iso ?? text.trim();
}

/** The example in hints: a day above 12, so the order of the parts cannot be misread. */
export function exampleText(kind: DateKind): string {
  return kind === 'month' ? '03/2026' : '25/03/2026';
}
