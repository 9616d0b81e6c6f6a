import type { Migration } from './index';

/**
 * Members joining each other's proposals (issue 13 item 5). Additive.
 *
 * - `proposal_joins`: a municipality's own joins (record `proposal_join`), one per proposal.
 * - `shared_proposals` and `shared_proposal_joins`: the hub's records `shared_proposal` and
 *   `shared_proposal_join`. On the hub they are written when it publishes (while a member's
 *   bundle is applied); on a municipality by the projectors of the hub's bundles. One table on
 *   both roles, so the views read the same rows wherever they run.
 */
export const migration013ProposalJoins: Migration = {
  version: 13,
  name: 'proposal-joins',
  up(db) {
    db.exec(`
      CREATE TABLE proposal_joins (
        id          TEXT PRIMARY KEY,
        proposer    TEXT NOT NULL,
        proposal_id TEXT NOT NULL,
        status      TEXT NOT NULL CHECK (status IN ('joined', 'withdrawn')),
        -- The record's data exactly as its last event carries it (ProposalJoinData).
        data        TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        UNIQUE (proposer, proposal_id)
      ) STRICT;

      CREATE TABLE shared_proposals (
        record_id   TEXT PRIMARY KEY,
        proposer    TEXT NOT NULL,
        proposal_id TEXT NOT NULL,
        status      TEXT NOT NULL,
        submitted_at TEXT,
        data        TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        UNIQUE (proposer, proposal_id)
      ) STRICT;

      CREATE TABLE shared_proposal_joins (
        record_id   TEXT PRIMARY KEY,
        proposer    TEXT NOT NULL,
        proposal_id TEXT NOT NULL,
        joiner      TEXT NOT NULL,
        status      TEXT NOT NULL,
        data        TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX shared_proposal_joins_by_proposal ON shared_proposal_joins (proposal_id, proposer, status);
    `);
  },
};
