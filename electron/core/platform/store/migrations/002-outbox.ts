import type { Migration } from './index';

/**
 * The outbox: this installation's own stream of events (docs/bundle-format.md, "Bundle").
 * Each event's line bytes and chain hash are stored when it is created and never change, so
 * every later bundle repeats them byte for byte. Triggers make the table append-only.
 */
export const migration002Outbox: Migration = {
  version: 2,
  name: 'outbox',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        seq       INTEGER PRIMARY KEY CHECK (seq >= 1),
        at        TEXT NOT NULL,
        kind      TEXT NOT NULL,
        op        TEXT NOT NULL CHECK (op IN ('put', 'delete')),
        record_id TEXT NOT NULL,
        line      BLOB NOT NULL,
        hash      BLOB NOT NULL CHECK (length(hash) = 32)
      ) STRICT;

      -- A record's history is read by (kind, id).
      CREATE INDEX outbox_by_record ON outbox (kind, record_id, seq);

      CREATE TRIGGER outbox_no_update BEFORE UPDATE ON outbox
      BEGIN SELECT RAISE(ABORT, 'outbox is append-only'); END;
      CREATE TRIGGER outbox_no_delete BEFORE DELETE ON outbox
      BEGIN SELECT RAISE(ABORT, 'outbox is append-only'); END;
    `);
  },
};
