import type { MessageKey } from '../errors/catalogue';
import { GovernanceError, type RuleParams } from './errors';

/**
 * Evaluation of proposals by the Technical Committee (issue 5): weighted criteria, one integer
 * score per criterion, an exact total, a ranking, and the proposal's state machine on the hub.
 *
 * Total: weights are integers summing to 100 and scores integers 0..maxScore, so
 * Σ weight × score is an integer equal to the weighted average × 100: the total is stored as
 * that integer of HUNDREDTHS of a score point (7,35 / 10 → 735). No float anywhere.
 *
 * Ranking (deterministic): higher total first; on equal totals, the higher score on the criterion
 * with the largest weight, then the next (criteria of equal weight in their configured order);
 * then the proposal received first; then the id in ascending order.
 *
 * The proposal's state machine (received → under evaluation → …) is in `proposal-track.ts`.
 */

export interface Criterion {
  id: string;
  /** Italian label shown to the committee. */
  label: string;
  /** Integer 0..100; the weights of a configuration sum to 100. */
  weight: number;
  /** A default criterion not renamed: its catalogue key, so each page shows it in its language. */
  label_key?: string;
}

export interface CriteriaConfig {
  criteria: Criterion[];
  /** Highest score of a criterion (scores are integers 0..maxScore). */
  maxScore: number;
}

export const DEFAULT_CRITERIA: CriteriaConfig = {
  maxScore: 10,
  criteria: [
    { id: 'citizen_business_benefit', label_key: 'citizen_business_benefit', label: 'Beneficio per cittadini e imprese', weight: 30 },
    { id: 'members_benefiting', label_key: 'members_benefiting', label: 'Numero di membri che ne beneficiano', weight: 20 },
    { id: 'feasibility', label_key: 'feasibility', label: 'Fattibilità', weight: 20 },
    { id: 'cost_benefit', label_key: 'cost_benefit', label: 'Rapporto costi/benefici', weight: 15 },
    { id: 'national_plan_fit', label_key: 'national_plan_fit', label: "Coerenza con il Piano triennale per l'informatica nella PA", weight: 15 },
  ],
};

/**
 * The criteria with the catalogue key of each default criterion the operator has not renamed
 * (same id and same Italian label); a renamed or new criterion keeps only its own label.
 */
export function withLabelKeys(config: CriteriaConfig): CriteriaConfig {
  const defaults = new Map(DEFAULT_CRITERIA.criteria.map((c) => [c.id, c]));
  return {
    maxScore: config.maxScore,
    criteria: config.criteria.map((c) => {
      const d = defaults.get(c.id);
      const plain = { id: c.id, label: c.label, weight: c.weight };
      return d && d.label === c.label ? { ...plain, label_key: d.label_key as string } : plain;
    }),
  };
}

export type EvaluationErrorCode =
  | 'EVAL_WEIGHTS_SUM'
  | 'EVAL_WEIGHT_INVALID'
  | 'EVAL_CRITERIA_INVALID'
  | 'EVAL_SCORE_INVALID'
  | 'EVAL_SCORE_MISSING'
  | 'EVAL_SCORE_UNKNOWN'
  | 'EVAL_DUPLICATE'
  | 'PROPOSAL_TRANSITION'
  | 'PROPOSAL_REASON_REQUIRED'
  | 'PROPOSAL_NOTES_REQUIRED'
  | 'PROPOSAL_NOT_EVALUATED'
  | 'PROPOSAL_PROGRESS_INVALID'
  | 'PROPOSAL_DATE_INVALID'
  | 'PROPOSAL_PLAN_INVALID';

export class EvaluationError<K extends MessageKey = MessageKey> extends GovernanceError<K> {
  declare readonly code: EvaluationErrorCode;
  constructor(code: EvaluationErrorCode, key: K, params: RuleParams<K>) {
    super(code, key, params);
    this.name = 'EvaluationError';
  }
}

/** Throws unless the criteria are usable: unique ids, integer weights summing to 100, a sane scale. */
export function checkCriteria(config: CriteriaConfig): void {
  if (!Number.isInteger(config.maxScore) || config.maxScore < 1 || config.maxScore > 100) {
    throw new EvaluationError('EVAL_CRITERIA_INVALID', 'rule.evalMaxScore', { value: String(config.maxScore) });
  }
  if (config.criteria.length === 0) throw new EvaluationError('EVAL_CRITERIA_INVALID', 'rule.evalNoCriteria', {});
  const ids = new Set<string>();
  let sum = 0;
  for (const c of config.criteria) {
    if (typeof c.id !== 'string' || c.id.trim() === '' || typeof c.label !== 'string' || c.label.trim() === '') {
      throw new EvaluationError('EVAL_CRITERIA_INVALID', 'rule.evalCriterionIncomplete', {});
    }
    if (ids.has(c.id)) throw new EvaluationError('EVAL_CRITERIA_INVALID', 'rule.evalCriterionTwice', { criterion: c.id });
    ids.add(c.id);
    if (!Number.isInteger(c.weight) || c.weight < 0 || c.weight > 100) {
      throw new EvaluationError('EVAL_WEIGHT_INVALID', 'rule.evalWeightInvalid', {
        label: c.label,
        criterion: c.id,
        value: String(c.weight),
      });
    }
    sum += c.weight;
  }
  if (sum !== 100) {
    throw new EvaluationError('EVAL_WEIGHTS_SUM', 'rule.evalWeightsSum', { sum });
  }
}

export interface Evaluation {
  /** One integer score per criterion id. */
  scores: Record<string, number>;
  /** Σ weight × score: the weighted average in hundredths of a point. */
  totalHundredths: number;
}

/** Checks the scores against the criteria and computes the exact total. */
export function scoreProposal(config: CriteriaConfig, scores: Readonly<Record<string, number>>): Evaluation {
  checkCriteria(config);
  const known = new Set(config.criteria.map((c) => c.id));
  for (const id of Object.keys(scores)) {
    if (!known.has(id)) throw new EvaluationError('EVAL_SCORE_UNKNOWN', 'rule.evalScoreUnknown', { criterion: id });
  }
  let total = 0;
  const out: Record<string, number> = {};
  for (const c of config.criteria) {
    const s = scores[c.id];
    if (s === undefined) throw new EvaluationError('EVAL_SCORE_MISSING', 'rule.evalScoreMissing', { label: c.label, criterion: c.id });
    if (!Number.isInteger(s) || s < 0 || s > config.maxScore) {
      throw new EvaluationError('EVAL_SCORE_INVALID', 'rule.evalScoreInvalid', {
        label: c.label,
        max: config.maxScore,
        criterion: c.id,
        value: String(s),
      });
    }
    out[c.id] = s;
    total += c.weight * s;
  }
  return { scores: out, totalHundredths: total };
}

export interface RankingEntry {
  id: string;
  /** ISO date the proposal was received. */
  receivedAt: string;
  scores: Readonly<Record<string, number>>;
}

export interface RankedProposal {
  id: string;
  totalHundredths: number;
  /** 1..n, unique (ties broken as documented above). */
  position: number;
  /** Standard competition rank on the total alone (1, 2, 2, 4): equal totals share it. */
  totalRank: number;
}

/** Ranks evaluated proposals (see the tie-break order in the module comment). */
export function rankProposals(config: CriteriaConfig, entries: readonly RankingEntry[]): RankedProposal[] {
  const seen = new Set<string>();
  const rows = entries.map((e) => {
    if (seen.has(e.id)) throw new EvaluationError('EVAL_DUPLICATE', 'rule.evalProposalTwice', { id: e.id });
    seen.add(e.id);
    return { id: e.id, receivedAt: e.receivedAt, ev: scoreProposal(config, e.scores) };
  });
  // Criteria by descending weight; Array.prototype.sort is stable, so equal weights keep their order.
  const order = [...config.criteria].sort((a, b) => b.weight - a.weight).map((c) => c.id);
  rows.sort((a, b) => {
    if (a.ev.totalHundredths !== b.ev.totalHundredths) return b.ev.totalHundredths - a.ev.totalHundredths;
    for (const id of order) {
      const d = b.ev.scores[id]! - a.ev.scores[id]!;
      if (d !== 0) return d;
    }
    if (a.receivedAt !== b.receivedAt) return a.receivedAt < b.receivedAt ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  let rank = 0;
  return rows.map((r, i) => {
    if (i === 0 || r.ev.totalHundredths !== rows[i - 1]!.ev.totalHundredths) rank = i + 1;
    return { id: r.id, totalHundredths: r.ev.totalHundredths, position: i + 1, totalRank: rank };
  });
}
