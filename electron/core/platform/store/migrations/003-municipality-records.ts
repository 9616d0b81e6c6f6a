import { PROVISIONAL_CATALOGUE, UNITS } from '../../../../../shared/records/catalogue';
import type { Migration } from './index';

/**
 * The municipality's records (issue 3): the current state of each record, for reading and
 * searching. The outbox holds every version; these tables hold the latest one.
 *
 * Usage is the hot table (a million rows after years of daily entries): `n` is its rowid for
 * keyset paging and FTS, `usage_by_date` and `usage_by_service_date` serve the list and its
 * filters, and `usage_monthly` keeps per-service-per-month totals updated in the same
 * transaction as every change, so totals never scan the entries.
 */
export const migration003MunicipalityRecords: Migration = {
  version: 3,
  name: 'municipality-records',
  up(db) {
    db.exec(`
      CREATE TABLE services (
        code      TEXT PRIMARY KEY,
        name_it   TEXT NOT NULL,
        name_en   TEXT NOT NULL,
        category  TEXT NOT NULL,
        unit      TEXT NOT NULL,
        unit_it   TEXT NOT NULL,
        unit_en   TEXT NOT NULL,
        decimals  INTEGER NOT NULL CHECK (decimals IN (0, 1)),
        source    TEXT NOT NULL CHECK (source IN ('provisional', 'hub')),
        position  INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE usage (
        n              INTEGER PRIMARY KEY,
        id             TEXT NOT NULL UNIQUE,
        service        TEXT NOT NULL REFERENCES services (code),
        date           TEXT NOT NULL,
        period         TEXT NOT NULL CHECK (period IN ('day', 'month')),
        quantity_milli INTEGER NOT NULL CHECK (quantity_milli > 0),
        citizens       INTEGER,
        businesses     INTEGER,
        offices        INTEGER,
        channel        TEXT,
        note           TEXT NOT NULL,
        version        INTEGER NOT NULL,
        updated_by     TEXT NOT NULL,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX usage_by_date ON usage (date, n);
      CREATE INDEX usage_by_service_date ON usage (service, date, n);

      CREATE TABLE usage_monthly (
        service        TEXT NOT NULL,
        month          TEXT NOT NULL,
        entries        INTEGER NOT NULL,
        quantity_milli INTEGER NOT NULL,
        PRIMARY KEY (service, month)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX usage_monthly_by_month ON usage_monthly (month, service);

      -- Notes only; rowid = usage.n. Maintained by the usage module in the same transaction.
      CREATE VIRTUAL TABLE usage_fts USING fts5 (note, tokenize = 'unicode61 remove_diacritics 2');

      CREATE TABLE staff (
        id           TEXT PRIMARY KEY,
        code         TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT,
        role         TEXT NOT NULL,
        office       TEXT NOT NULL,
        active       INTEGER NOT NULL CHECK (active IN (0, 1)),
        updated_by   TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      ) STRICT;

      CREATE TABLE courses (
        id          TEXT PRIMARY KEY,
        title       TEXT NOT NULL,
        area        TEXT NOT NULL,
        start_date  TEXT NOT NULL,
        end_date    TEXT NOT NULL,
        hours_milli INTEGER NOT NULL,
        mode        TEXT NOT NULL,
        provider    TEXT NOT NULL,
        consortium  INTEGER NOT NULL CHECK (consortium IN (0, 1)),
        updated_by  TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX courses_by_start ON courses (start_date);

      CREATE TABLE participations (
        id          TEXT PRIMARY KEY,
        staff_id    TEXT NOT NULL REFERENCES staff (id),
        course_id   TEXT NOT NULL REFERENCES courses (id),
        hours_milli INTEGER NOT NULL,
        completed   INTEGER NOT NULL CHECK (completed IN (0, 1)),
        evaluation  INTEGER CHECK (evaluation BETWEEN 1 AND 5),
        comment     TEXT NOT NULL,
        updated_by  TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        UNIQUE (course_id, staff_id)
      ) STRICT;
      CREATE INDEX participations_by_staff ON participations (staff_id);

      CREATE TABLE thematic_groups (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        description TEXT NOT NULL,
        source      TEXT NOT NULL CHECK (source IN ('local', 'hub')),
        updated_by  TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE group_memberships (
        id         TEXT PRIMARY KEY,
        group_id   TEXT NOT NULL REFERENCES thematic_groups (id),
        staff_id   TEXT NOT NULL REFERENCES staff (id),
        since      TEXT NOT NULL,
        until      TEXT,
        updated_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX group_memberships_by_group ON group_memberships (group_id);
      CREATE INDEX group_memberships_by_staff ON group_memberships (staff_id);

      CREATE TABLE group_meetings (
        id          TEXT PRIMARY KEY,
        group_id    TEXT NOT NULL REFERENCES thematic_groups (id),
        date        TEXT NOT NULL,
        hours_milli INTEGER NOT NULL,
        topic       TEXT NOT NULL,
        attendees   TEXT NOT NULL,
        updated_by  TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX group_meetings_by_group ON group_meetings (group_id, date);

      CREATE TABLE proposals (
        id         TEXT PRIMARY KEY,
        status     TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'withdrawn')),
        -- The record's data exactly as its last event carries it (ProposalData).
        data       TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- Files stored under <data dir>/attachments/<sha256>; one row per distinct content.
      CREATE TABLE attachments (
        sha256    TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        bytes     INTEGER NOT NULL,
        type      TEXT NOT NULL,
        stored_at TEXT NOT NULL
      ) STRICT;
    `);
    const insert = db.prepare(
      `INSERT INTO services (code, name_it, name_en, category, unit, unit_it, unit_en, decimals, source, position)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'provisional', ?)`,
    );
    PROVISIONAL_CATALOGUE.forEach((s, i) => {
      const unit = UNITS[s.unit];
      insert.run(s.code, s.name_it, s.name_en, s.category, s.unit, unit.it, unit.en, s.decimals ? 1 : 0, i + 1);
    });
  },
};
