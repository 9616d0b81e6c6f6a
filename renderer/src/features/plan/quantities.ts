/** Quantities in thousandths of the unit ("1.234,5" ↔ 1234500), exact: digits, never floats. */
export function parseMilli(text: string): number | null {
  const s = text.replace(/[\s\u00a0]/g, '');
  const m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,3}))?$/.exec(s);
  if (!m?.[1]) return null;
  const whole = Number(m[1].replace(/\./g, ''));
  const frac = Number(((m[2] ?? '') + '000').slice(0, 3));
  const v = whole * 1000 + frac;
  return Number.isSafeInteger(v) ? v : null;
}

export function formatMilli(milli: number): string {
  const whole = String(Math.trunc(milli / 1000)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const frac = String(milli % 1000).padStart(3, '0').replace(/0+$/, '');
  return frac ? `${whole},${frac}` : whole;
}
