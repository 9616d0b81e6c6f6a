import { isRealIsoDate } from '../records/common';
import type { StepNoteKey } from '../records/gov-records';
import type { MessageKey } from '../errors/catalogue';
import { GovernanceError, words, type RuleParams, type Words } from './errors';
import { computeVote, type Ballot, type Elector, type VoteTally, type VotingRules } from './voting';

/**
 * Versions and approvals of the yearly technical plan (*piano tecnico annuale*), issue 5, as a
 * pure state machine. Each function takes the workflow and returns a new one (inputs are never
 * mutated) or throws ApprovalError with an Italian message, changing nothing.
 *
 *   draft (Technical Director) → proposed by the Executive Committee → approved by the Executive
 *   Committee (a vote) → submitted to the Assembly → approved by the Assembly (a vote).
 *
 * Only the latest version, and only while it is a draft, may be edited (`assertEditable`). A
 * version approved by the Executive Committee or the Assembly is locked; any change to a version
 * past its draft makes a new version (a draft again, `newVersion`) that goes through the whole
 * flow; the older version is then superseded and locked too (approvals can only be reopened
 * from above, as in DHIS2). A vote that rejects or lacks its quorum is recorded and leaves the
 * state where it was. Dates are ISO `YYYY-MM-DD` and never go back in time within a version.
 */

export const PLAN_STATES = ['draft', 'proposed_by_executive', 'approved_by_executive', 'submitted_to_assembly', 'approved_by_assembly'] as const;
export type PlanState = (typeof PLAN_STATES)[number];

export const PLAN_STATE_LABELS: Record<PlanState, string> = {
  draft: 'bozza del Direttore tecnico',
  proposed_by_executive: 'proposta dal Comitato esecutivo',
  approved_by_executive: 'approvata dal Comitato esecutivo',
  submitted_to_assembly: "sottoposta all'Assemblea",
  approved_by_assembly: "approvata dall'Assemblea",
};

export type ApprovalBody = 'executive_committee' | 'assembly';
export const APPROVAL_BODY_LABELS: Record<ApprovalBody, string> = { executive_committee: 'Comitato esecutivo', assembly: 'Assemblea' };

/** One recorded vote on a version (kept whatever its outcome). */
export interface ApprovalRecord {
  body: ApprovalBody;
  date: string;
  /** Reference to the minutes (*verbale*), e.g. "Verbale n. 12/2027". */
  minutesRef: string;
  present: string[];
  ballots: Ballot[];
  rules: VotingRules;
  tally: VoteTally;
}

/** One step of a version's history (who, when, why). */
export interface PlanStep {
  from: PlanState | null;
  to: PlanState;
  date: string;
  by: string;
  note: string;
  /** A note the app wrote (the approval's body and minutes): its catalogue key and figures. */
  note_key?: StepNoteKey;
  note_params?: Record<string, string | number>;
}

export interface PlanVersion {
  version: number;
  state: PlanState;
  /** The version that replaced this one, if any (this one is then locked). */
  supersededBy: number | null;
  steps: PlanStep[];
  approvals: ApprovalRecord[];
}

export interface PlanWorkflow {
  year: number;
  versions: PlanVersion[];
}

export type ApprovalErrorCode =
  | 'PLAN_OUT_OF_ORDER'
  | 'PLAN_LOCKED'
  | 'PLAN_NOT_EDITABLE'
  | 'PLAN_VERSION_UNKNOWN'
  | 'PLAN_STILL_DRAFT'
  | 'PLAN_DATE_INVALID'
  | 'PLAN_DATE_BACKWARDS'
  | 'PLAN_YEAR_INVALID'
  | 'PLAN_TEXT_REQUIRED';

export class ApprovalError<K extends MessageKey = MessageKey> extends GovernanceError<K> {
  declare readonly code: ApprovalErrorCode;
  constructor(code: ApprovalErrorCode, key: K, params: RuleParams<K>) {
    super(code, key, params);
    this.name = 'ApprovalError';
  }
}

/** The state a version must be in for each step, and the state it reaches. */
const FLOW = {
  propose: { from: 'draft', to: 'proposed_by_executive', what: 'proporre il piano (Comitato esecutivo)' },
  executive_committee: { from: 'proposed_by_executive', to: 'approved_by_executive', what: "approvare il piano in Comitato esecutivo" },
  submit: { from: 'approved_by_executive', to: 'submitted_to_assembly', what: "sottoporre il piano all'Assemblea" },
  assembly: { from: 'submitted_to_assembly', to: 'approved_by_assembly', what: "approvare il piano in Assemblea" },
} as const satisfies Record<string, { from: PlanState; to: PlanState; what: string }>;
type StepName = keyof typeof FLOW;

/** The step that comes next from each state (for the out-of-order message). */
const NEXT_STEP: Record<PlanState, string> = {
  draft: 'la proposta del Comitato esecutivo',
  proposed_by_executive: "l'approvazione del Comitato esecutivo",
  approved_by_executive: "l'invio all'Assemblea",
  submitted_to_assembly: "l'approvazione dell'Assemblea",
  approved_by_assembly: 'nessuno: il piano è approvato definitivamente',
};

/** The states, the steps and the next step in English, for the refusals that name them. */
const PLAN_STATE_LABELS_EN: Record<PlanState, string> = {
  draft: 'a draft of the Technical Director',
  proposed_by_executive: 'proposed by the Executive Committee',
  approved_by_executive: 'approved by the Executive Committee',
  submitted_to_assembly: 'submitted to the Assembly',
  approved_by_assembly: 'approved by the Assembly',
};
const NEXT_STEP_EN: Record<PlanState, string> = {
  draft: 'the proposal of the Executive Committee',
  proposed_by_executive: 'the approval of the Executive Committee',
  approved_by_executive: 'the submission to the Assembly',
  submitted_to_assembly: 'the approval of the Assembly',
  approved_by_assembly: 'none: the plan is finally approved',
};
const STEP_EN: Record<StepName, string> = {
  propose: 'propose the plan (Executive Committee)',
  executive_committee: 'approve the plan in the Executive Committee',
  submit: 'submit the plan to the Assembly',
  assembly: 'approve the plan in the Assembly',
};

const LOCKED_STATES: readonly PlanState[] = ['approved_by_executive', 'submitted_to_assembly', 'approved_by_assembly'];

/** True when the version can no longer change (approved, or replaced by a newer version). */
export function isLocked(v: PlanVersion): boolean {
  return v.supersededBy !== null || LOCKED_STATES.includes(v.state);
}

function checkDate(date: string): void {
  if (typeof date !== 'string' || !isRealIsoDate(date)) {
    throw new ApprovalError('PLAN_DATE_INVALID', 'rule.planDateInvalid', { date: String(date) });
  }
}

function checkText(value: string, what: Words): void {
  if (typeof value !== 'string' || value.trim() === '') throw new ApprovalError('PLAN_TEXT_REQUIRED', 'rule.planTextRequired', words('what', what));
}

function lastDate(v: PlanVersion): string {
  return v.steps[v.steps.length - 1]?.date ?? '0000-00-00';
}

function versionOf(wf: PlanWorkflow, version: number): PlanVersion {
  const v = wf.versions.find((x) => x.version === version);
  if (!v) throw new ApprovalError('PLAN_VERSION_UNKNOWN', 'rule.planVersionUnknown', { year: wf.year, version });
  return v;
}

function replace(wf: PlanWorkflow, v: PlanVersion): PlanWorkflow {
  return { year: wf.year, versions: wf.versions.map((x) => (x.version === v.version ? v : x)) };
}

/** Refuses a step on a locked version, or out of order; returns the version. */
function checkStep(wf: PlanWorkflow, version: number, step: StepName, date: string): PlanVersion {
  const v = versionOf(wf, version);
  checkDate(date);
  if (v.supersededBy !== null) {
    throw new ApprovalError('PLAN_LOCKED', 'rule.planSuperseded', { version: v.version, year: wf.year, supersededBy: v.supersededBy });
  }
  if (v.state === 'approved_by_assembly') {
    throw new ApprovalError('PLAN_LOCKED', 'rule.planApprovedLocked', { version: v.version, year: wf.year });
  }
  const f = FLOW[step];
  if (v.state !== f.from) {
    throw new ApprovalError('PLAN_OUT_OF_ORDER', 'rule.planOutOfOrder', {
      ...words('stepLabel', { it: f.what, en: STEP_EN[step] }),
      ...words('stateLabel', { it: PLAN_STATE_LABELS[v.state], en: PLAN_STATE_LABELS_EN[v.state] }),
      ...words('next', { it: NEXT_STEP[v.state], en: NEXT_STEP_EN[v.state] }),
      version: v.version,
      state: v.state,
      step,
    });
  }
  if (date < lastDate(v)) {
    throw new ApprovalError('PLAN_DATE_BACKWARDS', 'rule.planDateBackwards', { date, version: v.version, last: lastDate(v) });
  }
  return v;
}

/** A new plan for `year`: version 1, a draft of the Technical Director. */
export function createPlan(year: number, date: string, by: string): PlanWorkflow {
  if (!Number.isInteger(year) || year < 2000 || year > 2999) {
    throw new ApprovalError('PLAN_YEAR_INVALID', 'rule.planYearInvalid', { year: String(year) });
  }
  checkDate(date);
  checkText(by, { it: 'Chi redige la bozza', en: 'Who drafts the plan' });
  return { year, versions: [{ version: 1, state: 'draft', supersededBy: null, steps: [{ from: null, to: 'draft', date, by, note: '' }], approvals: [] }] };
}

/** The version that is being carried forward (the newest). */
export function currentVersion(wf: PlanWorkflow): PlanVersion {
  const v = wf.versions[wf.versions.length - 1];
  if (!v) throw new ApprovalError('PLAN_VERSION_UNKNOWN', 'rule.planNoVersions', { year: wf.year });
  return v;
}

/** Throws unless `version` may be edited: the newest version, still a draft. */
export function assertEditable(wf: PlanWorkflow, version: number): void {
  const v = versionOf(wf, version);
  if (v.state === 'draft' && v.supersededBy === null) return;
  if (isLocked(v)) throw new ApprovalError('PLAN_LOCKED', 'rule.planLockedEdit', { version: v.version, year: wf.year, state: v.state });
  throw new ApprovalError('PLAN_NOT_EDITABLE', 'rule.planNotEditable', {
    ...words('stateLabel', { it: PLAN_STATE_LABELS[v.state], en: PLAN_STATE_LABELS_EN[v.state] }),
    version: v.version,
    year: wf.year,
    state: v.state,
  });
}

function advance(wf: PlanWorkflow, v: PlanVersion, step: StepName, date: string, by: string, note: string, coded: Pick<PlanStep, 'note_key' | 'note_params'> = {}): PlanWorkflow {
  const to = FLOW[step].to;
  return replace(wf, { ...v, state: to, steps: [...v.steps, { from: v.state, to, date, by, note, ...coded }] });
}

/** draft → proposed by the Executive Committee. */
export function proposeByExecutive(wf: PlanWorkflow, input: { version: number; date: string; by: string; note?: string }): PlanWorkflow {
  const v = checkStep(wf, input.version, 'propose', input.date);
  checkText(input.by, { it: 'Chi propone', en: 'Who proposes' });
  return advance(wf, v, 'propose', input.date, input.by, input.note ?? '');
}

/** approved by the Executive Committee → submitted to the Assembly. */
export function submitToAssembly(wf: PlanWorkflow, input: { version: number; date: string; by: string; note?: string }): PlanWorkflow {
  const v = checkStep(wf, input.version, 'submit', input.date);
  checkText(input.by, { it: "Chi sottopone il piano all'Assemblea", en: 'Who submits the plan to the Assembly' });
  return advance(wf, v, 'submit', input.date, input.by, input.note ?? '');
}

export interface ApprovalInput {
  version: number;
  body: ApprovalBody;
  date: string;
  minutesRef: string;
  electorate: readonly Elector[];
  present: readonly string[];
  ballots: readonly Ballot[];
  rules: VotingRules;
}

/**
 * Records a vote of the Executive Committee (on a proposed version) or of the Assembly (on a
 * submitted one). The outcome is computed; when approved the version moves on, otherwise it
 * stays where it was and the vote is kept in its record.
 */
export function recordApproval(wf: PlanWorkflow, input: ApprovalInput): { workflow: PlanWorkflow; approval: ApprovalRecord } {
  const v = checkStep(wf, input.version, input.body, input.date);
  checkText(input.minutesRef, { it: 'Riferimento al verbale', en: 'Reference to the minutes' });
  const tally = computeVote({ electorate: input.electorate, present: input.present, ballots: input.ballots, rules: input.rules });
  const approval: ApprovalRecord = {
    body: input.body,
    date: input.date,
    minutesRef: input.minutesRef,
    present: [...input.present],
    ballots: input.ballots.map((b) => ({ member: b.member, vote: b.vote })),
    rules: cloneRules(input.rules),
    tally,
  };
  const recorded: PlanVersion = { ...v, approvals: [...v.approvals, approval] };
  if (tally.outcome !== 'approved') return { workflow: replace(wf, recorded), approval };
  const note = `${APPROVAL_BODY_LABELS[input.body]}, ${input.minutesRef}`;
  return {
    workflow: advance(wf, recorded, input.body, input.date, APPROVAL_BODY_LABELS[input.body], note, { note_key: 'approval', note_params: { body: input.body, minutes: input.minutesRef } }),
    approval,
  };
}

function cloneRules(r: VotingRules): VotingRules {
  return { weighting: r.weighting, majority: { ...r.majority }, quorum: { ...r.quorum } };
}

/**
 * A change to a plan past its draft: a new version (a draft again, same content to be edited by
 * the caller) that goes through the whole flow; every older version is superseded and locked.
 */
export function newVersion(wf: PlanWorkflow, input: { date: string; by: string; reason: string }): PlanWorkflow {
  const cur = currentVersion(wf);
  checkDate(input.date);
  checkText(input.by, { it: 'Chi crea la nuova versione', en: 'Who creates the new version' });
  checkText(input.reason, { it: 'Motivo della nuova versione', en: 'Reason for the new version' });
  if (cur.state === 'draft') {
    throw new ApprovalError('PLAN_STILL_DRAFT', 'rule.planStillDraft', { version: cur.version, year: wf.year });
  }
  if (input.date < lastDate(cur)) {
    throw new ApprovalError('PLAN_DATE_BACKWARDS', 'rule.planDateBackwards', { date: input.date, version: cur.version, last: lastDate(cur) });
  }
  const next = cur.version + 1;
  const versions = wf.versions.map((x) => (x.supersededBy === null ? { ...x, supersededBy: next } : x));
  versions.push({ version: next, state: 'draft', supersededBy: null, steps: [{ from: null, to: 'draft', date: input.date, by: input.by, note: input.reason }], approvals: [] });
  return { year: wf.year, versions };
}
