import type { Migration } from './index';

/**
 * The import's hot path, measured (1,000,000 usage events, one transaction, same machine):
 * writing inbox_events and received_records cost 5.1–5.7 s against 1.6–2.0 s for a plain
 * keyed INSERT of the same lines. Three things made the difference and none of them is needed:
 * - received_records_by_owner (owner, kind): a third B-tree insert per event (~1.5 s), read
 *   only by one count of group memberships. A partial index on exactly those rows replaces it.
 * - inbox_events.peer_no REFERENCES peers: a lookup in `peers` per event (~0.4 s) for a value
 *   that is part of the key. peer_no and seq are now virtual columns computed from the key,
 *   so every query that reads them still works, and nothing is stored or checked twice.
 * - the CHECK tying key, peer_no and seq together, now true by construction.
 * With them gone the two tables cost ~3.4 s. inbox_events is rebuilt (SQLite cannot turn a
 * stored column into a generated one); its rows are copied unchanged, in key order.
 */
export const migration011LeanInbox: Migration = {
  version: 11,
  name: 'lean-inbox',
  up(db) {
    db.exec(`
      DROP VIEW received_records_data;
      CREATE TABLE inbox_events_lean (
        key     INTEGER PRIMARY KEY,
        line    BLOB NOT NULL,
        hash    BLOB NOT NULL,
        peer_no INTEGER GENERATED ALWAYS AS (key >> 40) VIRTUAL,
        seq     INTEGER GENERATED ALWAYS AS (key & 1099511627775) VIRTUAL
      ) STRICT;
      INSERT INTO inbox_events_lean (key, line, hash) SELECT key, line, hash FROM inbox_events ORDER BY key;
      DROP TABLE inbox_events;
      ALTER TABLE inbox_events_lean RENAME TO inbox_events;

      CREATE VIEW received_records_data AS
        SELECT r.owner, r.kind, r.id, r.last_seq, r.deleted,
               CASE WHEN r.deleted = 0 THEN json_extract(CAST(e.line AS TEXT), '$.data') END AS data
        FROM received_records r JOIN inbox_events e ON e.key = r.peer_no * 1099511627776 + r.last_seq;

      DROP INDEX received_records_by_owner;
      CREATE INDEX received_memberships ON received_records (owner) WHERE kind = 'group_membership' AND deleted = 0;
    `);
  },
};
