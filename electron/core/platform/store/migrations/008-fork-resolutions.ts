import type { Migration } from './index';

/**
 * The operator's decision on a fork (docs/bundle-format.md step 11: nothing applies until the
 * operator acts): keep our version, or accept the sender's from the fork on. Who, when and why
 * are kept with the fork, which then leaves the open list for the history. Additive only.
 */
export const migration008ForkResolutions: Migration = {
  version: 8,
  name: 'fork-resolutions',
  up(db) {
    db.exec(`
      ALTER TABLE bundle_forks ADD COLUMN resolution TEXT CHECK (resolution IN ('keep', 'accept'));
      ALTER TABLE bundle_forks ADD COLUMN resolved_by TEXT;
      ALTER TABLE bundle_forks ADD COLUMN resolved_at TEXT;
      ALTER TABLE bundle_forks ADD COLUMN resolution_note TEXT;
      ALTER TABLE bundle_forks ADD COLUMN events_removed INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE bundle_forks ADD COLUMN events_applied INTEGER NOT NULL DEFAULT 0;
    `);
  },
};
