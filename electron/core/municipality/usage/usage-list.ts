import type Database from 'better-sqlite3';
import type { ParsedInput } from '../../../../shared/api/contract';
import { formatMilli } from '../../../../shared/domain/quantity';
import type { UnitTotal, UsageList } from '../../../../shared/domain/usage';
import type { UnitCode } from '../../../../shared/records/catalogue';
import { combineMonths, measureOf } from '../../../../shared/domain/unit-measure';
import { listServices } from '../catalogue/catalogue-store';
import { appError } from '../../platform/errors';
import { stmt } from '../../platform/store/statements';
import { toUsageEntry, USAGE_COLUMNS, type UsageRow } from './usage-store';

type ListInput = ParsedInput<'usage.list'>;
export type UsageFilters = Omit<ListInput, 'limit' | 'cursor'>;

/**
 * One page of usage entries, newest first, with the number of entries matching the filters
 * and their totals per unit — without ever scanning the entries:
 *  - paging is by keyset (date, n), so a page costs the same however deep it is;
 *  - without text, the page walks `usage_by_date` or `usage_by_service_date`, and the totals
 *    come from `usage_monthly` for whole months and `usage_daily` for the partial months at
 *    the edges of the period;
 *  - with text, the FTS index of notes (which carries service, date and quantity) yields the
 *    totals and the page's rowids in one pass; only the page's rows are read. Its cost grows
 *    with the number of matching notes (~8,000 matches: tens of ms), not with the entries.
 */
export function listUsage(db: Database.Database, input: ListInput): UsageList {
  const cursor = input.cursor ? parseCursor(input.cursor) : null;
  const hasText = input.text !== undefined && input.text.trim() !== '';
  if (hasText) {
    const match = ftsQuery(input.text!);
    if (!match) return { rows: [], total: 0, totals: [], nextCursor: null };
    return listByText(db, input, match, cursor);
  }
  const where: string[] = [];
  const params: unknown[] = [];
  if (input.service) (where.push('service = ?'), params.push(input.service));
  if (input.from) (where.push('date >= ?'), params.push(input.from));
  if (input.to) (where.push('date <= ?'), params.push(input.to));
  // A row value, so the planner walks the index from the cursor (an OR would make it sort).
  if (cursor) (where.push('(date, n) < (?, ?)'), params.push(cursor.date, cursor.n));
  const rows = stmt(
    db,
    `SELECT ${USAGE_COLUMNS} FROM usage ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY date DESC, n DESC LIMIT ?`,
  ).all(...params, input.limit + 1) as UsageRow[];
  return page(rows, input.limit, totalsFromAggregates(db, input));
}

/**
 * One pass over the matches in the FTS index (which carries service, date and quantity):
 * totals and the page come from the same rows, and only the page's entries are read.
 */
function listByText(db: Database.Database, input: ListInput, match: string, cursor: { date: string; n: number } | null): UsageList {
  const where = ['usage_fts MATCH ?'];
  const params: unknown[] = [match];
  if (input.service) (where.push('service = ?'), params.push(input.service));
  if (input.from) (where.push('date >= ?'), params.push(input.from));
  if (input.to) (where.push('date <= ?'), params.push(input.to));
  const hits = stmt(db, `SELECT rowid, service, date, quantity_milli FROM usage_fts WHERE ${where.join(' AND ')}`)
    .raw(true)
    .all(...params) as [number, string, string, number][];
  const sums = new Map<string, ServiceSum>();
  for (const [, service, date, milli] of hits) {
    const month = monthOf(date);
    const k = `${service}\u0000${month}`;
    const s = sums.get(k) ?? { service, month, entries: 0, milli: 0 };
    s.entries += 1;
    s.milli += milli;
    sums.set(k, s);
  }
  const after = cursor ? hits.filter(([n, , date]) => date < cursor.date || (date === cursor.date && n < cursor.n)) : hits;
  after.sort((a, b) => (a[2] === b[2] ? b[0] - a[0] : a[2] < b[2] ? 1 : -1));
  const byN = stmt(db, `SELECT ${USAGE_COLUMNS} FROM usage WHERE n = ?`);
  const rows = after
    .slice(0, input.limit + 1)
    .map(([n]) => byN.get(n) as UsageRow | undefined)
    .filter((r): r is UsageRow => r !== undefined);
  return page(rows, input.limit, toTotals(db, [...sums.values()]));
}

function page(rows: UsageRow[], limit: number, totals: UnitTotal[]): UsageList {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown[shown.length - 1];
  return {
    rows: shown.map(toUsageEntry),
    total: totals.reduce((n, t) => n + t.entries, 0),
    totals,
    nextCursor: more && last ? `${last.date}|${last.n}` : null,
  };
}

function parseCursor(cursor: string): { date: string; n: number } {
  const m = /^(\d{4}-\d{2}-\d{2})\|(\d{1,15})$/.exec(cursor);
  if (!m) throw appError('usage.badCursor', {}, { field: 'cursor' });
  return { date: m[1]!, n: Number(m[2]) };
}

/** The typed words as an FTS5 query: each word a quoted prefix, all required. */
export function ftsQuery(text: string): string | null {
  const words = text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words.slice(0, 10).map((w) => `"${w}"*`).join(' AND ');
}

/** One service's entries in one month (a month may come in pieces: whole from the monthly table, edge days from the daily one). */
interface ServiceSum {
  service: string;
  month: string;
  entries: number;
  milli: number;
}

/**
 * Totals per unit. Services of one unit add up month by month (GB of the site and GB preserved
 * are GB held in all); over the months, a count adds up and a level (GB held) is its average
 * over the months with a figure, never their sum (shared/domain/unit-measure.ts).
 */
function toTotals(db: Database.Database, sums: ServiceSum[]): UnitTotal[] {
  const unitOf = new Map(listServices(db).map((s) => [s.code, s.unit] as [string, UnitCode]));
  const byService = new Map<string, { unit: UnitCode; entries: number; months: Map<string, number> }>();
  for (const r of sums) {
    const unit = unitOf.get(r.service);
    if (!unit) continue;
    let s = byService.get(r.service);
    if (!s) byService.set(r.service, (s = { unit, entries: 0, months: new Map() }));
    s.entries += r.entries;
    s.months.set(r.month, (s.months.get(r.month) ?? 0) + r.milli);
  }
  const byUnit = new Map<UnitCode, UnitTotal>();
  for (const s of byService.values()) {
    const t = byUnit.get(s.unit) ?? { unit: s.unit, measure: measureOf(s.unit), quantity: '0', quantityMilli: 0, entries: 0 };
    t.entries += s.entries;
    t.quantityMilli += combineMonths(s.unit, [...s.months.values()]) ?? 0;
    byUnit.set(s.unit, t);
  }
  return [...byUnit.values()]
    .filter((t) => t.entries > 0)
    .map((t) => ({ ...t, quantity: formatMilli(t.quantityMilli) }))
    .sort((a, b) => a.unit.localeCompare(b.unit));
}

const monthOf = (date: string) => date.slice(0, 7);
const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};
const shiftMonth = (month: string, by: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + by, 1)).toISOString().slice(0, 7);
};

/** Whole months from `usage_monthly`; the days of partial edge months from `usage_daily`. */
function totalsFromAggregates(db: Database.Database, f: UsageFilters): UnitTotal[] {
  const { from, to, service } = f;
  if (from && to && from > to) return [];
  const dayRanges: [string, string][] = [];
  let monthFrom = from ? monthOf(from) : '0000-00';
  let monthTo = to ? monthOf(to) : '9999-99';
  if (from && to && monthOf(from) === monthOf(to)) {
    if (!from.endsWith('-01') || to !== lastDayOf(monthOf(to))) {
      dayRanges.push([from, to]);
      monthTo = '0000-00'; // no whole month
    }
  } else {
    if (from && !from.endsWith('-01')) {
      dayRanges.push([from, lastDayOf(monthOf(from))]);
      monthFrom = shiftMonth(monthOf(from), 1);
    }
    if (to && to !== lastDayOf(monthOf(to))) {
      dayRanges.push([`${monthOf(to)}-01`, to]);
      monthTo = shiftMonth(monthOf(to), -1);
    }
  }
  const filter = service ? 'AND service = ?' : '';
  const extra = service ? [service] : [];
  const sums: ServiceSum[] = [];
  if (monthFrom <= monthTo) {
    sums.push(
      ...(stmt(db, `SELECT service, month, entries, quantity_milli AS milli FROM usage_monthly WHERE month BETWEEN ? AND ? ${filter}`).all(
        monthFrom,
        monthTo,
        ...extra,
      ) as ServiceSum[]),
    );
  }
  for (const [a, b] of dayRanges) {
    sums.push(
      ...(stmt(db, `SELECT service, substr(date, 1, 7) AS month, sum(entries) AS entries, sum(quantity_milli) AS milli FROM usage_daily WHERE date BETWEEN ? AND ? ${filter} GROUP BY service, month`).all(
        a,
        b,
        ...extra,
      ) as ServiceSum[]),
    );
  }
  return toTotals(db, sums);
}
