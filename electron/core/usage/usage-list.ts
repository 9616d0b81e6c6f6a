import type Database from 'better-sqlite3';
import type { ParsedInput } from '../../../shared/api/contract';
import { formatMilli } from '../../../shared/domain/quantity';
import type { UnitTotal, UsageList } from '../../../shared/domain/usage';
import type { UnitCode } from '../../../shared/records/catalogue';
import { AppError } from '../errors';
import { stmt } from '../records/statements';
import { toUsageEntry, USAGE_COLUMNS, type UsageRow } from './usage-store';

type ListInput = ParsedInput<'usage.list'>;
export type UsageFilters = Omit<ListInput, 'limit' | 'cursor'>;

/**
 * Above this many text matches, the list walks the date index and checks matches; below it,
 * it fetches the matching rows by rowid and sorts them (a rare word in a million notes).
 */
const FEW_MATCHES = 20_000;

/**
 * One page of usage entries, newest first, with the number of entries matching the filters
 * and their totals per unit. Paging is by keyset (date, n): the cost of a page does not grow
 * with how deep it is. Totals come from the monthly table for whole months and from the rows
 * only for the partial months at the edges of the period, so they never scan the table.
 */
export function listUsage(db: Database.Database, input: ListInput): UsageList {
  const match = input.text ? ftsQuery(input.text) : null;
  if (input.text !== undefined && input.text.trim() !== '' && match === null) return { rows: [], total: 0, totals: [], nextCursor: null };
  let fewMatches = false;
  if (match) {
    const count = (stmt(db, 'SELECT count(*) AS c FROM usage_fts WHERE usage_fts MATCH ?').get(match) as { c: number }).c;
    if (count === 0) return { rows: [], total: 0, totals: [], nextCursor: null };
    fewMatches = count <= FEW_MATCHES;
  }
  // With few matches, a unary `+` keeps the planner off the date indexes: it fetches the
  // matched rows by rowid and sorts them instead of walking a million index entries.
  const { where: pageWhere, params: pageParams } = filterSql(input, match, fewMatches ? '+' : '');
  if (input.cursor) {
    const c = parseCursor(input.cursor);
    const date = fewMatches ? '+date' : 'date';
    pageWhere.push(`(${date} < ? OR (${date} = ? AND n < ?))`);
    pageParams.push(c.date, c.date, c.n);
  }
  const sqlWhere = pageWhere;
  const sql = `SELECT ${USAGE_COLUMNS} FROM usage ${sqlWhere.length ? `WHERE ${sqlWhere.join(' AND ')}` : ''}
               ORDER BY date DESC, n DESC LIMIT ?`;
  const rows = stmt(db, sql).all(...pageParams, input.limit + 1) as UsageRow[];
  const more = rows.length > input.limit;
  const page = more ? rows.slice(0, input.limit) : rows;
  const last = page[page.length - 1];
  const totals = match ? totalsFromRows(db, filterSql(input, match, 'u.')) : totalsFromMonthly(db, input);
  return {
    rows: page.map(toUsageEntry),
    total: totals.reduce((n, t) => n + t.entries, 0),
    totals,
    nextCursor: more && last ? `${last.date}|${last.n}` : null,
  };
}

function parseCursor(cursor: string): { date: string; n: number } {
  const m = /^(\d{4}-\d{2}-\d{2})\|(\d{1,15})$/.exec(cursor);
  if (!m) throw new AppError('E_VALIDATION', 'Campo «cursor»: segnalibro di pagina non valido; ricaricare l’elenco.', { field: 'cursor' });
  return { date: m[1]!, n: Number(m[2]) };
}

/** The typed words as an FTS5 query: each word a quoted prefix, all required. */
export function ftsQuery(text: string): string | null {
  const words = text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words.slice(0, 10).map((w) => `"${w}"*`).join(' AND ');
}

interface UnitRow {
  unit: UnitCode;
  entries: number;
  milli: number;
}

function toTotals(rows: UnitRow[]): UnitTotal[] {
  const byUnit = new Map<UnitCode, UnitTotal>();
  for (const r of rows) {
    const t = byUnit.get(r.unit) ?? { unit: r.unit, quantity: '0', quantityMilli: 0, entries: 0 };
    t.entries += r.entries;
    t.quantityMilli += r.milli;
    byUnit.set(r.unit, t);
  }
  return [...byUnit.values()]
    .filter((t) => t.entries > 0)
    .map((t) => ({ ...t, quantity: formatMilli(t.quantityMilli) }))
    .sort((a, b) => a.unit.localeCompare(b.unit));
}

function filterSql(f: UsageFilters, match: string | null, prefix: '' | '+' | 'u.'): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.service) (where.push(`${prefix}service = ?`), params.push(f.service));
  if (f.from) (where.push(`${prefix}date >= ?`), params.push(f.from));
  if (f.to) (where.push(`${prefix}date <= ?`), params.push(f.to));
  if (match) (where.push(`${prefix === 'u.' ? 'u.' : ''}n IN (SELECT rowid FROM usage_fts WHERE usage_fts MATCH ?)`), params.push(match));
  return { where, params };
}

function totalsFromRows(db: Database.Database, { where, params }: { where: string[]; params: unknown[] }): UnitTotal[] {
  const sql = `SELECT s.unit AS unit, count(*) AS entries, sum(u.quantity_milli) AS milli
               FROM usage u JOIN services s ON s.code = u.service
               ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
               GROUP BY s.unit`;
  return toTotals(stmt(db, sql).all(...params) as UnitRow[]);
}

const monthOf = (date: string) => date.slice(0, 7);
const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};
const shiftMonth = (month: string, by: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
};

/** Whole months from `usage_monthly`; partial edge months from the rows (bounded by two months). */
function totalsFromMonthly(db: Database.Database, f: UsageFilters): UnitTotal[] {
  const { from, to, service } = f;
  if (from && to && from > to) return [];
  const rowRanges: [string, string][] = [];
  let monthFrom = from ? monthOf(from) : '0000-00';
  let monthTo = to ? monthOf(to) : '9999-99';
  if (from && to && monthOf(from) === monthOf(to)) {
    if (!from.endsWith('-01') || to !== lastDayOf(monthOf(to))) {
      rowRanges.push([from, to]);
      monthTo = '0000-00'; // no whole month
    }
  } else {
    if (from && !from.endsWith('-01')) {
      rowRanges.push([from, lastDayOf(monthOf(from))]);
      monthFrom = shiftMonth(monthOf(from), 1);
    }
    if (to && to !== lastDayOf(monthOf(to))) {
      rowRanges.push([`${monthOf(to)}-01`, to]);
      monthTo = shiftMonth(monthOf(to), -1);
    }
  }
  const rows: UnitRow[] = [];
  if (monthFrom <= monthTo) {
    const sql = `SELECT s.unit AS unit, sum(m.entries) AS entries, sum(m.quantity_milli) AS milli
                 FROM usage_monthly m JOIN services s ON s.code = m.service
                 WHERE m.month BETWEEN ? AND ? ${service ? 'AND m.service = ?' : ''} GROUP BY s.unit`;
    rows.push(...(stmt(db, sql).all(monthFrom, monthTo, ...(service ? [service] : [])) as UnitRow[]));
  }
  for (const [a, b] of rowRanges) {
    const sql = `SELECT s.unit AS unit, count(*) AS entries, sum(u.quantity_milli) AS milli
                 FROM usage u JOIN services s ON s.code = u.service
                 WHERE u.date BETWEEN ? AND ? ${service ? 'AND u.service = ?' : ''} GROUP BY s.unit`;
    rows.push(...(stmt(db, sql).all(a, b, ...(service ? [service] : [])) as UnitRow[]));
  }
  return toTotals(rows);
}
