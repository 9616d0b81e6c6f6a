import type { Migration } from './index';

/**
 * Federation: the last flows through the mailbox (docs/federation.md, "Through the mailbox").
 * On a provincial hub, a member file the member encrypted to this hub alone (sent before it
 * applied the `regional_hub` record: one X25519 stanza in its age header) cannot be opened by
 * the regional hub: it is recorded in `federation_forwarded` with `not_for_region = 1`, so it is
 * neither forwarded nor looked at again, and counted apart in the status. Numbered 023: the next
 * free number when written.
 */
export const migration023FederationStreams: Migration = {
  version: 23,
  name: 'federation-streams',
  up(db) {
    db.exec(`ALTER TABLE federation_forwarded ADD COLUMN not_for_region INTEGER NOT NULL DEFAULT 0 CHECK (not_for_region IN (0, 1));`);
  },
};
