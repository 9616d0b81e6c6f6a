/**
 * What the regional hub shows (docs/federation.md): its provinces, the municipalities each one
 * vouches for, and usage totals region → province → municipality, read from the monthly totals
 * the usage projector keeps while bundles are applied (never recomputed from events).
 */
import type Database from 'better-sqlite3';
import type { MunicipalityUsage, ProvinceSummary, RegionUsage, RosterPage, UsageTotals, VouchedMember } from '../../../../shared/domain/federation';
import type { PageInfo } from '../../../../shared/domain/member-page';
import { combineMonths, combineSum, measureOf, type Measure } from '../../../../shared/domain/unit-measure';
import { appError } from '../../platform/errors';
import { LEVEL_SUM_SQL, serviceUnits } from '../../platform/store/service-units';
import { pageOf, searchByNameOrCode } from '../../platform/paging/paging';
import { findFederationHub, listFederationHubs, toFederationHub } from './federation-store';

export function listProvinces(db: Database.Database): ProvinceSummary[] {
  const stats = db.prepare(
    `SELECT COUNT(*) AS members, COUNT(p.last_received_at) AS withData, COALESCE(SUM(p.applied_seq), 0) AS events,
       MAX(p.last_received_at) AS lastReceivedAt
     FROM federation_members f LEFT JOIN peers p ON p.kind = 'municipality' AND p.id = f.istat
     WHERE f.province_id = ? AND f.vouched = 1`,
  );
  return listFederationHubs(db, 'province').map((h) => {
    const s = stats.get(h.id) as { members: number; withData: number; events: number; lastReceivedAt: string | null };
    return { ...toFederationHub(h), rosterSerial: h.rosterSerial, rosterAt: h.rosterAt, mailbox: h.mailboxUrl, lastCollection: h.lastCollection, members: s.members, membersWithData: s.withData, eventsReceived: s.events, lastReceivedAt: s.lastReceivedAt };
  });
}

export function provinceRoster(db: Database.Database, province: string): VouchedMember[] {
  if (!findFederationHub(db, 'province', province)) throw appError('federation.provinceUnknown', { id: province });
  const rows = db
    .prepare(
      `SELECT f.istat, f.name, f.vouched, p.key_id AS keyId, p.fingerprint, p.applied_seq AS events, p.last_received_at AS lastReceivedAt
       FROM federation_members f JOIN peers p ON p.kind = 'municipality' AND p.id = f.istat
       WHERE f.province_id = ? ORDER BY f.istat`,
    )
    .all(province) as { istat: string; name: string; vouched: number; keyId: string; fingerprint: string; events: number; lastReceivedAt: string | null }[];
  return rows.map((r) => ({ istat: r.istat, name: r.name, keyId: r.keyId, fingerprint: r.fingerprint, vouched: r.vouched === 1, eventsReceived: r.events, lastReceivedAt: r.lastReceivedAt }));
}

/** One page of a province's roster, by name, among the municipalities the search selects (name or ISTAT code). */
export function provinceRosterPage(db: Database.Database, q: { province: string; search?: string | undefined; page?: number | undefined; pageSize?: number | undefined }): RosterPage {
  const all = provinceRoster(db, q.province).sort((a, b) => a.name.localeCompare(b.name, 'it', { sensitivity: 'base' }) || a.istat.localeCompare(b.istat));
  const { rows, page } = pageOf(searchByNameOrCode(all, q.search), q);
  const province = listProvinces(db).find((p) => p.id === q.province) as ProvinceSummary;
  return { province, members: rows, page };
}

function emptyTotals(): UsageTotals {
  return { entries: 0, byService: [] };
}

/**
 * Adds one figure to totals: a member's (or a province's) figure for a service over the period,
 * already combined over its months (a count's sum, a level's average: combineSum). Across
 * members both add up: mailboxes held in a province are the sum of its members' averages.
 */
function add(t: UsageTotals, service: string, measure: Measure, entries: number, quantityMilli: number): void {
  t.entries += entries;
  const s = t.byService.find((x) => x.service === service);
  if (s) {
    s.entries += entries;
    s.quantityMilli += quantityMilli;
  } else t.byService.push({ service, measure, entries, quantityMilli });
}

/** Each service's unit in this office's catalogue ('' unknown: a count). */
function unitsOf(db: Database.Database): (service: string) => string {
  const units = serviceUnits(db);
  return (service) => units.get(service) ?? '';
}

/** A member's figures for a service over the period: the sum of its months (`quantity`) and how many have one. */
type UsageRow = { province: string; istat: string; name: string; service: string; entries: number; quantity: number; months: number };

export interface RegionUsageQuery {
  year?: number | undefined;
  province?: string | undefined;
  municipality?: string | undefined;
  totalsOnly?: boolean | undefined;
  search?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

/** The year's months as a half-open range of `YYYY-MM` (both null: every month). */
function monthRange(year: number | null): [number | null, string | null, string | null] {
  return [year, year === null ? null : `${year}-01`, year === null ? null : `${year + 1}-01`];
}

const YEAR_FILTER = '(? IS NULL OR (u.month >= ? AND u.month < ?))';

/**
 * A member's figures per service over the period, one row read by owner (`a`, joined ON the
 * given owner column): its year's totals (migration 019) or its totals over every year
 * (migration 024), both kept by triggers in the import's own transaction — never its cells.
 * `params` are the join's `?`, bound where the join stands in the statement.
 */
function figuresOf(owner: string, year: number | null): { join: string; params: unknown[] } {
  return year === null
    ? { join: `received_usage_member_total a ON a.owner = ${owner}`, params: [] }
    : { join: `received_usage_member_year a ON a.owner = ${owner} AND a.year = ?`, params: [year] };
}

/**
 * Region → province → municipality. The totals of each province are one grouped read (province
 * × service, summed by SQLite over its members' figures for the period: one row a member and
 * service, `figuresOf`), the region's are their sum, so the region's totals are exactly the sum
 * of its provinces'. A member's figure over the period is a count's sum or a level's average of
 * its months with a figure (mailboxes held, not mailboxes × months), as on the hub's own
 * screens; across members they add up. The municipalities listed are either every one with data
 * (no `page`: the CLI's whole table) or one page of the province's municipalities by name, with
 * data or not, their figures read by owner: a page costs 50 municipalities' rows whatever the
 * size of the region. Only a municipality's months are read from its cells.
 */
export function regionUsage(db: Database.Database, q: RegionUsageQuery): RegionUsage {
  const year = q.year ?? null;
  const hubs = listFederationHubs(db, 'province');
  if (q.province && !hubs.some((h) => h.id === q.province)) throw appError('federation.provinceUnknown', { id: q.province });
  const unitOf = unitsOf(db);
  const region = emptyTotals();
  const provinces = new Map<string, RegionUsage['provinces'][number]>();
  for (const h of hubs) provinces.set(h.id, { id: h.id, name: h.name, totals: emptyTotals(), municipalities: [] });
  // Per province and service, over its members' figures (CROSS JOIN: the members first,
  // whatever the statistics of a small store suggest), both sums: the months' (a count) and the
  // members' averages (a level).
  const figures = figuresOf('f.istat', year);
  const totals = db
    .prepare(
      `SELECT province, service, SUM(se) AS entries, SUM(sq) AS quantity, ${LEVEL_SUM_SQL} AS level FROM (
         SELECT f.province_id AS province, a.service, a.entries AS se, a.quantity_milli AS sq, a.months AS m
         FROM federation_members f CROSS JOIN ${figures.join})
       GROUP BY province, service ORDER BY province, service`,
    )
    .all(...figures.params) as { province: string; service: string; entries: number; quantity: number; level: number }[];
  for (const r of totals) {
    const p = provinces.get(r.province);
    if (!p) continue;
    const m = measureOf(unitOf(r.service));
    const q = m === 'level' ? r.level : r.quantity;
    add(p.totals, r.service, m, r.entries, q);
    add(region, r.service, m, r.entries, q);
  }
  const selected = [...provinces.values()].filter((p) => !q.province || p.id === q.province);
  const result: RegionUsage = { year, region, provinces: selected };
  // One municipality asked for, or the totals alone: no list beside them.
  const listed = (q.municipality || q.totalsOnly) && q.page === undefined ? { rows: [] } : q.page === undefined ? { rows: municipalitiesWithData(db, year, q.province) } : municipalitiesPage(db, year, q);
  for (const r of listed.rows) {
    const p = provinces.get(r.province);
    if (!p) continue;
    let m = p.municipalities.find((x) => x.istat === r.istat);
    if (!m) p.municipalities.push((m = { istat: r.istat, name: r.name, totals: emptyTotals() }));
    if (r.service !== null) add(m.totals, r.service, measureOf(unitOf(r.service)), r.entries, combineSum(unitOf(r.service), r.quantity, r.months) ?? 0);
  }
  if ('page' in listed) result.page = listed.page;
  if (q.municipality) result.municipality = municipalityUsage(db, year, q.municipality);
  return result;
}

/** Every municipality with data (of one province, or all), by ISTAT code: the CLI's table. */
function municipalitiesWithData(db: Database.Database, year: number | null, province: string | undefined): UsageRow[] {
  const figures = figuresOf('f.istat', year);
  return db
    .prepare(
      `SELECT f.province_id AS province, f.istat, f.name, a.service, a.entries, a.quantity_milli AS quantity, a.months
       FROM federation_members f CROSS JOIN ${figures.join}
       WHERE (? IS NULL OR f.province_id = ?) ORDER BY f.province_id, f.istat, a.service`,
    )
    .all(...figures.params, province ?? null, province ?? null) as UsageRow[];
}

/** One page (by name) of the municipalities of the province(s) the search selects; a row without data has a null service. */
function municipalitiesPage(db: Database.Database, year: number | null, q: RegionUsageQuery): { rows: (Omit<UsageRow, 'service'> & { service: string | null })[]; page: PageInfo } {
  const members = db
    .prepare(
      `SELECT istat, name, province_id AS province FROM federation_members
       WHERE (? IS NULL OR province_id = ?) ORDER BY name COLLATE NOCASE, istat`,
    )
    .all(q.province ?? null, q.province ?? null) as { istat: string; name: string; province: string }[];
  const { rows, page } = pageOf(searchByNameOrCode(members, q.search), q);
  const figures = figuresOf('j.value', year);
  const usage = db
    .prepare(
      `SELECT a.owner AS istat, a.service, a.entries, a.quantity_milli AS quantity, a.months
       FROM json_each(?) j CROSS JOIN ${figures.join} ORDER BY a.owner, a.service`,
    )
    .all(JSON.stringify(rows.map((m) => m.istat)), ...figures.params) as { istat: string; service: string; entries: number; quantity: number; months: number }[];
  const byMember = new Map<string, typeof usage>();
  for (const u of usage) byMember.set(u.istat, [...(byMember.get(u.istat) ?? []), u]);
  type PageRow = Omit<UsageRow, 'service'> & { service: string | null };
  return {
    rows: rows.flatMap((m): PageRow[] => {
      const cells = byMember.get(m.istat) ?? [];
      return cells.length ? cells.map((c) => ({ ...m, ...c })) : [{ ...m, service: null, entries: 0, quantity: 0, months: 0 }];
    }),
    page,
  };
}

function municipalityUsage(db: Database.Database, year: number | null, istat: string): MunicipalityUsage {
  const member = db
    .prepare(
      `SELECT f.istat, f.name, h.id, h.name AS provinceName FROM federation_members f
       JOIN federation_hubs h ON h.relation = 'province' AND h.id = f.province_id WHERE f.istat = ?`,
    )
    .get(istat) as { istat: string; name: string; id: string; provinceName: string } | undefined;
  if (!member) throw appError('federation.municipalityUnknown', { istat });
  const byMonth = db
    .prepare(
      `SELECT u.month, u.service, u.entries, u.quantity_milli AS quantityMilli FROM received_usage_monthly u
       WHERE u.owner = ? AND ${YEAR_FILTER} ORDER BY u.month, u.service`,
    )
    .all(istat, ...monthRange(year)) as MunicipalityUsage['byMonth'];
  // Over its months: a count's sum, a level's average of the months with a figure.
  const unitOf = unitsOf(db);
  const months = new Map<string, { entries: number; quantities: number[] }>();
  for (const m of byMonth) {
    const s = months.get(m.service) ?? { entries: 0, quantities: [] };
    s.entries += m.entries;
    s.quantities.push(m.quantityMilli);
    months.set(m.service, s);
  }
  const totals = emptyTotals();
  for (const [service, s] of [...months].sort(([a], [b]) => a.localeCompare(b))) add(totals, service, measureOf(unitOf(service)), s.entries, combineMonths(unitOf(service), s.quantities) ?? 0);
  return { istat: member.istat, name: member.name, province: { id: member.id, name: member.provinceName }, totals, byMonth };
}
