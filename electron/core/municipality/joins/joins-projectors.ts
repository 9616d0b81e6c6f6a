/**
 * Municipality: the hub's records of *condivisione* (issue 13 item 5), applied while a hub
 * bundle is applied: the other members' proposals (`shared_proposal`) and who joined them
 * (`shared_proposal_join`). The hub's stream is the same for every member, so each member holds
 * every published proposal, its own included (the proposer reads who joined from there).
 */
import type Database from 'better-sqlite3';
import type { SharedJoinData, SharedProposalData } from '../../../../shared/records/proposal-joins';
import type { Projector, RecordChange } from '../../platform/records/projector';
import { stmt } from '../../platform/store/statements';
import { peerNoOf, receivedEventAt } from '../../sync/inbox/event-at';
import { writeSharedJoin, writeSharedProposal } from '../../hub/proposals/proposal-joiners';

function atOf(db: Database.Database, c: RecordChange): string {
  const peerNo = peerNoOf(db, 'hub', c.owner);
  return (peerNo !== undefined && receivedEventAt(db, peerNo, c.seq)) || new Date(0).toISOString();
}

/**
 * `table` is emptied when the HUB's stream is rewound (a fork accepted by a member): it holds
 * only the hub's records, which the replay writes again. On the hub, a member's rewind leaves it
 * alone (there it holds what the hub itself published).
 */
function hubRecords(kind: string, table: string, write: (db: Database.Database, c: RecordChange, at: string) => void): Projector {
  return {
    kind,
    reset(db, owner) {
      if (peerNoOf(db, 'hub', owner) === undefined) return;
      stmt(db, `DELETE FROM ${table}`).run();
    },
    open(db) {
      return { project: (c) => write(db, c, atOf(db, c)), close() {} };
    },
  };
}

export const sharedProposalProjector = hubRecords('shared_proposal', 'shared_proposals', (db, c, at) =>
  writeSharedProposal(db, c.id, c.data as unknown as SharedProposalData | null, at),
);

export const sharedJoinProjector = hubRecords('shared_proposal_join', 'shared_proposal_joins', (db, c, at) =>
  writeSharedJoin(db, c.id, c.data as unknown as SharedJoinData | null, at),
);
