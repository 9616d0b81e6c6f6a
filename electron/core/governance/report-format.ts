/**
 * Italian words for the printed reports and their CSV: dates, the cost-sharing key, HTML escaping.
 * Numbers, euros and percentages come from shared/format/numbers.ts, like everywhere else.
 */

export const dateIt = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export function keyText(k: { equal: number; population: number; usage: number }): string {
  const parts: string[] = [];
  if (k.equal) parts.push(`parti uguali ${k.equal}%`);
  if (k.population) parts.push(`popolazione ${k.population}%`);
  if (k.usage) parts.push(`utilizzo ${k.usage}%`);
  return parts.join(', ');
}

export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
