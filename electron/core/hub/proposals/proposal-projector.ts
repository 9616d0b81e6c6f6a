/**
 * Hub: proposals received from members, for the hub's list and detail. The current state and
 * a row per event are kept while bundles are applied; each version's data is read back from the
 * stored line (inbox_events), never copied twice. Attachments arrive as `files/<sha256>` and
 * are stored by the reader under <data dir>/attachments/<sha256>.
 */
import type { AttachmentRef, ProposalData } from '../../../../shared/records/proposals';
import type { Projector } from '../../platform/records/projector';
import { stmt } from '../../platform/store/statements';
import { peerNoOf, receivedEventAt } from '../../sync/inbox/event-at';

export const proposalProjector: Projector = {
  kind: 'proposal',
  open(db) {
    const peers = new Map<string, number>();
    const peerOf = (owner: string) => {
      let n = peers.get(owner);
      if (n === undefined) peers.set(owner, (n = peerNoOf(db, 'municipality', owner) as number));
      return n;
    };
    return {
      project(change) {
        const peerNo = peerOf(change.owner);
        stmt(db, 'DELETE FROM hub_proposal_attachments WHERE proposal_id = ?').run(change.id);
        if (!change.data) {
          // Only a never-submitted draft can be deleted by its member: nothing of it remains.
          stmt(db, 'DELETE FROM hub_proposals WHERE id = ?').run(change.id);
          stmt(db, 'DELETE FROM hub_proposal_events WHERE proposal_id = ?').run(change.id);
          return;
        }
        const d = change.data as unknown as ProposalData;
        const at = receivedEventAt(db, peerNo, change.seq) ?? '';
        stmt(
          db,
          `INSERT INTO hub_proposals (id, owner, peer_no, status, version, title, submitted_at, last_seq, updated_at, data)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET status = excluded.status, version = excluded.version, title = excluded.title,
             submitted_at = excluded.submitted_at, last_seq = excluded.last_seq, updated_at = excluded.updated_at, data = excluded.data`,
        ).run(change.id, change.owner, peerNo, d.status, d.version, d.title, d.submitted_at, change.seq, at, JSON.stringify(d));
        stmt(db, 'INSERT OR IGNORE INTO hub_proposal_events (proposal_id, seq, at) VALUES (?, ?, ?)').run(change.id, change.seq, at);
        for (const a of d.attachments as AttachmentRef[]) {
          stmt(db, 'INSERT OR IGNORE INTO hub_proposal_attachments (sha256, proposal_id, name, type, bytes) VALUES (?, ?, ?, ?, ?)').run(a.sha256, change.id, a.name, a.type, a.bytes);
        }
      },
      close() {},
    };
  },
  /** A fork accepted: the member's proposals are rebuilt from its remaining events (the hub's evaluations are its own records). */
  reset(db, owner) {
    stmt(db, 'DELETE FROM hub_proposal_attachments WHERE proposal_id IN (SELECT id FROM hub_proposals WHERE owner = ?)').run(owner);
    stmt(db, 'DELETE FROM hub_proposal_events WHERE proposal_id IN (SELECT id FROM hub_proposals WHERE owner = ?)').run(owner);
    stmt(db, 'DELETE FROM hub_proposals WHERE owner = ?').run(owner);
  },
};
