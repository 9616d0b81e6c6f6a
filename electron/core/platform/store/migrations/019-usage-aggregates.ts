import type Database from 'better-sqlite3';
import type { Migration } from './index';

/**
 * Hub: totals over the monthly cells of `received_usage_monthly` (issue 12, every hub screen at
 * national scale), so that a screen over all members reads a few hundred rows, not ~90,000 cells
 * a year:
 *   - `received_usage_service_month`: per service and month, every member added up, with the
 *     number of cells (members with a figure that month);
 *   - `received_usage_member_year`: per service, year and member, the sum and the number of
 *     months with a figure (a level's yearly average is sum / months), 7,896 rows a service-year.
 * Triggers keep them in the statement that changes a cell, so in the very transaction of the
 * bundle's import (the usage projector's upsert and prune), the demo, a fork's rewind: no writer
 * can forget them. Cells are counted as rows, as the views always did (`count(*)`).
 */
/** The new cell added to both totals (an aggregate row created at its first cell). */
const ADD_NEW = `
    INSERT INTO received_usage_service_month (service, month, quantity_milli, entries, cells) VALUES (new.service, new.month, new.quantity_milli, new.entries, 1)
      ON CONFLICT (service, month) DO UPDATE SET quantity_milli = quantity_milli + excluded.quantity_milli, entries = entries + excluded.entries, cells = cells + 1;
    INSERT INTO received_usage_member_year (service, year, owner, quantity_milli, entries, months) VALUES (new.service, CAST(substr(new.month, 1, 4) AS INTEGER), new.owner, new.quantity_milli, new.entries, 1)
      ON CONFLICT (service, year, owner) DO UPDATE SET quantity_milli = quantity_milli + excluded.quantity_milli, entries = entries + excluded.entries, months = months + 1;`;

/** The old cell taken from both totals (an aggregate row dropped with its last cell). */
const SUBTRACT_OLD = `
    UPDATE received_usage_service_month SET quantity_milli = quantity_milli - old.quantity_milli, entries = entries - old.entries, cells = cells - 1
      WHERE service = old.service AND month = old.month;
    DELETE FROM received_usage_service_month WHERE service = old.service AND month = old.month AND cells = 0;
    UPDATE received_usage_member_year SET quantity_milli = quantity_milli - old.quantity_milli, entries = entries - old.entries, months = months - 1
      WHERE service = old.service AND year = CAST(substr(old.month, 1, 4) AS INTEGER) AND owner = old.owner;
    DELETE FROM received_usage_member_year WHERE service = old.service AND year = CAST(substr(old.month, 1, 4) AS INTEGER) AND owner = old.owner AND months = 0;`;

const TRIGGERS = `
  CREATE TRIGGER received_usage_monthly_agg_insert AFTER INSERT ON received_usage_monthly BEGIN${ADD_NEW}
  END;
  CREATE TRIGGER received_usage_monthly_agg_delete AFTER DELETE ON received_usage_monthly BEGIN${SUBTRACT_OLD}
  END;
  CREATE TRIGGER received_usage_monthly_agg_update AFTER UPDATE ON received_usage_monthly BEGIN${SUBTRACT_OLD}${ADD_NEW}
  END;`;

export function dropUsageAggregateTriggers(db: Database.Database): void {
  db.exec(`DROP TRIGGER IF EXISTS received_usage_monthly_agg_insert;
           DROP TRIGGER IF EXISTS received_usage_monthly_agg_delete;
           DROP TRIGGER IF EXISTS received_usage_monthly_agg_update;`);
}

/** Builds both totals again from the cells (the migration's backfill) and (re)creates the triggers. */
export function rebuildUsageAggregates(db: Database.Database): void {
  dropUsageAggregateTriggers(db);
  db.exec(`
    DELETE FROM received_usage_service_month;
    DELETE FROM received_usage_member_year;
    INSERT INTO received_usage_service_month (service, month, quantity_milli, entries, cells)
      SELECT service, month, sum(quantity_milli), sum(entries), count(*) FROM received_usage_monthly INDEXED BY received_usage_monthly_by_service GROUP BY service, month;
    INSERT INTO received_usage_member_year (service, year, owner, quantity_milli, entries, months)
      SELECT service, CAST(substr(month, 1, 4) AS INTEGER) AS year, owner, sum(quantity_milli), sum(entries), count(*) FROM received_usage_monthly GROUP BY service, year, owner ORDER BY service, year, owner;
    ${TRIGGERS}`);
}

export const migration019UsageAggregates: Migration = {
  version: 19,
  name: 'usage-aggregates',
  up(db) {
    db.exec(`
      CREATE TABLE received_usage_service_month (
        service        TEXT NOT NULL,
        month          TEXT NOT NULL,
        quantity_milli INTEGER NOT NULL,
        entries        INTEGER NOT NULL,
        cells          INTEGER NOT NULL,
        PRIMARY KEY (service, month)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE received_usage_member_year (
        service        TEXT NOT NULL,
        year           INTEGER NOT NULL,
        owner          TEXT NOT NULL,
        quantity_milli INTEGER NOT NULL,
        entries        INTEGER NOT NULL,
        months         INTEGER NOT NULL,
        PRIMARY KEY (service, year, owner)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX received_usage_member_year_by_owner ON received_usage_member_year (owner, year, service);
    `);
    rebuildUsageAggregates(db);
  },
};
