/**
 * Italian words for the printed reports and their CSV: dates, the cost-sharing key, HTML escaping.
 * Numbers, euros and percentages come from shared/format/numbers.ts, like everywhere else.
 */

import { isLevel } from '../../../shared/domain/unit-measure';
import { UNITS } from '../../../shared/records/catalogue';

export const dateIt = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export function keyText(k: { equal: number; population: number; usage: number }): string {
  const parts: string[] = [];
  if (k.equal) parts.push(`parti uguali ${k.equal}%`);
  if (k.population) parts.push(`popolazione ${k.population}%`);
  if (k.usage) parts.push(`utilizzo ${k.usage}%`);
  return parts.join(', ');
}

/**
 * What a usage figure over several months is, for a CSV reader: "documenti, totale dell’anno" or
 * "GB, media mensile" (a level held is averaged over the months with a figure, never summed).
 */
export function usageMeasureIt(unit: string, span: 'anno' | 'periodo'): string {
  const name = (UNITS as Record<string, { it: string } | undefined>)[unit]?.it ?? unit;
  const what = isLevel(unit) ? 'media mensile' : span === 'anno' ? 'totale dell’anno' : 'totale del periodo';
  return name ? `${name}, ${what}` : what;
}

export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
