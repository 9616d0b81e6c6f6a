import type { Migration } from './index';

/**
 * Federation through the mailbox (docs/federation.md, "Through the mailbox"). On a regional hub,
 * for each province: the address of its mailbox, where the regional hub collects what the
 * province forwards (`mailbox_url`), and what the last collection did (`last_collection`, JSON).
 * On a provincial hub, for its regional hub: the digest of the members of the last federation
 * roster uploaded to its own mailbox (`mailbox_roster_digest`), so a roster goes again only when
 * the members changed. Numbered 021 (written as 020 beside 020-federation-flows).
 */
export const migration021FederationMailbox: Migration = {
  version: 21,
  name: 'federation-mailbox',
  up(db) {
    db.exec(`
      ALTER TABLE federation_hubs ADD COLUMN mailbox_url TEXT;
      ALTER TABLE federation_hubs ADD COLUMN mailbox_roster_digest TEXT;
      ALTER TABLE federation_hubs ADD COLUMN last_collection TEXT;
    `);
  },
};
