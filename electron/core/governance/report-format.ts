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

/**
 * Who pays an item, in the printed plan, the statements and the CSV (issue 13): "tutti i membri",
 * "tutti i membri tranne: …" or "solo: …", members by name (their ISTAT code when unknown).
 * `payers` absent (an item stored before issue 13): every member but the exempt ones.
 */
export function payersText(
  i: { payers?: { kind: 'all' } | { kind: 'only'; members: string[] } | undefined; exempt: readonly string[] },
  names: ReadonlyMap<string, string>,
  max = 12,
): string {
  const list = (codes: readonly string[]) => {
    const shown = codes.slice(0, max).map((c) => names.get(c) ?? c);
    return codes.length > max ? `${shown.join(', ')} e altri ${codes.length - max}` : shown.join(', ');
  };
  if (i.payers?.kind === 'only') return `solo ${i.payers.members.length === 1 ? 'il comune' : `${i.payers.members.length} comuni`}: ${list(i.payers.members)}`;
  return i.exempt.length ? `tutti i membri tranne ${i.exempt.length === 1 ? "l'esente" : `${i.exempt.length} esenti`}: ${list(i.exempt)}` : 'tutti i membri';
}

/** 'YYYY-MM' → 'MM/YYYY', the way the estimate's months are written on paper. */
export const monthIt = (ym: string) => `${ym.slice(5, 7)}/${ym.slice(0, 4)}`;
