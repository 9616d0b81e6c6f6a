import type { Migration } from './index';

/**
 * Federation of hubs (issue 12, docs/federation.md). On a provincial hub: the regional hub it
 * reports to (`federation_hubs`, relation 'regional') and which received files it forwarded
 * (`federation_forwarded`). On a regional hub: its provinces (relation 'province') and the
 * municipalities each one vouches for in its signed roster (`federation_members`); their bundles
 * go to the ordinary `peers` and inbox tables. Numbered 018: the next free number when written.
 */
export const migration018Federation: Migration = {
  version: 18,
  name: 'federation',
  up(db) {
    db.exec(`
      CREATE TABLE federation_hubs (
        relation      TEXT NOT NULL CHECK (relation IN ('regional', 'province')),
        id            TEXT NOT NULL,
        name          TEXT NOT NULL,
        signing_key   TEXT NOT NULL,
        key_id        TEXT NOT NULL,
        age_recipient TEXT NOT NULL,
        fingerprint   TEXT NOT NULL,
        status        TEXT NOT NULL CHECK (status IN ('pending', 'confirmed')),
        imported_at   TEXT NOT NULL,
        confirmed_at  TEXT,
        roster_serial INTEGER NOT NULL DEFAULT 0,
        roster_at     TEXT,
        PRIMARY KEY (relation, id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE federation_members (
        istat         TEXT PRIMARY KEY,
        province_id   TEXT NOT NULL,
        name          TEXT NOT NULL,
        roster_serial INTEGER NOT NULL,
        vouched       INTEGER NOT NULL CHECK (vouched IN (0, 1))
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX federation_members_by_province ON federation_members (province_id, istat);

      CREATE TABLE federation_forwarded (
        file_sha256  TEXT PRIMARY KEY,
        forwarded_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
