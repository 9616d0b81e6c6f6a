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

    let seed = 11;
    const rand = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
    const pick = <T>(xs: readonly T[]) => xs[rand(xs.length)]!;
    const upsert = db.prepare(
      `INSERT INTO received_usage_monthly (owner, service, month, quantity_milli, entries) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (owner, service, month) DO UPDATE SET quantity_milli = quantity_milli + excluded.quantity_milli, entries = entries + excluded.entries`,
    );
    for (let step = 0; step < 400; step++) {
      const owner = pick(OWNERS);
      const r = rand(10);
      if (r < 6) upsert.run(owner, pick(SERVICES), pick(MONTHS), 1000 * (1 + rand(50)), 1 + rand(3));
      else if (r < 8) db.prepare('UPDATE OR IGNORE received_usage_monthly SET quantity_milli = ?, month = ? WHERE owner = ? AND service = ? AND month = ?').run(1000 * rand(9), pick(MONTHS), owner, pick(SERVICES), pick(MONTHS));
      else db.prepare('DELETE FROM received_usage_monthly WHERE owner = ? AND service = ?').run(owner, pick(SERVICES));
      if (step % 50 === 0) expect(kept(db)).toEqual(recount(db));
    }
    expect(kept(db)).toEqual(recount(db));
    expect(db.prepare('SELECT count(*) FROM received_usage_member_total WHERE months <= 0').pluck().get()).toBe(0);
    db.close();
  });
});
