/**
 * Municipality: the committee as the hub publishes it (`committee_seat`, issue 15), applied
 * while a hub bundle is applied. The hub's stream is the same for every member: each member
 * holds every seat, its own included (which tells it the consortium received its designation).
 */
import type { CommitteeSeatData } from '../../../../shared/records/committee';
import type { Projector } from '../../platform/records/projector';
import { stmt } from '../../platform/store/statements';
import { peerNoOf, receivedEventAt } from '../../sync/inbox/event-at';
import { writeSeat } from '../../hub/committee/designation-projector';

export const seatProjector: Projector = {
  kind: 'committee_seat',
  open(db) {
    return {
      project(c) {
        const peerNo = peerNoOf(db, 'hub', c.owner);
        const at = (peerNo !== undefined && receivedEventAt(db, peerNo, c.seq)) || new Date(0).toISOString();
        writeSeat(db, c.id, c.data as unknown as CommitteeSeatData | null, at);
      },
      close() {},
    };
  },
  /** The hub's stream rewound (a fork accepted here): its seats are replayed. */
  reset(db, owner) {
    if (peerNoOf(db, 'hub', owner) === undefined) return;
    stmt(db, 'DELETE FROM committee_seats').run();
  },
};
