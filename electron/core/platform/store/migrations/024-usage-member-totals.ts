import type Database from 'better-sqlite3';
import type { Migration } from './index';

/**
 * Hub: per member and service, every year of `received_usage_member_year` added up
 * (`received_usage_member_total`: the sum, the entries and the months with a figure), so that a
 * figure over all years — a level's average over every month a member has a figure — reads one
 * row a member and service, not one a year (the regional hub's "Tutti gli anni": 87,000 rows for
 * all of Italy instead of 870,000 grouped). Kept by triggers on the yearly totals, which
 * migration 019's triggers keep in the statement that changes a cell: the same transaction, no
 * writer can forget them.
 */
const ADD_YEAR = `
    INSERT INTO received_usage_member_total (owner, service, quantity_milli, entries, months) VALUES (new.owner, new.service, new.quantity_milli, new.entries, new.months)
      ON CONFLICT (owner, service) DO UPDATE SET quantity_milli = quantity_milli + excluded.quantity_milli, entries = entries + excluded.entries, months = months + excluded.months;`;

const SUBTRACT_YEAR = `
    UPDATE received_usage_member_total SET quantity_milli = quantity_milli - old.quantity_milli, entries = entries - old.entries, months = months - old.months
      WHERE owner = old.owner AND service = old.service;
    DELETE FROM received_usage_member_total WHERE owner = old.owner AND service = old.service AND months = 0;`;

const TRIGGERS = `
  CREATE TRIGGER received_usage_member_year_total_insert AFTER INSERT ON received_usage_member_year BEGIN${ADD_YEAR}
  END;
  CREATE TRIGGER received_usage_member_year_total_delete AFTER DELETE ON received_usage_member_year BEGIN${SUBTRACT_YEAR}
  END;
  CREATE TRIGGER received_usage_member_year_total_update AFTER UPDATE ON received_usage_member_year BEGIN${SUBTRACT_YEAR}${ADD_YEAR}
  END;`;

export function dropUsageMemberTotalTriggers(db: Database.Database): void {
  db.exec(`DROP TRIGGER IF EXISTS received_usage_member_year_total_insert;
           DROP TRIGGER IF EXISTS received_usage_member_year_total_delete;
           DROP TRIGGER IF EXISTS received_usage_member_year_total_update;`);
}

/** Builds the members' totals again from their years (the migration's backfill) and (re)creates the triggers. */
export function rebuildUsageMemberTotals(db: Database.Database): void {
  dropUsageMemberTotalTriggers(db);
  db.exec(`
    DELETE FROM received_usage_member_total;
    INSERT INTO received_usage_member_total (owner, service, quantity_milli, entries, months)
      SELECT owner, service, sum(quantity_milli), sum(entries), sum(months) FROM received_usage_member_year
      GROUP BY owner, service ORDER BY owner, service;
    ${TRIGGERS}`);
}

export const migration024UsageMemberTotals: Migration = {
  version: 24,
  name: 'usage-member-totals',
  up(db) {
    db.exec(`
      CREATE TABLE received_usage_member_total (
        owner          TEXT NOT NULL,
        service        TEXT NOT NULL,
        quantity_milli INTEGER NOT NULL,
        entries        INTEGER NOT NULL,
        months         INTEGER NOT NULL,
        PRIMARY KEY (owner, service)
      ) STRICT, WITHOUT ROWID;
    `);
    rebuildUsageMemberTotals(db);
  },
};
