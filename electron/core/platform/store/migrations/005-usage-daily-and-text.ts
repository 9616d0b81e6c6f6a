import type { Migration } from './index';

/**
 * Faster usage lists at a million entries (measured in test/bench/usage-speed.bench.ts):
 *  - `usage_daily`: per-day-per-service totals, kept like `usage_monthly` in the transaction
 *    of every change, so the totals of a period that starts or ends inside a month never
 *    read the entries (the monthly table serves the whole months);
 *  - `usage_fts` again, now carrying the service, date and quantity as UNINDEXED columns, so
 *    a text filter sorts, pages and sums from the (small) index of notes alone.
 * Both are derived from `usage` and rebuilt from it here: nothing of the records changes.
 */
export const migration005UsageDailyAndText: Migration = {
  version: 5,
  name: 'usage-daily-and-text',
  up(db) {
    db.exec(`
      CREATE TABLE usage_daily (
        date           TEXT NOT NULL,
        service        TEXT NOT NULL,
        entries        INTEGER NOT NULL,
        quantity_milli INTEGER NOT NULL,
        PRIMARY KEY (date, service)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO usage_daily (date, service, entries, quantity_milli)
        SELECT date, service, count(*), sum(quantity_milli) FROM usage WHERE true GROUP BY date, service;

      DROP TABLE usage_fts;
      CREATE VIRTUAL TABLE usage_fts USING fts5 (
        note, service UNINDEXED, date UNINDEXED, quantity_milli UNINDEXED,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      INSERT INTO usage_fts (rowid, note, service, date, quantity_milli)
        SELECT n, note, service, date, quantity_milli FROM usage WHERE note <> '';
    `);
  },
};
