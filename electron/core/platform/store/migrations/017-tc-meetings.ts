import type { Migration } from './index';

/**
 * Meetings of the Technical Committee (issue 15), on both roles like the other `gov_*` tables:
 * the hub writes them with its `tc_meeting` records, a municipality while applying a hub bundle.
 * `gov_tc_meeting_proposals` lists the proposals each meeting examined, so an evaluation step
 * naming a meeting is checked, and a member finds the meetings of its proposals, by index.
 * Numbered 017: 015 and 016 belong to work merged beside this one (network sync, designations).
 */
export const migration017TcMeetings: Migration = {
  version: 17,
  name: 'tc-meetings',
  up(db) {
    db.exec(`
      CREATE TABLE gov_tc_meetings (
        id         TEXT PRIMARY KEY,
        date       TEXT NOT NULL,
        data       TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX gov_tc_meetings_by_date ON gov_tc_meetings (date);

      CREATE TABLE gov_tc_meeting_proposals (
        meeting_id  TEXT NOT NULL REFERENCES gov_tc_meetings (id) ON DELETE CASCADE,
        proposal_id TEXT NOT NULL,
        PRIMARY KEY (meeting_id, proposal_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX gov_tc_meeting_proposals_by_proposal ON gov_tc_meeting_proposals (proposal_id);
    `);
  },
};
