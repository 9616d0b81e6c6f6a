/**
 * Hub: usage by service × member × month, one page of members at a time (issue 12). The page's
 * members (by name, among those the search, province and region select) get their cells and
 * their figures; the totals cover every member selected:
 *   - all members: from the aggregates the triggers of migration 019 keep —
 *     `received_usage_service_month` (a few hundred rows) for the months and the counts,
 *     `received_usage_member_year` (one row per member and year) for a level's average when the
 *     period is whole years;
 *   - a subset (search, province, region, one member): grouped in SQL over those members' cells.
 * Nothing sums cells in JavaScript but the page's own.
 */
import type { HubUsageTable } from '../../../../shared/domain/hub-views';
import type { MemberFilter } from '../../../../shared/domain/member-page';
import { formatMilli } from '../../../../shared/domain/quantity';
import { combineSum } from '../../../../shared/domain/unit-measure';
import type { AppContext } from '../../platform/context';
import { stmt } from '../../platform/store/statements';
import { LEVEL_SUM_SQL } from '../../platform/store/service-units';
import { narrows, pageOf, provincesOfRegion, selectMembers, type SelectedMember } from '../members/member-selection';
import { hubCatalogue, order, serviceInfo } from './usage-services';

interface PageFilter extends MemberFilter {
  service?: string | undefined;
  member?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
}

/**
 * The cells of some members (a page, a province…), one seek per member and service into the
 * cells' primary key: CROSS JOIN keeps that order, which the planner would otherwise trade for
 * a scan of every member's month through the service index (measured 10× slower nationally).
 */
export const PAGE_CELLS_SQL = `SELECT c.service, c.owner, c.month, c.quantity_milli, c.entries FROM json_each(@owners) o CROSS JOIN json_each(@present) s
     CROSS JOIN received_usage_monthly c ON c.owner = o.value AND c.service = s.value WHERE c.month BETWEEN @from AND @to ORDER BY c.service, c.owner, c.month`;
/** Some members' whole years, by the yearly totals' owner index. */
export const OWNER_YEARS_SQL = `SELECT y.service, y.owner, sum(y.quantity_milli) AS sq, sum(y.entries) AS se, sum(y.months) AS m FROM json_each(@owners) o
         CROSS JOIN received_usage_member_year y ON y.owner = o.value WHERE y.year BETWEEN @fy AND @ty AND y.service IN (SELECT value FROM json_each(@present)) GROUP BY y.service, y.owner`;

/** Months of the members of some provinces, from the provinces' totals by their key (migration 022). */
export const PROVINCE_MONTHS_SQL = `SELECT p.service, p.month, sum(p.quantity_milli) AS q, sum(p.entries) AS n FROM json_each(@provinces) v CROSS JOIN json_each(@present) s
     CROSS JOIN received_usage_province_month p ON p.province = v.value AND p.service = s.value WHERE p.month BETWEEN @from AND @to GROUP BY p.service, p.month ORDER BY p.service, p.month`;

type MonthRow = { service: string; month: string; q: number; n: number };
type ServiceRow = { service: string; q: number; lq: number; n: number };

export function usagePage(ctx: AppContext, f: PageFilter): HubUsageTable {
  const from = f.from ?? '0000-01';
  const to = f.to ?? '9999-12';
  const catalogue = hubCatalogue(ctx);
  const levels = JSON.stringify([...catalogue.values()].filter((d) => serviceInfo(catalogue, d.code).measure === 'level').map((d) => d.code));
  const selected = selectMembers(ctx.db, f).filter((m) => !f.member || m.istat === f.member);
  const { rows: pageMembers, page } = pageOf(selected, f);
  const svc = f.service ? ' AND service = @service' : '';
  const params = { from, to, levels, ...(f.service ? { service: f.service } : {}) };


  // The services with a figure in the period (a few rows of the monthly totals): every seek
  // into the cells below goes by member, service and month, the cells' primary key.
  const present = stmt(ctx.db, `SELECT DISTINCT service FROM received_usage_service_month WHERE month BETWEEN @from AND @to${svc} ORDER BY service`)
    .pluck()
    .all(params) as string[];
  const whole = from.endsWith('-01') && to.endsWith('-12');
  let months: MonthRow[];
  let services: ServiceRow[];
  const provinces = provinceOnly(f);
  if (!narrows(f) && !f.member) {
    months = stmt(ctx.db, `SELECT service, month, quantity_milli AS q, entries AS n FROM received_usage_service_month WHERE month BETWEEN @from AND @to${svc} ORDER BY service, month`).all(
      params,
    ) as MonthRow[];
    services = wholeServices(ctx, months, params, svc);
  } else if (provinces) {
    // A province or a region: its months from the provinces' totals (migration 022); the
    // members' own figures only for a level's average, the one figure that does not add up.
    months = stmt(ctx.db, PROVINCE_MONTHS_SQL).all({ provinces: JSON.stringify(provinces), present: JSON.stringify(present), from, to }) as MonthRow[];
    const levelsPresent = present.filter((code) => serviceInfo(catalogue, code).measure === 'level');
    const levelSums = levelsPresent.length ? subsetServices(ctx, selected, levelsPresent, from, to, whole) : [];
    services = addUp(months, levelSums);
  } else {
    const sel = { from, to, owners: JSON.stringify(selected.map((m) => m.istat)), present: JSON.stringify(present) };
    months = stmt(
      ctx.db,
      `SELECT c.service, c.month, sum(c.quantity_milli) AS q, sum(c.entries) AS n FROM json_each(@owners) o CROSS JOIN json_each(@present) s
       CROSS JOIN received_usage_monthly c ON c.owner = o.value AND c.service = s.value WHERE c.month BETWEEN @from AND @to GROUP BY c.service, c.month ORDER BY c.service, c.month`,
    ).all(sel) as MonthRow[];
    services = subsetServices(ctx, selected, present, from, to, whole);
  }

  // The page's own cells: one seek per member and service, months by range.
  const cells: HubUsageTable['cells'] = [];
  let truncated = false;
  const perMember = new Map<string, { service: string; member: string; q: number; n: number; months: number }>();
  const pageCells = stmt(
    ctx.db,
    PAGE_CELLS_SQL,
  ).raw(true);
  for (const [service, owner, month, q, n] of pageCells.iterate({ owners: JSON.stringify(pageMembers.map((m) => m.istat)), present: JSON.stringify(present), from, to }) as IterableIterator<
    [string, string, string, number, number]
  >) {
    if (cells.length < f.limit) cells.push({ service, member: owner, month, quantityMilli: q, quantity: formatMilli(q), entries: n });
    else truncated = true;
    const k = `${service}\u0000${owner}`;
    const t = perMember.get(k);
    if (t) {
      t.q += q;
      t.n += n;
      t.months += 1;
    } else perMember.set(k, { service, member: owner, q, n, months: 1 });
  }
  const unitOf = (service: string) => catalogue.get(service)?.unit ?? '';
  const isLevel = (service: string) => serviceInfo(catalogue, service).measure === 'level';
  return {
    services: services.map((s) => serviceInfo(catalogue, s.service)),
    members: pageMembers.map((m) => ({ istat: m.istat, name: m.name })),
    months: [...new Set(months.map((m) => m.month))].sort(order),
    cells,
    truncated,
    byServiceMember: [...perMember.values()]
      .map((t) => {
        const q = combineSum(unitOf(t.service), t.q, t.months) ?? 0;
        return { service: t.service, member: t.member, quantityMilli: q, quantity: formatMilli(q), entries: t.n };
      })
      .sort((a, b) => order(a.service, b.service) || order(a.member, b.member)),
    byService: services.map((s) => {
      const q = isLevel(s.service) ? s.lq : s.q;
      return { service: s.service, quantityMilli: q, quantity: formatMilli(q), entries: s.n };
    }),
    byServiceMonth: months.map((m) => ({ service: m.service, month: m.month, quantityMilli: m.q, quantity: formatMilli(m.q), entries: m.n })),
    page,
  };
}

/**
 * The provinces whose members a filter selects when it selects by province or region only (no
 * search, no single member): their usage is read from the provinces' totals. Null otherwise.
 */
function provinceOnly(f: PageFilter): string[] | null {
  if (f.search?.trim() || f.member || (!f.province && !f.region)) return null;
  const inRegion = f.region ? provincesOfRegion(f.region) : null;
  if (!f.province) return inRegion;
  return !inRegion || inRegion.includes(f.province) ? [f.province] : [];
}

/** Per service, some members' figures (a level's sum of averages `lq`) grouped in SQL over their years or cells. */
function subsetServices(ctx: AppContext, selected: readonly SelectedMember[], services: readonly string[], from: string, to: string, whole: boolean): ServiceRow[] {
  const sel = { from, to, owners: JSON.stringify(selected.map((m) => m.istat)), present: JSON.stringify(services) };
  // Per member and service: whole years from the members' yearly totals, else from the cells.
  const perOwner = whole
    ? OWNER_YEARS_SQL
    : `SELECT c.service, c.owner, sum(c.quantity_milli) AS sq, sum(c.entries) AS se, count(*) AS m FROM json_each(@owners) o CROSS JOIN json_each(@present) s
       CROSS JOIN received_usage_monthly c ON c.owner = o.value AND c.service = s.value WHERE c.month BETWEEN @from AND @to GROUP BY c.service, c.owner`;
  return stmt(ctx.db, `SELECT service, sum(sq) AS q, ${LEVEL_SUM_SQL} AS lq, sum(se) AS n FROM (${perOwner}) GROUP BY service ORDER BY service`).all({
    ...sel,
    ...(whole ? { fy: Number(from.slice(0, 4)), ty: Number(to.slice(0, 4)) } : {}),
  }) as ServiceRow[];
}

/** Counts and entries of each service added up from its months; a level's `lq` from `levels`. */
function addUp(months: readonly MonthRow[], levels: readonly { service: string; lq: number }[]): ServiceRow[] {
  const byService = new Map<string, ServiceRow>();
  for (const m of months) {
    const s = byService.get(m.service);
    if (s) {
      s.q += m.q;
      s.n += m.n;
    } else byService.set(m.service, { service: m.service, q: m.q, lq: m.q, n: m.n });
  }
  for (const r of levels) {
    const s = byService.get(r.service);
    if (s) s.lq = r.lq;
  }
  return [...byService.values()];
}

/**
 * Totals of every member per service: counts and entries add up the service's months; a level
 * (the sum of the members' averages over their months with a figure) reads the members' years
 * when the period is whole years, else the service's cells grouped in SQL (no screen asks it).
 */
function wholeServices(ctx: AppContext, months: MonthRow[], params: { from: string; to: string; levels: string; service?: string }, svc: string): ServiceRow[] {
  const first = months.reduce((a, m) => (m.month < a ? m.month : a), '9999-12');
  const last = months.reduce((a, m) => (m.month > a ? m.month : a), '0000-01');
  const whole = params.from.endsWith('-01') && params.to.endsWith('-12');
  const levelRows = whole
    ? (stmt(
        ctx.db,
        `SELECT service, ${LEVEL_SUM_SQL} AS lq FROM (
           SELECT service, owner, sum(quantity_milli) AS sq, sum(months) AS m FROM received_usage_member_year
           WHERE service IN (SELECT value FROM json_each(@levels))${svc} AND year BETWEEN @fy AND @ty GROUP BY service, owner)
         GROUP BY service`,
      ).all({ ...params, fy: Number(params.from.slice(0, 4)), ty: Number(params.to.slice(0, 4)) }) as { service: string; lq: number }[])
    : (stmt(
        ctx.db,
        `SELECT service, ${LEVEL_SUM_SQL} AS lq FROM (
           SELECT service, owner, sum(quantity_milli) AS sq, count(*) AS m FROM received_usage_monthly INDEXED BY received_usage_monthly_by_service
           WHERE service IN (SELECT value FROM json_each(@levels))${svc} AND month BETWEEN @first AND @last GROUP BY service, owner)
         GROUP BY service`,
      ).all({ ...params, first, last }) as { service: string; lq: number }[]);
  return addUp(months, levelRows);
}
