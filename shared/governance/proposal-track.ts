import { isRealIsoDate } from '../records/common';
import type { StepNoteKey } from '../records/gov-records';
import { words, type Words } from './errors';
import { EvaluationError, scoreProposal, type CriteriaConfig, type Evaluation } from './evaluation';

/**
 * The state of a proposal on the hub (issue 5), as a pure state machine:
 *
 *   received → under_evaluation → admitted → approved (with the plan) → in_progress → completed
 *                               ↘ not_admitted (a reason is required; final)
 *                               ↘ returned (notes are required) → received (resubmitted)
 *
 * While under evaluation the committee records its scores (again and again, the last counts);
 * a proposal is admitted only once evaluated. In progress carries a % progress (integer 0..100)
 * and its dates; completing sets it to 100. Every step keeps who, when and why; dates are ISO
 * `YYYY-MM-DD` and never go back. An illegal step is refused with an Italian message naming the
 * steps allowed from the current state.
 */

export const PROPOSAL_STATES = ['received', 'under_evaluation', 'admitted', 'not_admitted', 'returned', 'approved', 'in_progress', 'completed'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export const PROPOSAL_STATE_LABELS: Record<ProposalState, string> = {
  received: 'ricevuta',
  under_evaluation: 'in valutazione',
  admitted: 'ammessa al piano',
  not_admitted: 'non ammessa',
  returned: 'restituita per modifiche',
  approved: 'approvata con il piano',
  in_progress: 'in corso',
  completed: 'completata',
};

export interface ProposalStep {
  from: ProposalState | null;
  to: ProposalState;
  date: string;
  by: string;
  note: string;
  /** A note the app wrote: its catalogue key and figures (the record's `note_key`, `note_params`). */
  note_key?: StepNoteKey;
  note_params?: Record<string, string | number>;
  /** The Technical Committee meeting that decided it (issue 15), when the hub named one. */
  meeting?: { id: string; date: string };
}

export interface ProposalTrack {
  status: ProposalState;
  evaluation: Evaluation | null;
  /** Why it was not admitted. */
  reason: string | null;
  /** What to change (returned). */
  notes: string | null;
  /** The plan that approved it. */
  plan: { year: number; version: number } | null;
  /** 0..100 once in progress. */
  progress: number | null;
  startDate: string | null;
  expectedEndDate: string | null;
  completedDate: string | null;
  steps: ProposalStep[];
}

export type ProposalAction =
  | { type: 'start_evaluation'; date: string; by: string }
  | { type: 'evaluate'; date: string; by: string; criteria: CriteriaConfig; scores: Readonly<Record<string, number>> }
  | { type: 'admit'; date: string; by: string; note?: string }
  | { type: 'not_admit'; date: string; by: string; reason: string }
  | { type: 'return'; date: string; by: string; notes: string }
  /** The member sent a new version (`version`, when known) of a returned proposal. */
  | { type: 'resubmit'; date: string; by: string; version?: number }
  | { type: 'approve_with_plan'; date: string; by: string; planYear: number; planVersion: number }
  | { type: 'start'; date: string; by: string; expectedEndDate?: string; progress?: number }
  | { type: 'report_progress'; date: string; by: string; progress: number; note?: string }
  | { type: 'complete'; date: string; by: string; note?: string };

/** From each state: the actions allowed and the state each leads to. */
const GRAPH: Record<ProposalState, Partial<Record<ProposalAction['type'], ProposalState>>> = {
  received: { start_evaluation: 'under_evaluation' },
  under_evaluation: { evaluate: 'under_evaluation', admit: 'admitted', not_admit: 'not_admitted', return: 'returned' },
  returned: { resubmit: 'received' },
  admitted: { approve_with_plan: 'approved' },
  approved: { start: 'in_progress' },
  in_progress: { report_progress: 'in_progress', complete: 'completed' },
  not_admitted: {},
  completed: {},
};

const ACTION_LABELS: Record<ProposalAction['type'], string> = {
  start_evaluation: 'avviare la valutazione',
  evaluate: 'registrare i punteggi',
  admit: 'ammettere al piano',
  not_admit: 'non ammettere',
  return: 'restituire per modifiche',
  resubmit: 'ripresentare',
  approve_with_plan: 'approvare con il piano',
  start: 'avviare i lavori',
  report_progress: "aggiornare l'avanzamento",
  complete: 'dichiarare completata',
};

/** The same, in English (a refused step names them: «It is not possible to …»). */
const ACTION_LABELS_EN: Record<ProposalAction['type'], string> = {
  start_evaluation: 'start the evaluation',
  evaluate: 'record the scores',
  admit: 'admit it to the plan',
  not_admit: 'not admit it',
  return: 'return it for changes',
  resubmit: 'submit it again',
  approve_with_plan: 'approve it with the plan',
  start: 'start the work',
  report_progress: 'update the progress',
  complete: 'declare it completed',
};

export const PROPOSAL_STATE_LABELS_EN: Record<ProposalState, string> = {
  received: 'received',
  under_evaluation: 'under evaluation',
  admitted: 'admitted to the plan',
  not_admitted: 'not admitted',
  returned: 'returned for changes',
  approved: 'approved with the plan',
  in_progress: 'in progress',
  completed: 'completed',
};

const checkDate = (d: unknown, what: Words): string => {
  if (typeof d !== 'string' || !isRealIsoDate(d)) throw new EvaluationError('PROPOSAL_DATE_INVALID', 'rule.proposalDateInvalid', { ...words('what', what), value: String(d) });
  return d;
};

const required = (text: unknown, code: 'PROPOSAL_REASON_REQUIRED' | 'PROPOSAL_NOTES_REQUIRED', key: 'rule.proposalReasonRequired' | 'rule.proposalNotesRequired'): string => {
  if (typeof text !== 'string' || text.trim() === '') throw new EvaluationError(code, key, {});
  return text.trim();
};

const checkProgress = (p: unknown): number => {
  if (typeof p !== 'number' || !Number.isInteger(p) || p < 0 || p > 100) {
    throw new EvaluationError('PROPOSAL_PROGRESS_INVALID', 'rule.proposalProgressInvalid', { value: String(p) });
  }
  return p;
};

/** A proposal just received by the hub. */
export function receiveProposal(date: string, by: string): ProposalTrack {
  checkDate(date, { it: 'Data di ricezione', en: 'Date received' });
  if (typeof by !== 'string' || by.trim() === '') throw new EvaluationError('PROPOSAL_TRANSITION', 'rule.proposalReceivedBy', {});
  return {
    status: 'received',
    evaluation: null,
    reason: null,
    notes: null,
    plan: null,
    progress: null,
    startDate: null,
    expectedEndDate: null,
    completedDate: null,
    steps: [{ from: null, to: 'received', date, by, note: '' }],
  };
}

/** Applies one action, returning a new track; throws EvaluationError (nothing changed) if illegal. */
export function transitionProposal(track: ProposalTrack, action: ProposalAction): ProposalTrack {
  const to = GRAPH[track.status][action.type];
  if (to === undefined) {
    const allowed = Object.keys(GRAPH[track.status]) as ProposalAction['type'][];
    const named = {
      ...words('actionLabel', { it: ACTION_LABELS[action.type], en: ACTION_LABELS_EN[action.type] }),
      ...words('statusLabel', { it: PROPOSAL_STATE_LABELS[track.status], en: PROPOSAL_STATE_LABELS_EN[track.status] }),
      status: track.status,
      action: action.type,
    };
    if (allowed.length === 0) throw new EvaluationError('PROPOSAL_TRANSITION', 'rule.proposalFinal', named);
    const choices = { it: allowed.map((a) => ACTION_LABELS[a]).join(', '), en: allowed.map((a) => ACTION_LABELS_EN[a]).join(', ') };
    throw new EvaluationError('PROPOSAL_TRANSITION', 'rule.proposalTransition', { ...named, ...words('allowed', choices) });
  }
  const date = checkDate(action.date, { it: 'Data del passo', en: 'Date of the step' });
  if (typeof action.by !== 'string' || action.by.trim() === '') throw new EvaluationError('PROPOSAL_TRANSITION', 'rule.proposalStepBy', {});
  const last = track.steps[track.steps.length - 1]?.date ?? '0000-00-00';
  if (date < last) throw new EvaluationError('PROPOSAL_DATE_INVALID', 'rule.proposalDateBackwards', { date, last });
  const next: ProposalTrack = { ...track, status: to };
  let note = '';
  let coded: Pick<ProposalStep, 'note_key' | 'note_params'> = {};
  switch (action.type) {
    case 'start_evaluation':
      break;
    case 'resubmit':
      if (action.version !== undefined) {
        note = `Nuova versione ricevuta (versione ${action.version})`;
        coded = { note_key: 'new_version', note_params: { version: action.version } };
      }
      break;
    case 'evaluate':
      next.evaluation = scoreProposal(action.criteria, action.scores);
      note = `Punteggio totale ${next.evaluation.totalHundredths} centesimi`;
      coded = { note_key: 'score_total', note_params: { total: next.evaluation.totalHundredths } };
      break;
    case 'admit':
      if (!track.evaluation) {
        throw new EvaluationError('PROPOSAL_NOT_EVALUATED', 'rule.proposalNotEvaluated', {});
      }
      note = action.note ?? '';
      break;
    case 'not_admit':
      next.reason = required(action.reason, 'PROPOSAL_REASON_REQUIRED', 'rule.proposalReasonRequired');
      note = next.reason;
      break;
    case 'return':
      next.notes = required(action.notes, 'PROPOSAL_NOTES_REQUIRED', 'rule.proposalNotesRequired');
      note = next.notes;
      break;
    case 'approve_with_plan':
      if (!Number.isInteger(action.planYear) || action.planYear < 2000 || action.planYear > 2999 || !Number.isInteger(action.planVersion) || action.planVersion < 1) {
        throw new EvaluationError('PROPOSAL_PLAN_INVALID', 'rule.proposalPlanInvalid', { year: String(action.planYear), version: String(action.planVersion) });
      }
      next.plan = { year: action.planYear, version: action.planVersion };
      note = `Piano ${action.planYear}, versione ${action.planVersion}`;
      coded = { note_key: 'plan_version', note_params: { year: action.planYear, version: action.planVersion } };
      break;
    case 'start':
      next.startDate = date;
      next.progress = checkProgress(action.progress ?? 0);
      if (action.expectedEndDate !== undefined) {
        next.expectedEndDate = checkDate(action.expectedEndDate, { it: 'Data di fine prevista', en: 'Expected end date' });
        if (next.expectedEndDate < date) throw new EvaluationError('PROPOSAL_DATE_INVALID', 'rule.proposalEndBeforeStart', { end: next.expectedEndDate, date });
      }
      break;
    case 'report_progress':
      next.progress = checkProgress(action.progress);
      note = action.note ?? `Avanzamento ${next.progress}%`;
      if (action.note === undefined) coded = { note_key: 'progress', note_params: { progress: next.progress } };
      break;
    case 'complete':
      next.progress = 100;
      next.completedDate = date;
      note = action.note ?? '';
      break;
  }
  next.steps = [...track.steps, { from: track.status, to, date, by: action.by, note, ...coded }];
  return next;
}
