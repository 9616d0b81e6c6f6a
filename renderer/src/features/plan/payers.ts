import type { TFunction } from 'i18next';
import { payersOf } from '../../../../shared/domain/gov-plan';
import type { PlanItemData } from '../../../../shared/records/gov-records';
import { formatMonth } from '../../i18n/dates';
import { formatMilli } from '../../../../shared/format/numbers';

/**
 * Who pays an item, in the page's language (issue 13): "Tutti i membri", "Tutti tranne 2 esenti:
 * …" or "Solo Urbino" / "Solo 3 comuni: …", members by name. An item stored before issue 13
 * (no `payers`) reads as every member but the exempt ones, the meaning it was allocated with.
 */
export function payersLabel(item: Pick<PlanItemData, 'payers' | 'exempt'>, names: ReadonlyMap<string, string>, t: TFunction, max = 6): string {
  const list = (codes: readonly string[]) => {
    const shown = codes.slice(0, max).map((c) => names.get(c) ?? c).join(', ');
    return codes.length > max ? t('plan.payers.more', { names: shown, count: codes.length - max }) : shown;
  };
  const p = payersOf(item);
  if (p.kind === 'only') return t('plan.payers.only', { count: p.members.length, names: list(p.members) });
  return item.exempt.length ? t('plan.payers.allBut', { count: item.exempt.length, names: list(item.exempt) }) : t('plan.payers.all');
}

/** Whether the item is paid by a few members only (their statement lines then say "non paga"). */
export const paidByFew = (item: Pick<PlanItemData, 'payers'> | undefined): boolean => item?.payers?.kind === 'only';

/** Where the quantity comes from: an estimate (and its months), a figure typed in, or unknown. */
export function quantityNote(i: Pick<PlanItemData, 'quantity_milli' | 'suggested_milli' | 'estimate' | 'unit_cents'>, t: TFunction, language: string): string | null {
  if (i.quantity_milli === null) return i.unit_cents > 0 ? t('plan.quantity.missing') : null;
  const e = i.estimate;
  if (!e || e.months === 0 || i.quantity_milli !== i.suggested_milli) return null;
  return t(e.measure === 'level' ? 'plan.quantity.estimatedLevel' : 'plan.quantity.estimatedCount', { from: formatMonth(e.from, language), to: formatMonth(e.to, language), months: e.months });
}

/** The quantity as the item's calculation shows it: unknown said as such, never 0. */
export const quantityText = (q: number | null, t: TFunction): string => (q === null ? t('plan.quantity.unknown') : formatMilli(q));
