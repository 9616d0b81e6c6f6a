import type { Migration } from './index';

/**
 * Federation flows between hubs and down to the members (issue 12, docs/federation.md "Flows").
 * - A confirmed federation hub (the regional hub on a provincial one, a province on the
 *   regional one) becomes an ordinary peer too: their own streams are exchanged like any
 *   peer's (inbox, received records, acknowledgements). Installations that confirmed one before
 *   this migration get the peer row here.
 * - `federation_members.covered_seq`: on a regional hub, up to where its own stream was already
 *   encrypted to each vouched member (a member newly vouched for gets the stream from seq 1).
 * - `federation_forwarded_down`: on a provincial hub, which of the regional hub's files were
 *   forwarded to which member (incremental forwarding).
 * Numbered 020: the next free number when written.
 */
export const migration020FederationFlows: Migration = {
  version: 20,
  name: 'federation-flows',
  up(db) {
    db.exec(`
      ALTER TABLE federation_members ADD COLUMN covered_seq INTEGER NOT NULL DEFAULT 0;

      CREATE TABLE federation_forwarded_down (
        istat        TEXT NOT NULL,
        file_sha256  TEXT NOT NULL,
        forwarded_at TEXT NOT NULL,
        PRIMARY KEY (istat, file_sha256)
      ) STRICT, WITHOUT ROWID;

      INSERT INTO peers (kind, id, name, signing_key, key_id, age_recipient, fingerprint, identity_created_at, status, imported_at, confirmed_at)
        SELECT 'hub', id, name, signing_key, key_id, age_recipient, fingerprint, imported_at, 'confirmed', imported_at, confirmed_at
        FROM federation_hubs WHERE status = 'confirmed'
        ON CONFLICT (kind, id) DO NOTHING;
    `);
  },
};
