/**
 * The quantity a new plan suggests for a service (issue 13): estimated from the last twelve
 * months the hub has received, never from the plan's own year (which has no usage yet) and never
 * zero for want of data. Each member's months are combined by the unit's measure
 * (shared/domain/unit-measure.ts: a count adds up, a level held — GB, mailboxes — is averaged),
 * then the members are added: the consortium holds what its members hold. No month received →
 * null (unknown), which the plan screen says and the savings refuse to use.
 */
import { combineMonths, measureOf } from '../../../shared/domain/unit-measure';
import type { QuantityEstimate } from '../../../shared/records/gov-records';
import { UNITS } from '../../../shared/records/catalogue';
import type { AppContext } from '../platform/context';
import { stmt } from '../platform/store/statements';
import { usageWindow } from './plan-items';

export interface Estimate {
  milli: number | null;
  estimate: QuantityEstimate;
}

/** The catalogue unit of a hub service ('documents' when unknown: a count, as before). */
export function serviceUnit(ctx: AppContext, service: string): string {
  const raw = stmt(ctx.db, 'SELECT data FROM hub_services WHERE code = ?').pluck().get(service) as string | undefined;
  return raw ? ((JSON.parse(raw) as { unit?: string }).unit ?? 'documents') : 'documents';
}

export function estimateQuantity(ctx: AppContext, year: number, service: string): Estimate {
  const [from, to] = usageWindow(ctx, year, 'projected');
  const unit = serviceUnit(ctx, service);
  const rows = stmt(
    ctx.db,
    'SELECT owner, month, quantity_milli AS q FROM received_usage_monthly INDEXED BY received_usage_monthly_by_service WHERE service = ? AND month BETWEEN ? AND ?',
  ).all(service, from, to) as { owner: string; month: string; q: number }[];
  const byMember = new Map<string, number[]>();
  const months = new Set<string>();
  for (const r of rows) {
    months.add(r.month);
    const list = byMember.get(r.owner);
    if (list) list.push(r.q);
    else byMember.set(r.owner, [r.q]);
  }
  let milli: number | null = null;
  for (const monthly of byMember.values()) {
    const m = combineMonths(unit, monthly);
    if (m !== null) milli = (milli ?? 0) + m;
  }
  // A unit counted in whole things (mailboxes, sites): the averages' total to the nearest one.
  if (milli !== null && !(UNITS as Record<string, { decimals: boolean } | undefined>)[unit]?.decimals) milli = Math.round(milli / 1000) * 1000;
  return { milli, estimate: { from, to, months: months.size, measure: measureOf(unit) } };

}
