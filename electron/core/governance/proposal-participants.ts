/**
 * The members taking part in a proposal (issue 13): who pays for the initiative it becomes is
 * pre-filled from them on the plan item (`payers: only`), never "every member" by default. An
 * empty list of beneficiaries means the proposer alone, not the whole consortium.
 *
 * The one place that says who takes part: the proposer, the beneficiaries it named, and the
 * members that joined it (condivisione, hub/proposals/proposal-joiners.ts).
 */
import type { ProposalData } from '../../../shared/records/proposals';

/** Proposer, beneficiaries and joiners, each once, ascending ISTAT code. */
export function participantsOf(owner: string, proposal: Pick<ProposalData, 'beneficiaries'>, joiners: readonly { istat: string }[] = []): string[] {
  return [...new Set([owner, ...proposal.beneficiaries, ...joiners.map((j) => j.istat)])].sort();
}
