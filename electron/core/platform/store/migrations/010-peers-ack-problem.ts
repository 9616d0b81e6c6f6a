import type { Migration } from './index';

/**
 * Restores (docs/design.md): every event written first asks whether a peer holds events of ours we
 * lost (outbox.appendEvent → peers-store.eventsLostPeer). On a hub with 7,896 members a scan of
 * `peers` costs ~1 ms per write; this partial index holds only the peers with a problem (none,
 * normally), so the question is one index probe. Additive only.
 */
export const migration010PeersAckProblem: Migration = {
  version: 10,
  name: 'peers-ack-problem',
  up(db) {
    db.exec(`CREATE INDEX peers_ack_problem ON peers (ack_problem) WHERE ack_problem IS NOT NULL;`);
  },
};
