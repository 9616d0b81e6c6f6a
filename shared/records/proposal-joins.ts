import { z } from 'zod';
import { recordKind } from './registry';
import { Cents, lineText, noteText, RecordId, UpdatedBy } from './common';

/**
 * Members joining each other's proposals (*condivisione*, issue 13 item 5).
 *
 * A member sees the other members' proposals because the hub publishes them in its stream
 * (`shared_proposal`, one per proposal); it joins one ("Aderisci") by writing its own record
 * (`proposal_join`, single writer: the joining municipality), and withdraws the same way, with
 * a new state of that record. The hub relays each join in its stream (`shared_proposal_join`)
 * so the proposer, and every member, sees who joined: a member's record never travels to
 * another member except through the hub's own records.
 */

const Istat = z.string().regex(/^[0-9]{6}$/, { message: 'Codice ISTAT di 6 cifre.' });

export const JoinStatus = z.enum(['joined', 'withdrawn']);
export type JoinStatus = z.infer<typeof JoinStatus>;

/**
 * A member's join of another member's proposal. One record per (member, proposal): its id is
 * derived from both (see electron/core/hub/proposals/sharing-ids.ts), so joining again after a
 * withdrawal is a new state of the same record and its history tells the whole story.
 */
export const ProposalJoinData = z
  .object({
    /** The proposer's ISTAT code and its proposal's id: together they name the proposal. */
    proposer: Istat,
    proposal_id: RecordId,
    status: JoinStatus,
    /** Why the member joins, for the proposer and the Technical Committee (may be empty). */
    note: noteText(),
    updated_by: UpdatedBy,
  })
  .strict();
export type ProposalJoinData = z.infer<typeof ProposalJoinData>;

export const proposalJoinKind = recordKind({
  kind: 'proposal_join',
  owner: 'municipality',
  schema: ProposalJoinData,
  description: "Adesione del comune alla proposta di un altro comune (condivisione): proponente, proposta, stato (aderisce / ritirata), nota.",
});

/**
 * A member's submitted proposal as the hub publishes it to every member: the title and the
 * content (no attachments: the hub's stream is the same for all members, files stay at the hub).
 * `status` is the member's own: `withdrawn` once the proposer withdrew it.
 */
export const SharedProposalData = z
  .object({
    proposer: Istat,
    proposal_id: RecordId,
    status: z.enum(['submitted', 'withdrawn']),
    version: z.number().int().min(1),
    title: lineText(200),
    problem: noteText(),
    solution: noteText(),
    benefits: noteText(),
    beneficiaries: z.array(Istat).max(500),
    one_off_cents: Cents,
    yearly_cents: Cents,
    submitted_at: z.string().nullable(),
    updated_by: UpdatedBy,
  })
  .strict();
export type SharedProposalData = z.infer<typeof SharedProposalData>;

export const sharedProposalKind = recordKind({
  kind: 'shared_proposal',
  owner: 'hub',
  schema: SharedProposalData,
  description: 'Proposta di un comune pubblicata dal consorzio a tutti i membri: proponente, titolo, contenuto, comuni interessati, costi, stato e versione.',
});

/** A member's join as the hub relays it to every member (the proposer sees who joined). */
export const SharedJoinData = z
  .object({
    proposer: Istat,
    proposal_id: RecordId,
    joiner: Istat,
    status: JoinStatus,
    note: noteText(),
    /** When the member made this change (its event's `at`). */
    changed_at: z.string(),
    updated_by: UpdatedBy,
  })
  .strict();
export type SharedJoinData = z.infer<typeof SharedJoinData>;

export const sharedJoinKind = recordKind({
  kind: 'shared_proposal_join',
  owner: 'hub',
  schema: SharedJoinData,
  description: "Adesione di un comune a una proposta, inoltrata dal consorzio a tutti i membri: proponente, proposta, comune che aderisce, stato, nota, data.",
});
