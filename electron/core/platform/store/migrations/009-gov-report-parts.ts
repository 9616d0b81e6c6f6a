import type { Migration } from './index';

/**
 * The consortium report in parts (issue 5): one year's report is a summary (`gov_reports`) and
 * parts carrying its rows and good practices (`consortium_report_part` records), so that no
 * record exceeds a bundle line with every municipality of Italy. Each part keeps the record's
 * `data` as its event carries it; `revision` ties it to the summary it belongs to. Additive only.
 */
export const migration009GovReportParts: Migration = {
  version: 9,
  name: 'gov-report-parts',
  up(db) {
    db.exec(`
      CREATE TABLE gov_report_parts (
        year       INTEGER NOT NULL,
        part       INTEGER NOT NULL,
        revision   INTEGER NOT NULL,
        data       TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (year, part)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
