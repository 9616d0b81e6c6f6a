import type { Migration } from './index';

/**
 * The sync agent's own state (docs/sync.md "The sync agent"). Additive; local only, never sent.
 *
 * `sync_outgoing` is the spool: every bundle the agent exported for the courier, kept under
 * `<data dir>/sync/outgoing/` until the other side took it. `state`: `spooled` (written, not yet
 * complete at the courier: the next round resumes it), `uploaded` (complete, waiting for the
 * recipient), `delivered` (the recipient took it; the file is removed). `ack_seq` is the
 * acknowledgement of the recipient's stream that the bundle carries (null: none).
 *
 * `sync_agent` is one row: what the status says (last success, next attempt, the last error as
 * a catalogue key and its params, what the last round did) and the roster last published.
 */
export const migration015SyncAgent: Migration = {
  version: 15,
  name: 'sync-agent',
  up(db) {
    db.exec(`
      CREATE TABLE sync_outgoing (
        sha256       TEXT PRIMARY KEY,
        recipient    TEXT NOT NULL,
        path         TEXT NOT NULL,
        bytes        INTEGER NOT NULL,
        first_seq    INTEGER NOT NULL,
        last_seq     INTEGER NOT NULL,
        ack_seq      INTEGER,
        created_at   TEXT NOT NULL,
        uploaded_at  TEXT,
        delivered_at TEXT,
        state        TEXT NOT NULL CHECK (state IN ('spooled', 'uploaded', 'delivered'))
      ) STRICT;
      CREATE INDEX sync_outgoing_by_recipient ON sync_outgoing (recipient, state, last_seq);

      CREATE TABLE sync_agent (
        one                  INTEGER PRIMARY KEY CHECK (one = 1),
        last_success_at      TEXT,
        last_attempt_at      TEXT,
        next_attempt_at      TEXT,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        last_error_key       TEXT,
        last_error_params    TEXT,
        last_error_reason    TEXT,
        last_round           TEXT,
        roster_serial        INTEGER NOT NULL DEFAULT 0,
        roster_digest        TEXT
      ) STRICT;
      INSERT INTO sync_agent (one) VALUES (1);
    `);
  },
};
