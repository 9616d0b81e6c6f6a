/** Italian formatting for the printed reports and their CSV: euros, dates, percentages, quantities. */

/** 123456 → "1.234,56 €" (negative: "-1.234,56 €"). */
export function euro(cents: number): string {
  const neg = cents < 0;
  const abs = Math.abs(cents);
  const int = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${neg ? '-' : ''}${int},${String(abs % 100).padStart(2, '0')} €`;
}

/** 123456 → "1234,56" (CSV: a number Excel reads, no thousands separator nor symbol). */
export function euroCsv(cents: number): string {
  const neg = cents < 0;
  const abs = Math.abs(cents);
  return `${neg ? '-' : ''}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** Thousandths → "12,5" (up to three decimals, thousands dotted). */
export function milli(q: number): string {
  const int = Math.floor(q / 1000).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const frac = String(q % 1000).padStart(3, '0').replace(/0+$/, '');
  return frac ? `${int},${frac}` : int;
}

export const dateIt = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Basis points (hundredths of a percent) → "45,23 %". */
export const pct = (bp: number | null) => (bp === null ? '—' : `${bp < 0 ? '-' : ''}${Math.floor(Math.abs(bp) / 100)},${String(Math.abs(bp) % 100).padStart(2, '0')} %`);

export function keyText(k: { equal: number; population: number; usage: number }): string {
  const parts: string[] = [];
  if (k.equal) parts.push(`parti uguali ${k.equal}%`);
  if (k.population) parts.push(`popolazione ${k.population}%`);
  if (k.usage) parts.push(`utilizzo ${k.usage}%`);
  return parts.join(', ');
}

export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
