/**
 * Migration 024 (issue 12): each member's usage over every year, per service
 * (`received_usage_member_total`), built by the backfill from a version-23 database, then kept by
 * triggers on the yearly totals through random imports (upserts), corrections that move a cell
 * to another year, and deletions — always equal to a recount grouped from the cells, and a
 * member left without cells of a service leaves no row behind.
 */
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/platform/store/open-store';
import { cellChurn } from '../helpers/cell-churn';
import { databaseAtVersion } from '../helpers/old-database';

const recount = (db: Database.Database) =>
  db
    .prepare('SELECT owner, service, sum(quantity_milli) AS quantity_milli, sum(entries) AS entries, count(*) AS months FROM received_usage_monthly GROUP BY owner, service ORDER BY owner, service')
    .all();
const kept = (db: Database.Database) => db.prepare('SELECT owner, service, quantity_milli, entries, months FROM received_usage_member_total ORDER BY owner, service').all();

const OWNERS = ['041067', '041044', '015146', '058091'];
const SERVICES = ['PEC', 'SITO', 'CONSERVAZIONE'];
const MONTHS = ['2024-12', '2025-06', '2025-12', '2026-01', '2026-03'];

describe('usage totals per member over every year (migration 024)', () => {
  it('backfills from a version-23 database and equals a recount after random imports, corrections across years and deletions', () => {
    const dir = databaseAtVersion(23, (raw) => {
      const cell = raw.prepare('INSERT INTO received_usage_monthly (owner, service, month, quantity_milli, entries) VALUES (?, ?, ?, ?, ?)');
      cell.run('041067', 'PEC', '2025-12', 3000, 2);
      cell.run('041067', 'PEC', '2026-01', 5000, 1);
      cell.run('015146', 'SITO', '2024-12', 1500, 1);
    });
    const db = openStore(dir);
    expect(kept(db)).toEqual(recount(db));
    expect(db.prepare("SELECT quantity_milli, months FROM received_usage_member_total WHERE owner = '041067' AND service = 'PEC'").get()).toEqual({ quantity_milli: 8000, months: 2 });

    const churn = cellChurn(db, 11, { owners: OWNERS, services: SERVICES, months: MONTHS });
    for (let step = 0; step < 400; step++) {
      const r = churn.rand(10);
      churn.write(r < 6 ? 'import' : r < 8 ? 'correct' : 'delete', churn.pick(OWNERS));
      if (step % 50 === 0) expect(kept(db)).toEqual(recount(db));
    }
    expect(kept(db)).toEqual(recount(db));
    expect(db.prepare('SELECT count(*) FROM received_usage_member_total WHERE months <= 0').pluck().get()).toBe(0);
    db.close();
  });
});
