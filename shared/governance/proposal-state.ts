import type { ProposalStatus } from '../records/proposals';
import { PROPOSAL_STATE_LABELS, type ProposalState, type ProposalStep } from './proposal-track';

/**
 * THE state of a proposal, for every screen and the CLI of both roles (issue 13). Two records
 * make it: the member's proposal (draft → submitted → withdrawn, written by the member) and the
 * hub's track (proposal_status: received → under evaluation → …, written by the hub). Each side
 * holds both (the hub receives the proposal, the member receives the track), so the hub's ranking,
 * its detail, Membri › Proposte ricevute, the member's Proposte and Piano e quote all call this
 * one function and cannot disagree.
 *
 * - A draft is the member's alone (`draft`).
 * - Submitted and no step of the hub yet: on the hub it is `received` (it holds it); on the
 *   member `sent` (it cannot know whether the bundle arrived).
 * - Withdrawn before the hub decided (no track, received, under evaluation, returned): `withdrawn`,
 *   a final state; the timeline ends with the withdrawal, dated by the member's event.
 * - Withdrawn after the hub decided (admitted, not admitted, approved, …: the bundles crossed,
 *   since the member's app no longer offers "Ritira" then): the hub's decision stands and
 *   `lateWithdrawal` carries the date, for a notice on both sides.
 *
 * The actions each side may still take follow from the stage (OFFICE_ACTIONS, MEMBER_ACTIONS);
 * the cores enforce the same lists the screens offer.
 */
export type ProposalStage = 'draft' | 'sent' | 'withdrawn' | ProposalState;

export const PROPOSAL_STAGES: readonly ProposalStage[] = [
  'draft',
  'sent',
  'received',
  'under_evaluation',
  'returned',
  'admitted',
  'not_admitted',
  'approved',
  'in_progress',
  'completed',
  'withdrawn',
];

/** Italian labels (the CLI, CSV); the screens use the catalogue key `gov.state.<stage>`. */
export const PROPOSAL_STAGE_LABELS: Record<ProposalStage, string> = {
  draft: 'bozza',
  sent: 'inviata',
  ...PROPOSAL_STATE_LABELS,
  withdrawn: 'ritirata dal comune',
};

export const PROPOSAL_STAGE_LABELS_EN: Record<ProposalStage, string> = {
  draft: 'draft',
  sent: 'sent',
  received: 'received',
  under_evaluation: 'under evaluation',
  admitted: 'admitted to the plan',
  not_admitted: 'not admitted',
  returned: 'returned for changes',
  approved: 'approved with the plan',
  in_progress: 'in progress',
  completed: 'completed',
  withdrawn: 'withdrawn by the municipality',
};

/** What the consortium office may do (`approve_with_plan` happens with the Assembly's vote, not here). */
export type OfficeAction = 'assign' | 'start_evaluation' | 'evaluate' | 'admit' | 'not_admit' | 'return' | 'resubmit' | 'start' | 'report_progress' | 'complete';
/** What the proposing member may do. */
export type MemberAction = 'edit' | 'attach' | 'submit' | 'delete' | 'withdraw';

const OFFICE_ACTIONS: Record<ProposalStage, readonly OfficeAction[]> = {
  draft: [],
  sent: [],
  received: ['assign', 'start_evaluation'],
  under_evaluation: ['assign', 'evaluate', 'admit', 'not_admit', 'return'],
  returned: ['assign', 'resubmit'],
  // Waits for the Assembly's vote on the plan that includes it.
  admitted: [],
  approved: ['start'],
  in_progress: ['report_progress', 'complete'],
  not_admitted: [],
  completed: [],
  // The member took it back: nothing left to evaluate.
  withdrawn: [],
};

/**
 * The member may change (a new version) and withdraw its proposal until the hub decides: the
 * committee reads the newest version while it evaluates, and a returned proposal is changed to
 * be read again. Once decided (admitted, not admitted, approved, in progress, completed) the
 * decision was taken on the version evaluated: a change would be read by nobody and a
 * withdrawal would not undo it, so both are refused; a new idea is a new proposal.
 */
const MEMBER_ACTIONS: Record<ProposalStage, readonly MemberAction[]> = {
  draft: ['edit', 'attach', 'submit'],
  sent: ['edit', 'attach', 'withdraw'],
  received: ['edit', 'attach', 'withdraw'],
  under_evaluation: ['edit', 'attach', 'withdraw'],
  returned: ['edit', 'attach', 'withdraw'],
  admitted: [],
  not_admitted: [],
  approved: [],
  in_progress: [],
  completed: [],
  withdrawn: [],
};

/** The hub's states in which it has not decided yet: a withdrawal then ends the proposal. */
export const UNDECIDED: ReadonlySet<ProposalState> = new Set(['received', 'under_evaluation', 'returned']);

export interface ProposalStateInput {
  /** The member's record as the reader holds it. */
  member: {
    status: ProposalStatus;
    version: number;
    /** When it was first submitted (ISO), null for a draft never sent. */
    submittedAt: string | null;
    /** When the member's last event was written (ISO): for a withdrawn proposal, the withdrawal. */
    changedAt: string;
    /** The member's name (who took the member's steps in the timeline). */
    name: string;
  };
  /** The hub's track (`proposal_status`), or null before the hub took any step. */
  track: { status: ProposalState; steps: readonly ProposalStep[] } | null;
  /** Who reads: the hub holds every submitted proposal it lists; a member only knows what it sent. */
  reader: 'hub' | 'municipality';
}

/** A step of the timeline: the hub's steps, the member's submission and withdrawal. */
export type ProposalStageStep = Omit<ProposalStep, 'from' | 'to'> & { from: ProposalStage | null; to: ProposalStage };

export interface ProposalStateView {
  stage: ProposalStage;
  /** The hub's own state (its track's), null before its first step. */
  hubStatus: ProposalState | null;
  /** The member's withdrawal (ISO date) when it came after the hub's decision: the decision stands. */
  lateWithdrawal: string | null;
  /** When the member withdrew it (ISO date), whether it took effect or came late. */
  withdrawnOn: string | null;
  /** Oldest first; never empty once submitted. */
  steps: ProposalStageStep[];
  officeActions: OfficeAction[];
  memberActions: MemberAction[];
}

const day = (iso: string | null | undefined): string => (iso ?? '').slice(0, 10);

export function proposalState(input: ProposalStateInput): ProposalStateView {
  const { member, track, reader } = input;
  const hubStatus = track?.status ?? null;
  const withdrawnOn = member.status === 'withdrawn' ? day(member.changedAt) : null;
  let steps: ProposalStageStep[] = track ? track.steps.map((s) => ({ ...s })) : [];
  let stage: ProposalStage;
  let lateWithdrawal: string | null = null;
  if (member.status === 'draft' && !track) {
    stage = 'draft';
  } else if (!track) {
    // Submitted, possibly withdrawn since: nothing the hub did yet, so the submission opens the timeline.
    stage = reader === 'hub' ? 'received' : 'sent';
    steps = member.submittedAt ? [{ from: null, to: stage, date: day(member.submittedAt), by: member.name, note: '' }] : [];
  } else {
    stage = track.status;
  }
  if (withdrawnOn !== null) {
    if (hubStatus === null || UNDECIDED.has(hubStatus)) {
      steps.push({ from: stage, to: 'withdrawn', date: withdrawnOn, by: member.name, note: '' });
      stage = 'withdrawn';
    } else {
      lateWithdrawal = withdrawnOn;
    }
  }
  const memberActions = [...MEMBER_ACTIONS[stage]];
  // Only a draft never submitted can be deleted (a submitted one stays in the hub's records).
  if (stage === 'draft' && member.version === 0) memberActions.push('delete');
  return { stage, hubStatus, lateWithdrawal, withdrawnOn, steps, officeActions: [...OFFICE_ACTIONS[stage]], memberActions };
}
