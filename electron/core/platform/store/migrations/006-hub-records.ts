import type { Migration } from './index';

/**
 * The hub's own records and its views of the members' records (issue 4). Additive only.
 *
 * The same `hub_*` tables serve both roles: on the hub they hold its own records (written by
 * its editing API in the transaction of the change's event); on a municipality they hold the
 * hub's records as received (written by the projectors while a hub bundle is applied). Each row
 * keeps the record's `data` exactly as its event carries it, plus the columns its queries need.
 *
 * The members' registry stays in `members` (migration 001) on both roles; here it gains the
 * public record's fields. The views' aggregates (`hub_training_*`, `hub_staff_counts`,
 * `hub_proposals`) are kept incrementally by projectors while members' bundles are applied.
 */
export const migration006HubRecords: Migration = {
  version: 6,
  name: 'hub-records',
  up(db) {
    db.exec(`
      CREATE TABLE hub_services (
        id         TEXT PRIMARY KEY,
        code       TEXT NOT NULL UNIQUE,
        position   INTEGER NOT NULL,
        active     INTEGER NOT NULL CHECK (active IN (0, 1)),
        data       TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE hub_courses (
        id         TEXT PRIMARY KEY,
        start_date TEXT NOT NULL,
        data       TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX hub_courses_by_start ON hub_courses (start_date);

      CREATE TABLE hub_groups (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        data       TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      ALTER TABLE members ADD COLUMN record_id TEXT;
      ALTER TABLE members ADD COLUMN membership TEXT NOT NULL DEFAULT 'active' CHECK (membership IN ('active', 'withdrawn'));
      ALTER TABLE members ADD COLUMN member_since TEXT;
      ALTER TABLE members ADD COLUMN updated_at TEXT;

      -- Hub: the service filter of the usage view (the month index serves month ranges).
      -- Covering: a service over a year reads ~95,000 cells with every municipality of Italy,
      -- and a lookup into the table for each would cost twice the read (measured).
      CREATE INDEX received_usage_monthly_by_service ON received_usage_monthly (service, month, owner, quantity_milli, entries);

      -- Hub: training received from members. Year of each member-owned course (offered courses
      -- are in hub_courses); per course and member the totals of its participations; per
      -- member and year the same totals (year 0: course unknown here).
      CREATE TABLE hub_training_courses (
        id     TEXT PRIMARY KEY,
        owner  TEXT NOT NULL,
        year   INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE hub_training_course_totals (
        owner          TEXT NOT NULL,
        course_id      TEXT NOT NULL,
        participations INTEGER NOT NULL,
        completed      INTEGER NOT NULL,
        hours_milli    INTEGER NOT NULL,
        PRIMARY KEY (owner, course_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX hub_training_course_totals_by_course ON hub_training_course_totals (course_id);
      CREATE TABLE hub_training_yearly (
        owner          TEXT NOT NULL,
        year           INTEGER NOT NULL,
        participations INTEGER NOT NULL,
        completed      INTEGER NOT NULL,
        hours_milli    INTEGER NOT NULL,
        PRIMARY KEY (owner, year)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX hub_training_yearly_by_year ON hub_training_yearly (year, owner);
      CREATE TABLE hub_staff_counts (
        owner        TEXT PRIMARY KEY,
        staff        INTEGER NOT NULL,
        active_staff INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;

      -- Hub: proposals received, their events (the data of each is the inbox line at
      -- peer_no · 2^40 + seq) and the attachments they list.
      CREATE TABLE hub_proposals (
        id           TEXT PRIMARY KEY,
        owner        TEXT NOT NULL,
        peer_no      INTEGER NOT NULL,
        status       TEXT NOT NULL,
        version      INTEGER NOT NULL,
        title        TEXT NOT NULL,
        submitted_at TEXT,
        last_seq     INTEGER NOT NULL,
        updated_at   TEXT NOT NULL,
        data         TEXT NOT NULL
      ) STRICT;
      CREATE INDEX hub_proposals_by_status ON hub_proposals (status, updated_at);
      CREATE INDEX hub_proposals_by_owner ON hub_proposals (owner, updated_at);
      CREATE TABLE hub_proposal_events (
        proposal_id TEXT NOT NULL,
        seq         INTEGER NOT NULL,
        at          TEXT NOT NULL,
        PRIMARY KEY (proposal_id, seq)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE hub_proposal_attachments (
        sha256      TEXT NOT NULL,
        proposal_id TEXT NOT NULL,
        name        TEXT NOT NULL,
        type        TEXT NOT NULL,
        bytes       INTEGER NOT NULL,
        PRIMARY KEY (sha256, proposal_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX hub_proposal_attachments_by_proposal ON hub_proposal_attachments (proposal_id);
    `);
  },
};
