/**
 * The members taking part in a proposal (issue 13): who pays for the initiative it becomes is
 * pre-filled from them on the plan item (`payers: only`), never "every member" by default. An
 * empty list of beneficiaries means the proposer alone, not the whole consortium.
 *
 * The one place that says who takes part: joiners (members who join another member's
 * proposal) are added here too.
 */
import type { ProposalData } from '../../../shared/records/proposals';

/** The proposer and the beneficiaries, each once, ascending ISTAT code. */
export function participantsOf(owner: string, proposal: Pick<ProposalData, 'beneficiaries'>): string[] {
  return [...new Set([owner, ...proposal.beneficiaries])].sort();
}
