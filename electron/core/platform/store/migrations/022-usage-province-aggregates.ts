import type Database from 'better-sqlite3';
import type { Migration } from './index';

/**
 * Hub: per province, service and month, the monthly cells of `received_usage_monthly` added up
 * (`received_usage_province_month`), so that usage filtered by a province or a region (Lombardia:
 * 1,500 members, ~200,000 cells a year) reads a few hundred totals, not every cell (issue 12).
 * A cell counts under its owner's province in the registry (`members.province`), '' while the
 * owner is not in the registry. Triggers keep it:
 *   - on the cells, in the statement that changes one (the bundle's import, the demo, a fork's
 *     rewind), exactly as migration 019's totals;
 *   - on the registry: a member added, removed or moved to another province carries its cells'
 *     totals from one province to the other (rare; a member's cells are ~1,300 over ten years).
 */
const PROVINCE_OF = (owner: string) => `coalesce((SELECT province FROM members WHERE istat = ${owner}), '')`;

const ADD_CELL = `
    INSERT INTO received_usage_province_month (province, service, month, quantity_milli, entries, cells) VALUES (${PROVINCE_OF('new.owner')}, new.service, new.month, new.quantity_milli, new.entries, 1)
      ON CONFLICT (province, service, month) DO UPDATE SET quantity_milli = quantity_milli + excluded.quantity_milli, entries = entries + excluded.entries, cells = cells + 1;`;

const SUBTRACT_CELL = `
    UPDATE received_usage_province_month SET quantity_milli = quantity_milli - old.quantity_milli, entries = entries - old.entries, cells = cells - 1
      WHERE province = ${PROVINCE_OF('old.owner')} AND service = old.service AND month = old.month;
    DELETE FROM received_usage_province_month WHERE province = ${PROVINCE_OF('old.owner')} AND service = old.service AND month = old.month AND cells = 0;`;

/** A member's cells added to a province's totals (one cell per service and month: the cells' key). */
const ADD_MEMBER = (istat: string, province: string) => `
    INSERT INTO received_usage_province_month (province, service, month, quantity_milli, entries, cells)
      SELECT ${province}, service, month, quantity_milli, entries, 1 FROM received_usage_monthly WHERE owner = ${istat} AND true
      ON CONFLICT (province, service, month) DO UPDATE SET quantity_milli = quantity_milli + excluded.quantity_milli, entries = entries + excluded.entries, cells = cells + 1;`;

const SUBTRACT_MEMBER = (istat: string, province: string) => `
    UPDATE received_usage_province_month AS p SET quantity_milli = p.quantity_milli - c.quantity_milli, entries = p.entries - c.entries, cells = p.cells - 1
      FROM (SELECT service, month, quantity_milli, entries FROM received_usage_monthly WHERE owner = ${istat}) AS c
      WHERE p.province = ${province} AND p.service = c.service AND p.month = c.month;
    DELETE FROM received_usage_province_month WHERE province = ${province} AND cells = 0;`;

const TRIGGERS = `
  CREATE TRIGGER received_usage_monthly_province_insert AFTER INSERT ON received_usage_monthly BEGIN${ADD_CELL}
  END;
  CREATE TRIGGER received_usage_monthly_province_delete AFTER DELETE ON received_usage_monthly BEGIN${SUBTRACT_CELL}
  END;
  CREATE TRIGGER received_usage_monthly_province_update AFTER UPDATE ON received_usage_monthly BEGIN${SUBTRACT_CELL}${ADD_CELL}
  END;
  CREATE TRIGGER members_usage_province_insert AFTER INSERT ON members BEGIN${SUBTRACT_MEMBER('new.istat', "''")}${ADD_MEMBER('new.istat', 'new.province')}
  END;
  CREATE TRIGGER members_usage_province_delete AFTER DELETE ON members BEGIN${SUBTRACT_MEMBER('old.istat', 'old.province')}${ADD_MEMBER('old.istat', "''")}
  END;
  CREATE TRIGGER members_usage_province_update AFTER UPDATE OF province, istat ON members WHEN old.province IS NOT new.province OR old.istat IS NOT new.istat BEGIN${SUBTRACT_MEMBER('old.istat', 'old.province')}${ADD_MEMBER('new.istat', 'new.province')}
  END;`;

export function dropUsageProvinceTriggers(db: Database.Database): void {
  db.exec(`DROP TRIGGER IF EXISTS received_usage_monthly_province_insert;
           DROP TRIGGER IF EXISTS received_usage_monthly_province_delete;
           DROP TRIGGER IF EXISTS received_usage_monthly_province_update;
           DROP TRIGGER IF EXISTS members_usage_province_insert;
           DROP TRIGGER IF EXISTS members_usage_province_delete;
           DROP TRIGGER IF EXISTS members_usage_province_update;`);
}

/**
 * Builds the provinces' totals again from the cells (the migration's backfill) and (re)creates
 * the triggers. One province at a time, its members' cells read by the cells' key: each group
 * sorts ~130,000 cells in memory, where one GROUP BY over all of Italy's 10.4 million would
 * sort them all through temporary files (measured minutes on a loaded machine). The cells of
 * owners not in the registry (found by a skip-scan of the distinct owners) go under ''.
 */
export function rebuildUsageProvinceAggregates(db: Database.Database): void {
  dropUsageProvinceTriggers(db);
  db.exec('DELETE FROM received_usage_province_month');
  const SUMS = 'sum(c.quantity_milli), sum(c.entries), count(*)';
  const ofProvince = db.prepare(`INSERT INTO received_usage_province_month (province, service, month, quantity_milli, entries, cells)
    SELECT m.province, c.service, c.month, ${SUMS} FROM members m CROSS JOIN received_usage_monthly c ON c.owner = m.istat
    WHERE m.province = ? GROUP BY c.service, c.month`);
  for (const province of db.prepare('SELECT DISTINCT province FROM members ORDER BY province').pluck().all()) ofProvince.run(province);
  db.exec(`
    INSERT INTO received_usage_province_month (province, service, month, quantity_milli, entries, cells)
      SELECT '', c.service, c.month, ${SUMS} FROM received_usage_monthly c WHERE c.owner IN (
        WITH RECURSIVE o(x) AS (
          SELECT (SELECT min(owner) FROM received_usage_monthly)
          UNION ALL SELECT (SELECT min(owner) FROM received_usage_monthly WHERE owner > o.x) FROM o WHERE o.x IS NOT NULL)
        SELECT x FROM o WHERE x IS NOT NULL AND x NOT IN (SELECT istat FROM members))
      GROUP BY c.service, c.month;
    ${TRIGGERS}`);
}

export const migration022UsageProvinceAggregates: Migration = {
  version: 22,
  name: 'usage-province-aggregates',
  up(db) {
    db.exec(`
      CREATE TABLE received_usage_province_month (
        province       TEXT NOT NULL,
        service        TEXT NOT NULL,
        month          TEXT NOT NULL,
        quantity_milli INTEGER NOT NULL,
        entries        INTEGER NOT NULL,
        cells          INTEGER NOT NULL,
        PRIMARY KEY (province, service, month)
      ) STRICT, WITHOUT ROWID;
    `);
    rebuildUsageProvinceAggregates(db);
  },
};
