import { z } from 'zod';
import { noteText, RecordId } from '../records/common';
import type { JoinStatus } from '../records/proposal-joins';

/**
 * API of *condivisione* (issue 13 item 5): the other members' proposals as the hub published
 * them, joining one ("Aderisci") with a note, withdrawing the join, and who joined a proposal.
 */

/** A member that joined a proposal, named by its town (ISTAT code kept for the plan's payers). */
export interface Joiner {
  istat: string;
  name: string;
  note: string;
  /** When the member joined (or last changed its note), RFC 3339. */
  joinedAt: string;
}

/** Another member's proposal as the hub published it, with who joined and where this member stands. */
export interface SharedProposal {
  /** The hub's record id of the published proposal: what `joins.join` names. */
  id: string;
  proposer: string;
  proposerName: string;
  proposalId: string;
  /** The proposer's state: submitted, or withdrawn (then it can no longer be joined). */
  status: 'submitted' | 'withdrawn';
  version: number;
  title: string;
  problem: string;
  solution: string;
  benefits: string;
  beneficiaries: string[];
  oneOffCents: number;
  yearlyCents: number;
  submittedAt: string | null;
  joiners: Joiner[];
  /** This member's own join: null if it never joined. */
  /**
   * This member's own join: null if it never joined. `relayed`: the hub's stream already shows it
   * as it is now (until then the other members and the proposer do not see it).
   */
  mine: { status: JoinStatus; note: string; updatedAt: string; relayed: boolean } | null;
}

export const JoinInput = z
  .object({
    /** The published proposal (SharedProposal.id). */
    id: RecordId,
    note: noteText().default(''),
  })
  .strict();
export const JoinWithdrawInput = z.object({ id: RecordId }).strict();
/** The proposer's view: who joined one of its own proposals (its own proposal id). */
export const JoinersInput = z.object({ proposalId: RecordId }).strict();
