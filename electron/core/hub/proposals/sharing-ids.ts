import { createHash } from 'node:crypto';

/**
 * Ids of the records of *condivisione* (issue 13 item 5), derived from their natural key and
 * their writer's id as hub/records/hub-ids.ts does (SHA-256 laid out as a UUID of version 8):
 * - a member's join: `cst-desk/<joiner>/proposal_join/<proposer>/<proposal id>` — one record
 *   per member and proposal, so a second "Aderisci" is a new state of the same record;
 * - the hub's published proposal: `cst-desk/<hub>/shared_proposal/<proposer>/<proposal id>`;
 * - the hub's relay of a join: `cst-desk/<hub>/shared_proposal_join/<joiner>/<proposer>/<proposal id>`.
 * The proposer is part of the key because a proposal's identity is (owner, id). The kind
 * prefixes the key space, so no id collides with another kind's, nor with the proposal's own
 * (a reader refuses an id held by another owner: docs/bundle-format.md step 12).
 */
export function sharingRecordId(writer: string, kind: 'proposal_join' | 'shared_proposal' | 'shared_proposal_join', key: string): string {
  const b = createHash('sha256').update(`cst-desk/${writer}/${kind}/${key}`, 'utf8').digest().subarray(0, 16);
  b[6] = ((b[6] as number) & 0x0f) | 0x80;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const joinRecordId = (joiner: string, proposer: string, proposalId: string) => sharingRecordId(joiner, 'proposal_join', `${proposer}/${proposalId}`);
export const sharedProposalId = (hubId: string, proposer: string, proposalId: string) => sharingRecordId(hubId, 'shared_proposal', `${proposer}/${proposalId}`);
export const sharedJoinId = (hubId: string, joiner: string, proposer: string, proposalId: string) =>
  sharingRecordId(hubId, 'shared_proposal_join', `${joiner}/${proposer}/${proposalId}`);
