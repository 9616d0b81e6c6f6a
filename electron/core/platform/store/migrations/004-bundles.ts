import type { Migration } from './index';

/**
 * Bundles (docs/bundle-format.md): the peers whose identities we imported, the received streams
 * stored byte for byte, the read-only copies of received records, and the journals of what
 * was exported and received.
 *
 * Hot path: importing a million events writes `inbox_events` and `received_records` once per
 * event: one B-tree each (plus the owner index of received_records).
 */
export const migration004Bundles: Migration = {
  version: 4,
  name: 'bundles',
  up(db) {
    db.exec(`
      CREATE TABLE peers (
        peer_no             INTEGER PRIMARY KEY,
        kind                TEXT NOT NULL CHECK (kind IN ('municipality', 'hub')),
        id                  TEXT NOT NULL,
        name                TEXT NOT NULL,
        signing_key         TEXT NOT NULL,
        key_id              TEXT NOT NULL,
        age_recipient       TEXT NOT NULL,
        fingerprint         TEXT NOT NULL,
        identity_created_at TEXT NOT NULL,
        status              TEXT NOT NULL CHECK (status IN ('pending', 'confirmed')),
        imported_at         TEXT NOT NULL,
        confirmed_at        TEXT,
        -- Their stream as applied here: h(applied_seq) is inbox_events' hash at that seq (h(0) at 0).
        applied_seq         INTEGER NOT NULL DEFAULT 0,
        applied_hash        BLOB NOT NULL DEFAULT (zeroblob(32)),
        last_received_at    TEXT,
        -- Their acknowledgement of OUR stream (never moves backwards).
        acked_seq           INTEGER,
        acked_hash          BLOB,
        acked_at            TEXT,
        -- 'events_lost': they acknowledged events we no longer have (restored backup);
        -- 'fork': their ack hash is not our h(ack.seq). Cleared only by an operator.
        ack_problem         TEXT CHECK (ack_problem IN ('events_lost', 'fork')),
        ack_problem_detail  TEXT,
        UNIQUE (kind, id)
      ) STRICT;

      -- The received streams, byte for byte. Keyed by one integer, peer_no · 2^40 + seq, so that
      -- a stream is appended in rowid order (lines are ~300 bytes: too big for WITHOUT ROWID).
      CREATE TABLE inbox_events (
        key     INTEGER PRIMARY KEY,
        peer_no INTEGER NOT NULL REFERENCES peers (peer_no),
        seq     INTEGER NOT NULL CHECK (seq >= 1 AND seq < 1099511627776),
        line    BLOB NOT NULL,
        hash    BLOB NOT NULL,
        CHECK (key = peer_no * 1099511627776 + seq)
      ) STRICT;

      -- Read-only copies keyed by (owner, id). Ids are UUIDs unique across installations: a
      -- second owner writing an existing id is refused (E_OWNERSHIP), so id alone is the key.
      -- The record's state is the data of the line at last_seq (inbox_events), not copied here.
      CREATE TABLE received_records (
        id       TEXT NOT NULL PRIMARY KEY,
        owner    TEXT NOT NULL,
        peer_no  INTEGER NOT NULL,
        kind     TEXT NOT NULL,
        last_seq INTEGER NOT NULL,
        deleted  INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX received_records_by_owner ON received_records (owner, kind);

      CREATE VIEW received_records_data AS
        SELECT r.owner, r.kind, r.id, r.last_seq, r.deleted,
               CASE WHEN r.deleted = 0 THEN json_extract(CAST(e.line AS TEXT), '$.data') END AS data
        FROM received_records r JOIN inbox_events e ON e.key = r.peer_no * 1099511627776 + r.last_seq;

      -- Every received file, archived as inbox/archive/<sha256>.cstb before any check.
      CREATE TABLE received_bundles (
        reception_no  INTEGER PRIMARY KEY,
        file_sha256   TEXT NOT NULL,
        original_name TEXT NOT NULL,
        received_at   TEXT NOT NULL,
        size          INTEGER NOT NULL,
        outcome       TEXT NOT NULL CHECK (outcome IN ('received', 'applied', 'duplicate', 'pending', 'kept', 'refused')),
        code          TEXT,
        message       TEXT,
        detail        TEXT,
        sender_kind   TEXT,
        sender_id     TEXT,
        first_seq     INTEGER,
        last_seq      INTEGER,
        bundle_id     TEXT,
        events_applied INTEGER NOT NULL DEFAULT 0,
        decided_at    TEXT
      ) STRICT;
      CREATE INDEX received_bundles_by_outcome ON received_bundles (outcome, sender_kind, sender_id);
      CREATE INDEX received_bundles_by_file ON received_bundles (file_sha256);

      CREATE TABLE bundle_exports (
        export_no      INTEGER PRIMARY KEY,
        bundle_id      TEXT NOT NULL,
        created_at     TEXT NOT NULL,
        recipient_kind TEXT NOT NULL,
        recipient_id   TEXT NOT NULL,
        first_seq      INTEGER NOT NULL,
        last_seq       INTEGER NOT NULL,
        events         INTEGER NOT NULL,
        bytes          INTEGER NOT NULL,
        file_name      TEXT NOT NULL,
        path           TEXT NOT NULL,
        encrypted      INTEGER NOT NULL CHECK (encrypted IN (0, 1)),
        file_sha256    TEXT NOT NULL,
        acknowledged   INTEGER NOT NULL DEFAULT 0 CHECK (acknowledged IN (0, 1)),
        acknowledged_at TEXT
      ) STRICT;
      CREATE INDEX bundle_exports_by_recipient ON bundle_exports (recipient_kind, recipient_id, acknowledged, last_seq);

      -- A fork: a received event (or prev_hash) that disagrees with what we applied. Both
      -- versions are kept for the operator; nothing of that bundle was applied.
      CREATE TABLE bundle_forks (
        fork_no        INTEGER PRIMARY KEY,
        peer_no        INTEGER NOT NULL REFERENCES peers (peer_no),
        seq            INTEGER NOT NULL,
        stored_line    BLOB,
        stored_hash    BLOB,
        received_line  BLOB,
        received_hash  BLOB,
        file_sha256    TEXT NOT NULL,
        detected_at    TEXT NOT NULL,
        UNIQUE (peer_no, seq, file_sha256)
      ) STRICT;

      -- Hub projection kept incrementally by the 'usage' projector (electron/core/platform/records/projector.ts).
      CREATE TABLE received_usage_monthly (
        owner          TEXT NOT NULL,
        service        TEXT NOT NULL,
        month          TEXT NOT NULL,
        quantity_milli INTEGER NOT NULL,
        entries        INTEGER NOT NULL,
        PRIMARY KEY (owner, service, month)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX received_usage_monthly_by_month ON received_usage_monthly (month, service);
    `);
  },
};
