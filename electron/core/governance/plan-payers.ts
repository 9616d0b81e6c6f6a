/**
 * Who pays a plan item, as the allocation reads it (issue 13). An item paid by "only these
 * members" exempts every other active member (a member joining the consortium later does not
 * start paying for a few towns' initiative); "every member" exempts the item's `exempt` list;
 * an item stored before issue 13 has no `payers` and reads as "every member but `exempt`",
 * the meaning it was allocated and approved with.
 */
import { payersOf } from '../../../shared/domain/gov-plan';
import type { PlanItemData } from '../../../shared/records/gov-records';
import { appError } from '../platform/errors';

/** The members exempt from `item` among the active ones (ascending ISTAT, as `members` is). */
export function exemptOf(item: Pick<PlanItemData, 'code' | 'payers' | 'exempt'>, members: readonly { istat: string }[]): readonly string[] {
  const payers = payersOf(item);
  if (payers.kind === 'all') return item.exempt;
  const active = new Set(members.map((m) => m.istat));
  const unknown = payers.members.find((m) => !active.has(m));
  if (unknown) throw appError('plan.payerUnknown', { item: item.code, istat: unknown }, { field: 'items.payers', params: { rule: 'PAYER_UNKNOWN', item: item.code } });
  const paying = new Set(payers.members);
  return members.filter((m) => !paying.has(m.istat)).map((m) => m.istat);
}
