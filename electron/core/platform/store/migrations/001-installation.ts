import type { Migration } from './index';

/** The installation itself (one row, written once at first run), settings, the hub's member registry. */
export const migration001Installation: Migration = {
  version: 1,
  name: 'installation',
  up(db) {
    db.exec(`
      CREATE TABLE installation (
        singleton     INTEGER PRIMARY KEY CHECK (singleton = 1),
        role          TEXT NOT NULL CHECK (role IN ('municipality', 'hub')),
        id            TEXT NOT NULL,
        name          TEXT NOT NULL,
        operator      TEXT NOT NULL,
        province      TEXT,
        key_id        TEXT NOT NULL,
        signing_key   TEXT NOT NULL,
        age_recipient TEXT NOT NULL,
        created_at    TEXT NOT NULL
      ) STRICT;

      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE members (
        istat           TEXT PRIMARY KEY,
        name            TEXT NOT NULL,
        province        TEXT NOT NULL,
        population      INTEGER,
        population_year INTEGER,
        status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed')),
        added_at        TEXT NOT NULL
      ) STRICT;
    `);
  },
};
