import type { Migration } from './index';

/**
 * The Technical Committee's roster (issue 15: designations). Additive. Numbered 16: 15 is the
 * network sync's (the runner takes the migrations in their listed order, by version).
 *
 * - `designations`: a municipality's own designation (record `technician_designation`, one per
 *   member): the names stay here, the event carries them only while names are shared.
 * - `designation_versions`: on the hub, every version of every member's designation, by the
 *   member's event seq (a member's stream is applied in order, so the last seq is the latest
 *   version whatever order its bundles arrived in); the roster on a date reads them.
 * - `committee_seats`: the hub's record `committee_seat`, one per member. On the hub written when
 *   it publishes; on a municipality by the projector of the hub's bundles. One table on both roles.
 */
export const migration016CommitteeRoster: Migration = {
  version: 16,
  name: 'committee-roster',
  up(db) {
    db.exec(`
      CREATE TABLE designations (
        id              TEXT PRIMARY KEY,
        technician_name TEXT NOT NULL,
        substitute_name TEXT NOT NULL,
        -- The record's data exactly as its last event carries it (DesignationData).
        data            TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      ) STRICT;

      CREATE TABLE designation_versions (
        owner     TEXT NOT NULL,
        seq       INTEGER NOT NULL,
        record_id TEXT NOT NULL,
        -- NULL for a delete: the member has no designation from then on.
        data      TEXT,
        at        TEXT NOT NULL,
        PRIMARY KEY (owner, seq)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE committee_seats (
        record_id  TEXT PRIMARY KEY,
        member     TEXT NOT NULL UNIQUE,
        data       TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
