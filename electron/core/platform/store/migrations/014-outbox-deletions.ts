import type { Migration } from './index';

/**
 * The deletions of the outbox, by seq: "Dati eliminati" lists the latest ones without reading
 * the whole log (a town hall's outbox reaches a million usage events; deletions are a few).
 * A partial index: the puts, nearly every row, are not in it. Additive.
 */
export const migration014OutboxDeletions: Migration = {
  version: 14,
  name: 'outbox-deletions',
  up(db) {
    db.exec("CREATE INDEX outbox_deletions ON outbox (seq) WHERE op = 'delete';");
  },
};
