import type { Migration } from './index';

/**
 * Governance (issue 5): the hub's proposal evaluations, plan versions, cost statements and
 * consortium report. Additive only. The same tables serve both roles, as `hub_*` do: the hub
 * writes them with its own records (in the transaction of the change's event), a municipality
 * while applying a hub bundle. Each row keeps the record's `data` exactly as its event carries
 * it, plus the columns its queries need. `gov_allocations` (hub only) freezes the exact
 * allocation of a version when the Assembly approves it (population and usage change later).
 */
export const migration007Governance: Migration = {
  version: 7,
  name: 'governance',
  up(db) {
    db.exec(`
      CREATE TABLE gov_proposal_status (
        proposal_id      TEXT PRIMARY KEY,
        record_id        TEXT NOT NULL UNIQUE,
        owner            TEXT NOT NULL,
        status           TEXT NOT NULL,
        group_id         TEXT,
        total_hundredths INTEGER,
        data             TEXT NOT NULL,
        updated_at       TEXT NOT NULL
      ) STRICT;
      CREATE INDEX gov_proposal_status_by_status ON gov_proposal_status (status, total_hundredths);
      CREATE INDEX gov_proposal_status_by_owner ON gov_proposal_status (owner);
      -- The ranking reads the evaluated proposals only.
      CREATE INDEX gov_proposal_status_evaluated ON gov_proposal_status (total_hundredths) WHERE total_hundredths IS NOT NULL;

      CREATE TABLE gov_plan_versions (
        year       INTEGER NOT NULL,
        version    INTEGER NOT NULL,
        state      TEXT NOT NULL,
        data       TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (year, version)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE gov_statements (
        year       INTEGER NOT NULL,
        istat      TEXT NOT NULL,
        version    INTEGER NOT NULL,
        data       TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (year, istat, version)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE gov_reports (
        year       INTEGER PRIMARY KEY,
        data       TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE gov_allocations (
        year    INTEGER NOT NULL,
        version INTEGER NOT NULL,
        data    TEXT NOT NULL,
        PRIMARY KEY (year, version)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
