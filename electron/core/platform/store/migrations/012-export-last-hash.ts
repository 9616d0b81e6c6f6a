import type { Migration } from './index';

/**
 * The hash of the last event of each exported bundle (the manifest's `last_hash`): `log verify`
 * compares it with the outbox, so events cut from the end of the log and rewritten (a chain
 * that recomputes but is not the one already sent) are seen. Older rows keep NULL. Additive.
 */
export const migration012ExportLastHash: Migration = {
  version: 12,
  name: 'export-last-hash',
  up(db) {
    db.exec('ALTER TABLE bundle_exports ADD COLUMN last_hash BLOB;');
  },
};
