import type { MessageKey } from '../errors/catalogue';
import { GovernanceError, words, type RuleParams, type Words } from './errors';

/**
 * A vote of the Executive Committee or of the Assembly, and its outcome COMPUTED by the app
 * (issue 5): who is present, who votes for / against / abstains, each with a weight (one member
 * one vote, by population, or by quota), the quorum (*quorum costitutivo*) and the majority rule
 * (*quorum deliberativo*). Every threshold is compared in exact integer arithmetic (BigInt
 * cross-multiplication), never with floating-point fractions.
 *
 * Definitions:
 *   - votes cast (*votanti*) = for + against; abstentions are present but not cast;
 *   - simple majority: for > against (of the votes cast);
 *   - absolute majority: for > half of the weight of ALL members of the body;
 *   - qualified majority n/d: for ≥ n/d of the chosen base (votes cast, weight present, or all);
 *   - quorum n/d of members (head count) or of weight: present ≥ n/d of the total;
 *   - whatever the rule, a vote with no weight in favour approves nothing.
 */

export const WEIGHTINGS = ['one_member_one_vote', 'population', 'quota'] as const;
export type Weighting = (typeof WEIGHTINGS)[number];

export const VOTE_CHOICES = ['for', 'against', 'abstain'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

export type MajorityRule =
  | { kind: 'simple' }
  | { kind: 'absolute' }
  | { kind: 'qualified'; numerator: number; denominator: number; of: 'cast' | 'present' | 'all' };

export interface QuorumRule {
  /** Head count of members, or their weight. */
  of: 'members' | 'weight';
  numerator: number;
  denominator: number;
}

export interface VotingRules {
  weighting: Weighting;
  majority: MajorityRule;
  quorum: QuorumRule;
}

/** A member of the body that votes; `population` / `quota` are needed by those weightings. */
export interface Elector {
  id: string;
  population?: number;
  /** The member's quota in any integer unit the consortium uses (e.g. cents or thousandths). */
  quota?: number;
}

export interface Ballot {
  member: string;
  vote: VoteChoice;
}

export interface VoteInput {
  /** Every member of the body (the base of quorum and absolute majority). */
  electorate: readonly Elector[];
  present: readonly string[];
  ballots: readonly Ballot[];
  rules: VotingRules;
}

export type VoteOutcome = 'approved' | 'rejected' | 'no_quorum';

export interface VoteTally {
  weighting: Weighting;
  members: number;
  presentMembers: number;
  totalWeight: number;
  presentWeight: number;
  forWeight: number;
  againstWeight: number;
  abstainWeight: number;
  /** Present but not voting (neither for, against nor abstaining). */
  notVotingWeight: number;
  forCount: number;
  againstCount: number;
  abstainCount: number;
  quorumReached: boolean;
  outcome: VoteOutcome;
}

export type VoteErrorCode =
  | 'VOTE_TOO_MANY'
  | 'VOTE_NOT_PRESENT'
  | 'VOTE_TWICE'
  | 'VOTE_UNKNOWN_MEMBER'
  | 'VOTE_PRESENT_TWICE'
  | 'VOTE_ELECTORATE'
  | 'VOTE_WEIGHT_INVALID'
  | 'VOTE_RULE_INVALID'
  | 'VOTE_CHOICE_INVALID';

export class VoteError<K extends MessageKey = MessageKey> extends GovernanceError<K> {
  declare readonly code: VoteErrorCode;
  constructor(code: VoteErrorCode, key: K, params: RuleParams<K>) {
    super(code, key, params);
    this.name = 'VoteError';
  }
}

const WEIGHTING_LABELS: Record<Weighting, string> = {
  one_member_one_vote: 'un membro, un voto',
  population: 'per popolazione',
  quota: 'per quota',
};

const WEIGHTING_LABELS_EN: Record<Weighting, string> = { one_member_one_vote: 'one member, one vote', population: 'by population', quota: 'by share' };

function checkFraction(numerator: unknown, denominator: unknown, what: Words, allowZero: boolean): void {
  const ok =
    typeof numerator === 'number' &&
    typeof denominator === 'number' &&
    Number.isSafeInteger(numerator) &&
    Number.isSafeInteger(denominator) &&
    denominator >= 1 &&
    numerator >= (allowZero ? 0 : 1) &&
    numerator <= denominator;
  if (!ok) {
    throw new VoteError('VOTE_RULE_INVALID', 'rule.voteFraction', { ...words('what', what), numerator: String(numerator), denominator: String(denominator), min: allowZero ? 0 : 1 });
  }
}

/** Throws unless the rules are well formed. */
export function checkVotingRules(rules: VotingRules): void {
  if (!WEIGHTINGS.includes(rules.weighting)) {
    throw new VoteError('VOTE_RULE_INVALID', 'rule.voteWeighting', { weighting: String(rules.weighting) });
  }
  const m = rules.majority;
  if (m.kind === 'qualified') {
    checkFraction(m.numerator, m.denominator, { it: 'Maggioranza qualificata', en: 'Qualified majority' }, false);
    if (!['cast', 'present', 'all'].includes(m.of)) {
      throw new VoteError('VOTE_RULE_INVALID', 'rule.voteQualifiedBase', { base: String(m.of) });
    }
  } else if (m.kind !== 'simple' && m.kind !== 'absolute') {
    throw new VoteError('VOTE_RULE_INVALID', 'rule.voteMajorityKind', { kind: String((m as { kind: unknown }).kind) });
  }
  if (rules.quorum.of !== 'members' && rules.quorum.of !== 'weight') {
    throw new VoteError('VOTE_RULE_INVALID', 'rule.voteQuorumBase', { base: String(rules.quorum.of) });
  }
  checkFraction(rules.quorum.numerator, rules.quorum.denominator, { it: 'Quorum', en: 'Quorum' }, true);
}

function weightOf(e: Elector, weighting: Weighting): bigint {
  if (weighting === 'one_member_one_vote') return 1n;
  const value = weighting === 'population' ? e.population : e.quota;
  const what = weighting === 'population' ? { it: 'la popolazione', en: 'the population' } : { it: 'la quota', en: 'the share' };
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new VoteError('VOTE_WEIGHT_INVALID', 'rule.voteWeightInvalid', {
      ...words('weightingLabel', { it: WEIGHTING_LABELS[weighting], en: WEIGHTING_LABELS_EN[weighting] }),
      ...words('what', what),
      member: e.id,
      value: String(value),
    });
  }
  return BigInt(value);
}

const toNumber = (v: bigint): number => {
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new VoteError('VOTE_WEIGHT_INVALID', 'rule.voteWeightsOverflow', {});
  return Number(v);
};

/**
 * Tallies a vote and computes its outcome. Refuses more ballots than members present, a voter
 * not present, a member voting twice, unknown members, negative or fractional weights, bad rules.
 */
export function computeVote(input: VoteInput): VoteTally {
  const { electorate, present, ballots, rules } = input;
  checkVotingRules(rules);
  if (electorate.length === 0) throw new VoteError('VOTE_ELECTORATE', 'rule.voteNoElectorate', {});
  const weights = new Map<string, bigint>();
  for (const e of electorate) {
    if (weights.has(e.id)) throw new VoteError('VOTE_ELECTORATE', 'rule.voteElectorTwice', { member: e.id });
    weights.set(e.id, weightOf(e, rules.weighting));
  }
  if (ballots.length > present.length) {
    throw new VoteError('VOTE_TOO_MANY', 'rule.voteTooMany', {
      ballots: ballots.length,
      present: present.length,
    });
  }
  const isPresent = new Set<string>();
  for (const id of present) {
    if (!weights.has(id)) throw new VoteError('VOTE_UNKNOWN_MEMBER', 'rule.votePresentNotMember', { member: id });
    if (isPresent.has(id)) throw new VoteError('VOTE_PRESENT_TWICE', 'rule.votePresentTwice', { member: id });
    isPresent.add(id);
  }
  const voted = new Set<string>();
  const sums: Record<VoteChoice, bigint> = { for: 0n, against: 0n, abstain: 0n };
  const counts: Record<VoteChoice, number> = { for: 0, against: 0, abstain: 0 };
  for (const b of ballots) {
    if (!VOTE_CHOICES.includes(b.vote)) {
      throw new VoteError('VOTE_CHOICE_INVALID', 'rule.voteChoiceInvalid', { member: b.member, vote: String(b.vote) });
    }
    if (!weights.has(b.member)) throw new VoteError('VOTE_UNKNOWN_MEMBER', 'rule.voteNotMember', { member: b.member });
    if (!isPresent.has(b.member)) throw new VoteError('VOTE_NOT_PRESENT', 'rule.voteNotPresent', { member: b.member });
    if (voted.has(b.member)) throw new VoteError('VOTE_TWICE', 'rule.voteTwice', { member: b.member });
    voted.add(b.member);
    sums[b.vote] += weights.get(b.member)!;
    counts[b.vote] += 1;
  }
  let total = 0n;
  for (const w of weights.values()) total += w;
  let presentWeight = 0n;
  for (const id of isPresent) presentWeight += weights.get(id)!;

  const q = rules.quorum;
  const quorumReached =
    q.of === 'members'
      ? BigInt(isPresent.size) * BigInt(q.denominator) >= BigInt(q.numerator) * BigInt(electorate.length)
      : presentWeight * BigInt(q.denominator) >= BigInt(q.numerator) * total;

  const f = sums.for;
  const m = rules.majority;
  let passes: boolean;
  if (m.kind === 'simple') passes = f > sums.against;
  else if (m.kind === 'absolute') passes = 2n * f > total;
  else {
    const base = m.of === 'cast' ? f + sums.against : m.of === 'present' ? presentWeight : total;
    passes = f * BigInt(m.denominator) >= BigInt(m.numerator) * base;
  }
  passes = passes && f > 0n;

  return {
    weighting: rules.weighting,
    members: electorate.length,
    presentMembers: isPresent.size,
    totalWeight: toNumber(total),
    presentWeight: toNumber(presentWeight),
    forWeight: toNumber(sums.for),
    againstWeight: toNumber(sums.against),
    abstainWeight: toNumber(sums.abstain),
    notVotingWeight: toNumber(presentWeight - sums.for - sums.against - sums.abstain),
    forCount: counts.for,
    againstCount: counts.against,
    abstainCount: counts.abstain,
    quorumReached,
    outcome: !quorumReached ? 'no_quorum' : passes ? 'approved' : 'rejected',
  };
}
