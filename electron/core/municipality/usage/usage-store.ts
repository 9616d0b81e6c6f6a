import type Database from 'better-sqlite3';
import type { UsageEntry } from '../../../../shared/domain/usage';
import { formatMilli } from '../../../../shared/domain/quantity';
import type { UsageData } from '../../../../shared/records/usage';
import { stmt } from '../../platform/store/statements';

/** SQL of the usage entries and their monthly totals. */

export interface UsageRow {
  n: number;
  id: string;
  service: string;
  date: string;
  period: 'day' | 'month';
  quantity_milli: number;
  citizens: number | null;
  businesses: number | null;
  offices: number | null;
  channel: UsageEntry['channel'];
  note: string;
  version: number;
  updated_by: string;
  created_at: string;
  updated_at: string;
}

export const USAGE_COLUMNS = 'n, id, service, date, period, quantity_milli, citizens, businesses, offices, channel, note, version, updated_by, created_at, updated_at';

export function toUsageEntry(r: UsageRow): UsageEntry {
  return {
    id: r.id,
    service: r.service,
    date: r.date,
    period: r.period,
    quantity: formatMilli(r.quantity_milli),
    quantityMilli: r.quantity_milli,
    beneficiaries: { citizens: r.citizens, businesses: r.businesses, offices: r.offices },
    channel: r.channel,
    note: r.note,
    version: r.version,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
    createdAt: r.created_at,
  };
}

export function getUsageRow(db: Database.Database, id: string): UsageRow | undefined {
  return stmt(db, `SELECT ${USAGE_COLUMNS} FROM usage WHERE id = ?`).get(id) as UsageRow | undefined;
}

/** Inserts the row, its note in the full-text index and its share of the monthly total. */
export function insertUsageRow(db: Database.Database, id: string, d: UsageData, at: string): number {
  const info = stmt(
    db,
    `INSERT INTO usage (id, service, date, period, quantity_milli, citizens, businesses, offices, channel, note, version, updated_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
  ).run(id, d.service, d.date, d.period, d.quantity_milli, d.beneficiaries.citizens, d.beneficiaries.businesses, d.beneficiaries.offices, d.channel, d.note, d.updated_by, at, at);
  const n = Number(info.lastInsertRowid);
  if (d.note) insertText(db, n, d);
  addToTotals(db, d.service, d.date, 1, d.quantity_milli);
  return n;
}

export function updateUsageRow(db: Database.Database, old: UsageRow, d: UsageData, at: string): void {
  stmt(
    db,
    `UPDATE usage SET service = ?, date = ?, period = ?, quantity_milli = ?, citizens = ?, businesses = ?, offices = ?, channel = ?,
            note = ?, version = version + 1, updated_by = ?, updated_at = ? WHERE n = ?`,
  ).run(d.service, d.date, d.period, d.quantity_milli, d.beneficiaries.citizens, d.beneficiaries.businesses, d.beneficiaries.offices, d.channel, d.note, d.updated_by, at, old.n);
  // The text index carries service, date and quantity too: rewrite it whenever the row changes.
  if (old.note) stmt(db, 'DELETE FROM usage_fts WHERE rowid = ?').run(old.n);
  if (d.note) insertText(db, old.n, d);
  addToTotals(db, old.service, old.date, -1, -old.quantity_milli);
  addToTotals(db, d.service, d.date, 1, d.quantity_milli);
}

export function deleteUsageRow(db: Database.Database, old: UsageRow): void {
  stmt(db, 'DELETE FROM usage WHERE n = ?').run(old.n);
  if (old.note) stmt(db, 'DELETE FROM usage_fts WHERE rowid = ?').run(old.n);
  addToTotals(db, old.service, old.date, -1, -old.quantity_milli);
}

function insertText(db: Database.Database, n: number, d: UsageData): void {
  stmt(db, 'INSERT INTO usage_fts (rowid, note, service, date, quantity_milli) VALUES (?, ?, ?, ?, ?)').run(n, d.note, d.service, d.date, d.quantity_milli);
}

/**
 * The incremental totals per service per month and per day: updated with every change, in its
 * transaction, never recomputed. Lists and tables read them instead of the entries.
 */
function addToTotals(db: Database.Database, service: string, date: string, entries: number, milli: number): void {
  stmt(
    db,
    `INSERT INTO usage_daily (date, service, entries, quantity_milli) VALUES (?, ?, ?, ?)
     ON CONFLICT (date, service) DO UPDATE SET entries = entries + excluded.entries, quantity_milli = quantity_milli + excluded.quantity_milli`,
  ).run(date, service, entries, milli);
  stmt(
    db,
    `INSERT INTO usage_monthly (service, month, entries, quantity_milli) VALUES (?, ?, ?, ?)
     ON CONFLICT (service, month) DO UPDATE SET entries = entries + excluded.entries, quantity_milli = quantity_milli + excluded.quantity_milli`,
  ).run(service, date.slice(0, 7), entries, milli);
}

export interface MonthlyCell {
  service: string;
  month: string;
  entries: number;
  quantity_milli: number;
}

export function monthlyCells(db: Database.Database, fromMonth: string, toMonth: string): MonthlyCell[] {
  return stmt(
    db,
    'SELECT service, month, entries, quantity_milli FROM usage_monthly WHERE month BETWEEN ? AND ? AND entries > 0',
  ).all(fromMonth, toMonth) as MonthlyCell[];
}
