/**
 * Migration 020 (issue 12): the totals per province × service × month over
 * `received_usage_monthly`, built by the backfill from a version-19 database, then kept by
 * triggers through random imports (upserts), corrections (updates), deletions of cells and
 * changes of the registry (a member added, moved, removed) — always equal to a recount grouped
 * from the cells joined to the registry. And the query a province or region filter runs seeks
 * the totals by their key.
 */
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { PROVINCE_MONTHS_SQL } from '../../electron/core/hub/usage/usage-page';
import { openStore } from '../../electron/core/platform/store/open-store';
import { cellChurn } from '../helpers/cell-churn';
import { databaseAtVersion } from '../helpers/old-database';

const recount = (db: Database.Database) =>
  db
    .prepare(
      `SELECT coalesce(m.province, '') AS province, c.service, c.month, sum(c.quantity_milli) AS quantity_milli, sum(c.entries) AS entries, count(*) AS cells
       FROM received_usage_monthly c LEFT JOIN members m ON m.istat = c.owner GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    )
    .all();
const kept = (db: Database.Database) =>
  db.prepare('SELECT province, service, month, quantity_milli, entries, cells FROM received_usage_province_month ORDER BY province, service, month').all();

const OWNERS = ['041067', '041044', '041001', '015146', '015002', '058091'];
const PROVINCE: Record<string, string> = { '041067': 'PU', '041044': 'PU', '041001': 'PU', '015146': 'MI', '015002': 'MI', '058091': 'RM' };
const SERVICES = ['PEC', 'SITO', 'CONSERVAZIONE'];
const MONTHS = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03'];

describe('usage totals per province (migration 022)', () => {
  it('backfills from a version-19 database and equals a recount after random imports, corrections, deletions and registry changes', () => {
    const dir = databaseAtVersion(19, (raw) => {
      const member = raw.prepare("INSERT INTO members (istat, name, province, population, status, added_at) VALUES (?, ?, ?, 1000, 'confirmed', 'x')");
      for (const o of OWNERS.slice(0, 5)) member.run(o, `Comune ${o}`, PROVINCE[o]);
      const cell = raw.prepare('INSERT INTO received_usage_monthly (owner, service, month, quantity_milli, entries) VALUES (?, ?, ?, ?, ?)');
      cell.run('041067', 'PEC', '2025-12', 3000, 2);
      cell.run('041044', 'PEC', '2025-12', 4000, 1);
      cell.run('015146', 'SITO', '2026-01', 1500, 1);
      // Rome sends before it is in the registry: its cells count under ''.
      cell.run('058091', 'PEC', '2026-01', 9000, 4);
    });
    const db = openStore(dir);
    expect(kept(db)).toEqual(recount(db));
    expect(db.prepare("SELECT quantity_milli, cells FROM received_usage_province_month WHERE province = 'PU' AND service = 'PEC' AND month = '2025-12'").get()).toEqual({ quantity_milli: 7000, cells: 2 });
    expect(db.prepare("SELECT cells FROM received_usage_province_month WHERE province = ''").pluck().get()).toBe(1);

    const churn = cellChurn(db, 7, { owners: OWNERS, services: SERVICES, months: MONTHS });
    const { rand, pick } = churn;
    for (let step = 0; step < 400; step++) {
      const owner = pick(OWNERS);
      const r = rand(10);
      if (r < 8) churn.write(r < 5 ? 'import' : r < 7 ? 'correct' : 'delete', owner);
      else if (r < 9) db.prepare("INSERT INTO members (istat, name, province, status, added_at) VALUES (?, 'x', ?, 'pending', 'x') ON CONFLICT (istat) DO UPDATE SET province = excluded.province").run(owner, pick(['PU', 'MI', 'RM', 'TO']));
      else db.prepare('DELETE FROM members WHERE istat = ?').run(owner);
      if (step % 50 === 0) expect(kept(db)).toEqual(recount(db));
    }
    expect(kept(db)).toEqual(recount(db));
    // A province left without cells leaves no total behind.
    expect(db.prepare('SELECT count(*) FROM received_usage_province_month WHERE cells <= 0').pluck().get()).toBe(0);
    db.close();
  });

  it('a province or region filter seeks the totals by province, service and month', () => {
    const db = openStore(databaseAtVersion(19));
    const p = db
      .prepare(`EXPLAIN QUERY PLAN ${PROVINCE_MONTHS_SQL}`)
      .all({ provinces: '["MI","BG"]', present: '["PEC"]', from: '2026-01', to: '2026-12' }) as { detail: string }[];
    expect(p.map((r) => r.detail).join(' | ')).toMatch(/SEARCH p USING PRIMARY KEY \(province=\? AND service=\? AND month>\? AND month<\?\)/);
    db.close();
  });
});
