/**
 * Hub: usage by service × member × month, read from the incremental totals the usage projector
 * keeps (received_usage_monthly), never from the events. The filter picks the index: a member
 * → the primary key (owner, service, month); a service, or months only → the covering
 * (service, month, …) index. Rows are streamed once; the totals cover the whole filter even
 * when the cells returned are capped.
 */
import type { HubUsageTable } from '../../../../shared/domain/hub-views';
import { formatMilli } from '../../../../shared/domain/quantity';
import { combineSum, measureOf } from '../../../../shared/domain/unit-measure';
import { UNITS, type UnitCode } from '../../../../shared/records/catalogue';
import type { HubServiceData } from '../../../../shared/records/hub-catalogue';
import type { AppContext } from '../../platform/context';
import { stmt } from '../../platform/store/statements';
import { requireHub } from '../records/hub-guard';
import type { MemberFilter } from '../../../../shared/domain/member-page';
import { usagePage } from './usage-page';
import { hubCatalogue, order, serviceInfo } from './usage-services';

export interface UsageFilter {
  service?: string | undefined;
  member?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The SQL of the view's cells for a filter (also read by the query-plan test). */
export function usageCellsSql(f: UsageFilter): { sql: string; params: string[] } {
  const where: string[] = [];
  const params: string[] = [];
  if (f.member) {
    where.push('owner = ?');
    params.push(f.member);
  }
  if (f.service) {
    where.push('service = ?');
    params.push(f.service);
  } else if (!f.member && (f.from || f.to)) {
    // Months of every service: one seek per service into the covering service index (the
    // services present found by a skip-scan, ~10 seeks) reads the index alone; the month index
    // would need a lookup into the table per cell (measured 3× slower at national scale).
    where.push(`service IN (WITH RECURSIVE s(x) AS (
        SELECT (SELECT min(service) FROM received_usage_monthly INDEXED BY received_usage_monthly_by_service)
        UNION ALL SELECT (SELECT min(service) FROM received_usage_monthly INDEXED BY received_usage_monthly_by_service WHERE service > s.x) FROM s WHERE s.x IS NOT NULL)
      SELECT x FROM s WHERE x IS NOT NULL)`);
  }
  if (f.from) {
    where.push('month >= ?');
    params.push(f.from);
  }
  if (f.to) {
    where.push('month <= ?');
    params.push(f.to);
  }
  // The planner's statistics may prefer a skip-scan of another index when members are few;
  // the filter decides which index serves it, so it is named.
  const index = f.member ? '' : f.service || f.from || f.to ? ' INDEXED BY received_usage_monthly_by_service' : '';
  const sql = `SELECT service, owner, month, quantity_milli, entries FROM received_usage_monthly${index}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  return { sql, params };
}

/** Sums of monthly cells; `months` counts the cells (a member's months with a figure). */
type Total = { quantityMilli: number; entries: number; months: number };
const bump = <K>(m: Map<K, Total>, k: K, q: number, n: number) => {
  const t = m.get(k);
  if (t) {
    t.quantityMilli += q;
    t.entries += n;
    t.months += 1;
  } else m.set(k, { quantityMilli: q, entries: n, months: 1 });
};

export function usageByMember(ctx: AppContext, input: UsageFilter & MemberFilter & { limit: number }): HubUsageTable {
  requireHub(ctx);
  // Paged: one page of members, the totals from the aggregates (usage-page.ts).
  if (input.page !== undefined) return usagePage(ctx, input);
  const { sql, params } = usageCellsSql(input);
  const cells: HubUsageTable['cells'] = [];
  const byServiceMember = new Map<string, Total>();
  const byService = new Map<string, { entries: number }>();
  const byServiceMonth = new Map<string, Total>();
  const months = new Set<string>();
  const members = new Set<string>();
  let truncated = false;
  for (const [service, owner, month, q, n] of stmt(ctx.db, sql).raw(true).iterate(...params) as IterableIterator<[string, string, string, number, number]>) {
    if (cells.length < input.limit) cells.push({ service, member: owner, month, quantityMilli: q, quantity: formatMilli(q), entries: n });
    else truncated = true;
    bump(byServiceMember, `${service}\u0000${owner}`, q, n);
    const s = byService.get(service);
    if (s) s.entries += n;
    else byService.set(service, { entries: n });
    bump(byServiceMonth, `${service}\u0000${month}`, q, n);
    months.add(month);
    members.add(owner);
  }
  cells.sort((a, b) => order(a.service, b.service) || order(a.member, b.member) || order(a.month, b.month));
  const split = (k: string) => k.split('\u0000') as [string, string];
  const catalogue = hubCatalogue(ctx);
  const names = new Map((stmt(ctx.db, 'SELECT istat, name FROM members').raw(true).all() as [string, string][]).map(([i, n]) => [i, n]));
  const unitOf = (service: string) => catalogue.get(service)?.unit ?? '';
  // Over the months a count adds up and a level held (GB, mailboxes) is the member's average of
  // its months with a figure; members add up (each holds its own GB), so a service's level is
  // the sum of its members' averages.
  const memberFigures = [...byServiceMember].map(([k, t]) => {
    const [service, member] = split(k);
    return { service, member, quantityMilli: combineSum(unitOf(service), t.quantityMilli, t.months) ?? 0, entries: t.entries };
  });
  const serviceMilli = new Map<string, number>();
  for (const r of memberFigures) serviceMilli.set(r.service, (serviceMilli.get(r.service) ?? 0) + r.quantityMilli);
  return {
    services: [...byService.keys()].sort(order).map((code) => serviceInfo(catalogue, code)),
    members: [...members].sort(order).map((istat) => ({ istat, name: names.get(istat) ?? istat })),
    months: [...months].sort(order),
    cells,
    truncated,
    byServiceMember: memberFigures
      .map((r) => ({ ...r, quantity: formatMilli(r.quantityMilli) }))
      .sort((a, b) => order(a.service, b.service) || order(a.member, b.member)),
    byService: [...byService]
      .map(([service, t]) => {
        const q = serviceMilli.get(service) ?? 0;
        return { service, quantityMilli: q, quantity: formatMilli(q), entries: t.entries };
      })
      .sort((a, b) => order(a.service, b.service)),
    byServiceMonth: [...byServiceMonth]
      .map(([k, t]) => {
        const [service, month] = split(k);
        return { service, month, quantityMilli: t.quantityMilli, quantity: formatMilli(t.quantityMilli), entries: t.entries };
      })
      .sort((a, b) => order(a.service, b.service) || order(a.month, b.month)),
  };
}
