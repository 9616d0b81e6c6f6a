/**
 * Governance store: migration 007 on a version-6 file keeps its data; the hot queries of the
 * plan (a service's usage per member for the allocation, statements, proposal ranking) use
 * their indexes.
 */
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../electron/core/platform/store/migrations/index';
import { openStore } from '../../electron/core/platform/store/open-store';
import { databaseAtVersion } from '../helpers/old-database';
import { tempDir } from '../helpers/temp-dir';

const plan = (db: Database.Database, sql: string, ...params: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('governance store', () => {
  it('migration 007 adds the governance tables to a version-6 database, keeping its records', () => {
    const dir = databaseAtVersion(6, (raw) => {
      raw.prepare("INSERT INTO received_usage_monthly (owner, service, month, quantity_milli, entries) VALUES ('041067', 'PEC', '2026-10', 9000, 2)").run();
    });
    const db = openStore(dir);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(7);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT quantity_milli FROM received_usage_monthly').pluck().get()).toBe(9000);
    for (const t of ['gov_proposal_status', 'gov_plan_versions', 'gov_statements', 'gov_reports', 'gov_allocations']) {
      expect(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()).toBe(0);
    }
    db.close();
  });

  it('hot queries use their indexes', () => {
    const db = openStore(tempDir());
    expect(
      plan(db, 'SELECT owner, sum(quantity_milli) AS q, count(*) AS months FROM received_usage_monthly INDEXED BY received_usage_monthly_by_service WHERE service = ? AND month BETWEEN ? AND ? GROUP BY owner', 'PEC', '2026-01', '2026-12'),
    ).toMatch(/USING COVERING INDEX received_usage_monthly_by_service \(service=\? AND month>\? AND month<\?\)/);
    expect(plan(db, 'SELECT data FROM gov_statements WHERE year = ? AND istat = ? ORDER BY version DESC LIMIT 1', 2027, '041067')).toMatch(/USING PRIMARY KEY \(year=\? AND istat=\?\)/);
    expect(plan(db, 'SELECT data FROM gov_proposal_status WHERE total_hundredths IS NOT NULL')).toMatch(/USING INDEX gov_proposal_status_evaluated/);
    expect(plan(db, 'SELECT record_id, data, updated_at FROM gov_proposal_status WHERE owner = ? ORDER BY updated_at DESC', '041067')).toMatch(/gov_proposal_status_by_owner \(owner=\?\)/);
    expect(plan(db, 'SELECT data FROM gov_plan_versions WHERE year = ? ORDER BY version', 2027)).toMatch(/USING PRIMARY KEY \(year=\?\)/);
    db.close();
  });
});
