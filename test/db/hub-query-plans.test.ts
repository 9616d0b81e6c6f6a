/** The hub views' hot queries use the intended indexes (EXPLAIN QUERY PLAN), and migration 006 on a version-5 file. */
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../electron/core/platform/store/migrations/index';
import { openStore } from '../../electron/core/platform/store/open-store';
import { usageCellsSql } from '../../electron/core/hub/usage/usage-by-member';
import { trainingSql } from '../../electron/core/hub/training/training-by-member';
import { OWNER_YEARS_SQL, PAGE_CELLS_SQL } from '../../electron/core/hub/usage/usage-page';
import { databaseAtVersion } from '../helpers/old-database';
import { tempDir } from '../helpers/temp-dir';

function plan(db: Database.Database, sql: string, params: unknown[] | Record<string, unknown> = []): string {
  const s = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const rows = (Array.isArray(params) ? s.all(...params) : s.all(params)) as { detail: string }[];
  return rows.map((r) => r.detail).join(' | ');
}

function seeded(): Database.Database {
  const db = openStore(tempDir());
  const ins = db.prepare('INSERT INTO received_usage_monthly (owner, service, month, quantity_milli, entries) VALUES (?, ?, ?, ?, ?)');
  const yearly = db.prepare('INSERT INTO hub_training_yearly (owner, year, participations, completed, hours_milli) VALUES (?, ?, 1, 1, 1000)');
  db.transaction(() => {
    for (let m = 0; m < 60; m++) {
      const owner = `0410${String(m).padStart(2, '0')}`;
      for (const service of ['PEC', 'SITO', 'PROTOCOLLO', 'ALBO']) for (let mo = 1; mo <= 12; mo++) ins.run(owner, service, `2026-${String(mo).padStart(2, '0')}`, 1000, 1);
      for (let y = 2020; y <= 2026; y++) yearly.run(owner, y);
    }
  })();
  db.exec('ANALYZE');
  return db;
}

describe('query plans of the hub views', () => {
  const db = seeded();

  it('a page of members: their cells by primary key, their years by the owner index (issue 12)', () => {
    const members = { owners: '["041001","041002"]', present: '["PEC","SITO"]', from: '2026-01', to: '2026-12' };
    expect(plan(db, PAGE_CELLS_SQL, members)).toMatch(/SEARCH c USING PRIMARY KEY \(owner=\? AND service=\? AND month>\? AND month<\?\)/);
    expect(plan(db, OWNER_YEARS_SQL, { ...members, fy: 2026, ty: 2026 })).toMatch(/SEARCH y USING INDEX received_usage_member_year_by_owner \(owner=\? AND year>\? AND year<\?\)/);
  });

  it.each([
    ['one member', { member: '041001' }, /USING PRIMARY KEY \(owner=\?/],
    ['one member and service', { member: '041001', service: 'PEC' }, /USING PRIMARY KEY \(owner=\? AND service=\?/],
    ['one service', { service: 'PEC' }, /USING COVERING INDEX received_usage_monthly_by_service \(service=\?/],
    ['a range of months', { from: '2026-03', to: '2026-04' }, /USING COVERING INDEX received_usage_monthly_by_service \(service=\? AND month>\? AND month<\?\)/],
    ['from a month on', { from: '2026-03' }, /USING COVERING INDEX received_usage_monthly_by_service \(service=\? AND month>\?\)/],
  ])('usage by member, %s', (_name, filter, expected) => {
    const { sql, params } = usageCellsSql(filter);
    const p = plan(db, sql, params);
    expect(p).toMatch(expected);
    expect(p).not.toMatch(/^SCAN received_usage_monthly/);
  });

  it('training hours of one year use the year index; of one member the primary key', () => {
    expect(plan(db, trainingSql({ year: 2025 }), { year: 2025 })).toMatch(/hub_training_yearly_by_year \(year=\?\)/);
    expect(plan(db, trainingSql({ member: '041001' }), { member: '041001' })).toMatch(/t USING PRIMARY KEY \(owner=\?\)/);
  });

  it('received proposals by status, waiting bundles by outcome, course totals by course', () => {
    expect(plan(db, "SELECT id FROM hub_proposals WHERE status = ? ORDER BY updated_at DESC", ['submitted'])).toMatch(/USING INDEX hub_proposals_by_status \(status=\?\)/);
    expect(
      plan(db, "SELECT DISTINCT file_sha256, sender_id FROM received_bundles WHERE outcome IN ('pending', 'kept') AND sender_kind = 'municipality'"),
    ).toMatch(/USING INDEX received_bundles_by_outcome/);
    expect(plan(db, 'SELECT owner FROM hub_training_course_totals WHERE course_id = ?', ['x'])).toMatch(/hub_training_course_totals_by_course \(course_id=\?\)/);
  });
});

describe('migration 006', () => {
  it('adds the registry columns to a version-5 database, keeping its members', () => {
    const dir = databaseAtVersion(5, (raw) => {
      raw.prepare("INSERT INTO members (istat, name, province, population, population_year, status, added_at) VALUES ('041067', 'Urbino', 'PU', 14000, 2021, 'confirmed', 'x')").run();
    });
    const db = openStore(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT istat, status, membership, member_since, record_id FROM members').all()).toEqual([
      { istat: '041067', status: 'confirmed', membership: 'active', member_since: null, record_id: null },
    ]);
    expect(() => db.prepare("UPDATE members SET membership = 'gone'").run()).toThrow(/CHECK/);
    db.close();
  });
});
