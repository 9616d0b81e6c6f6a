/**
 * Migration 019 (issue 12): the totals per service × month and per service × year × member over
 * `received_usage_monthly`, built by the backfill from a version-18 database, then kept by
 * triggers through every kind of write (insert, upsert, update, delete) — always equal to the
 * same totals grouped from the cells.
 */
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/platform/store/open-store';
import { databaseAtVersion } from '../helpers/old-database';

const grouped = (db: Database.Database) => ({
  months: db
    .prepare('SELECT service, month, sum(quantity_milli) AS quantity_milli, sum(entries) AS entries, count(*) AS cells FROM received_usage_monthly GROUP BY service, month ORDER BY service, month')
    .all(),
  years: db
    .prepare(
      `SELECT service, CAST(substr(month, 1, 4) AS INTEGER) AS year, owner, sum(quantity_milli) AS quantity_milli, sum(entries) AS entries, count(*) AS months
       FROM received_usage_monthly GROUP BY service, year, owner ORDER BY service, year, owner`,
    )
    .all(),
});
const kept = (db: Database.Database) => ({
  months: db.prepare('SELECT service, month, quantity_milli, entries, cells FROM received_usage_service_month ORDER BY service, month').all(),
  years: db.prepare('SELECT service, year, owner, quantity_milli, entries, months FROM received_usage_member_year ORDER BY service, year, owner').all(),
});

describe('usage aggregates (migration 019)', () => {
  it('backfills from the cells of a version-18 database and follows every later write', () => {
    const dir = databaseAtVersion(18, (raw) => {
      const cell = raw.prepare('INSERT INTO received_usage_monthly (owner, service, month, quantity_milli, entries) VALUES (?, ?, ?, ?, ?)');
      cell.run('041067', 'PEC', '2025-12', 3000, 2);
      cell.run('041067', 'PEC', '2026-01', 4000, 1);
      cell.run('041044', 'PEC', '2026-01', 10_000, 3);
      cell.run('041044', 'SITO', '2026-02', 1500, 1);
    });
    const db = openStore(dir);
    expect(kept(db).months).toHaveLength(3);
    expect(kept(db)).toEqual(grouped(db));
    expect(db.prepare("SELECT quantity_milli, entries, cells FROM received_usage_service_month WHERE service = 'PEC' AND month = '2026-01'").get()).toEqual({ quantity_milli: 14_000, entries: 4, cells: 2 });

    // The usage projector's upsert and prune, the demo's upsert, a plain update and delete.
    const upsert = db.prepare(
      `INSERT INTO received_usage_monthly (owner, service, month, quantity_milli, entries) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (owner, service, month) DO UPDATE SET quantity_milli = quantity_milli + excluded.quantity_milli, entries = entries + excluded.entries`,
    );
    upsert.run('041067', 'PEC', '2026-01', 500, 1);
    upsert.run('041001', 'PEC', '2026-01', 700, 1);
    upsert.run('041044', 'SITO', '2026-02', -1500, -1);
    db.prepare("DELETE FROM received_usage_monthly WHERE owner = '041044' AND service = 'SITO' AND month = '2026-02' AND entries = 0").run();
    db.prepare("UPDATE received_usage_monthly SET month = '2026-03' WHERE owner = '041067' AND month = '2025-12'").run();
    expect(kept(db)).toEqual(grouped(db));
    // A month or year left without cells leaves no total behind.
    expect(db.prepare("SELECT count(*) FROM received_usage_service_month WHERE service = 'SITO' OR month = '2025-12'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM received_usage_member_year WHERE year = 2025').pluck().get()).toBe(0);
    db.close();
  });
});
