import { z } from 'zod';
import { localPath } from './local-path';
import { IstatCode } from './ids';
import { IsoDate, lineText, noteText, RecordId } from '../records/common';
import { BallotSchema, CriteriaConfigSchema, ElectorSchema, ProposalActionSchema, ScoresSchema, SharingKeySchema, VotingRulesSchema } from '../governance/schemas';
import { CentsSchema } from '../governance/money';
import type { CriteriaConfig } from '../governance/evaluation';
import type { HubProposalDetail } from './hub-views';
import type { TcRules } from './tc-meetings';
import { TcProxyRule, TcQuorumRule } from '../records/tc-meetings';
import type { Joiner } from './proposal-joins';
import type { ProposalStateView } from '../governance/proposal-state';
import type { VotingRules, VoteTally } from '../governance/voting';
import type { PlanAllocation } from '../governance/allocation';
import { MemberPageFields, type PageInfo } from './member-page';
import type { ConsortiumSavings } from '../governance/statement';
import type { ConsortiumReportContent, CostStatementData, ItemCategory, PayersData, PlanItemData, PlanVersionData, ProposalStatusData } from '../records/gov-records';

/**
 * API inputs and outputs of governance (issue 5): evaluation of proposals, the yearly technical
 * plan with its approvals and cost allocation, statements, the consortium report.
 */

const Year = z.number().int().min(2000, { message: 'Anno non valido (per esempio 2027).' }).max(2999, { message: 'Anno non valido (per esempio 2027).' });

export interface GovSettings {
  criteria: CriteriaConfig;
  voting: { executive_committee: VotingRules; assembly: VotingRules };
  /** Assembly setting: members named in the consortium report, or shown by size class. */
  reportNamed: boolean;
  /**
   * The Executive Committee: the members (ISTAT codes) sitting in it, who are its electorate and
   * pre-filled as present at its votes, and the Technical Director (who drafts the plan).
   * Empty members: not configured yet (the vote then names its components).
   */
  executiveCommittee: { members: string[]; technicalDirector: string };
  /** The Technical Committee's rules (issue 15): its quorum and its proxies. */
  technicalCommittee: TcRules;
}

export const GovSettingsUpdateInput = z
  .object({
    criteria: CriteriaConfigSchema.optional(),
    voting: z.object({ executive_committee: VotingRulesSchema.optional(), assembly: VotingRulesSchema.optional() }).strict().optional(),
    reportNamed: z.boolean().optional(),
    executiveCommittee: z
      .object({
        members: z.array(IstatCode).max(100, { message: 'Il Comitato esecutivo ha al massimo 100 componenti.' }),
        technicalDirector: z.string().trim().max(100, { message: 'Il nome del Direttore tecnico ha al massimo 100 caratteri.' }),
      })
      .strict()
      .optional(),
    technicalCommittee: z.object({ quorum: TcQuorumRule, proxies: TcProxyRule }).strict().optional(),
  })
  .strict();

/** `evaluate` takes the scores only: the criteria are the configured ones. */
const EvaluateScores = z.object({ type: z.literal('evaluate'), date: IsoDate, by: lineText(100), scores: ScoresSchema }).strict();
/** `meetingId`: the Technical Committee meeting that decided the step (issue 15); it must have examined the proposal. */
export const ProposalActInput = z.object({ id: RecordId, action: z.union([EvaluateScores, ProposalActionSchema]), meetingId: RecordId.optional() }).strict();
export const ProposalAssignInput = z.object({ id: RecordId, groupId: RecordId.nullable() }).strict();

export type ProposalTrackView = ProposalStatusData & { id: string; updatedAt: string };

export interface GovProposalRow {
  id: string;
  owner: string;
  ownerName: string | null;
  title: string;
  /** The member's own status (submitted / withdrawn). */
  memberStatus: string;
  oneOffCents: number;
  yearlyCents: number;
  track: ProposalTrackView | null;
  /** The one state every screen shows (shared/governance/proposal-state.ts): withdrawal included. */
  state: ProposalStateView;
}

/** Hub: one received proposal as the evaluation screen shows it (`gov.proposals.get`). */
export type GovProposalDetail = HubProposalDetail & {
  /** The evaluation track (scores, state, timeline); null until the hub takes a step on it. */
  track: ProposalTrackView | null;
  /** The criteria to score with: those of its evaluation, else the configured ones. */
  criteria: CriteriaConfig;
  groupName: string | null;
  /** The members that joined the proposal (condivisione), by town name. */
  joiners: Joiner[];
  /** The Technical Committee meetings that examined it, oldest first: those a step may name (issue 15). */
  meetings: { id: string; date: string }[];
};

export interface RankingRow {
  id: string;
  title: string;
  owner: string;
  totalHundredths: number;
  position: number;
  totalRank: number;
  status: string;
}

export const PlanItemInput = z
  .object({
    code: lineText(40),
    description: lineText(200),
    category: z.enum(['service', 'initiative', 'quota']),
    service: z.string().max(40).nullable().optional(),
    proposalId: RecordId.nullable().optional(),
    fixedCents: CentsSchema.default(0),
    unitCents: CentsSchema.default(0),
    /**
     * Projected quantity in thousandths; omitted or null → the estimate from the last twelve
     * months received (null when no month has a figure: unknown, never zero).
     */
    quantityMilli: z.number().int().min(0, { message: 'La quantità non può essere negativa.' }).max(1e15).nullable().optional(),
    oneOffCents: CentsSchema.default(0),
    key: SharingKeySchema,
    usageBasis: z.enum(['last_year', 'projected']).default('last_year'),
    exempt: z.array(IstatCode).max(10_000).default([]),
    /**
     * Who pays: every member but `exempt`, or only the members listed. Every screen sends it; an
     * API caller or a CSV row without it means every member but `exempt` (the record then says
     * so explicitly, and the plan screen, the printed plan and the CSV show it).
     */
    payers: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('all') }).strict(),
        z.object({ kind: z.literal('only'), members: z.array(IstatCode).min(1, { message: 'Indicare almeno un comune che paga la voce.' }).max(10_000) }).strict(),
      ])
      .default({ kind: 'all' }),
    reference: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('size_class'), cents: z.array(CentsSchema).min(1).max(20) }).strict(),
        z.object({ kind: z.literal('per_unit'), fixedCents: CentsSchema.optional(), unitCents: CentsSchema }).strict(),
      ])
      .nullable()
      .default(null),
  })
  .strict();

/** A stored plan item as `plan.saveItems` takes it back: every field kept as it is. */
export function toItemInput(i: PlanItemData): z.input<typeof PlanItemInput> {
  return {
    code: i.code,
    description: i.description,
    category: i.category,
    service: i.service,
    proposalId: i.proposal_id,
    fixedCents: i.fixed_cents,
    unitCents: i.unit_cents,
    quantityMilli: i.quantity_milli,
    oneOffCents: i.one_off_cents,
    key: i.key,
    usageBasis: i.usage_basis,
    exempt: i.exempt,
    payers: payersOf(i),
    reference: i.reference,
  };
}

/** Who pays an item: its `payers`, or for an item stored before issue 13 every member but `exempt`. */
export function payersOf(i: Pick<PlanItemData, 'payers'>): PayersData {
  return i.payers ?? { kind: 'all' };
}

export const PlanCreateInput = z.object({ year: Year, date: IsoDate, by: lineText(100).optional() }).strict();
export const PlanRefInput = z.object({ year: Year, version: z.number().int().min(1).optional() }).strict();
/** With `page`: the shares of one page of members (search, province, region) — every item's column over 7,896 members is too much for a screen. */
export const PlanAllocateInput = PlanRefInput.extend({
  ...MemberPageFields,
  /** One item only (its code): the Assembly's vote weighted by quota reads the quota's shares, not 40 items × 7,896 members. */
  item: z.string().min(1).max(100).optional(),
}).strict();
/** With `page` only: the members of the page (by name) and which page; `shares` and `exempt` cover them alone. */
export type PlanAllocationPage = PlanAllocation & { page?: PageInfo; members?: { istat: string; name: string; province: string }[] };

export const PlanItemsInput = z.object({ year: Year, version: z.number().int().min(1), items: z.array(PlanItemInput).max(10_000) }).strict();
export const PlanImportInput = z.object({ year: Year, contentBase64: z.string().max(20_000_000) }).strict();
export const PlanStepInput = z.object({ year: Year, version: z.number().int().min(1), step: z.enum(['propose', 'submit']), date: IsoDate, by: lineText(100), note: noteText().optional() }).strict();
export const PlanApproveInput = z
  .object({
    year: Year,
    version: z.number().int().min(1),
    body: z.enum(['executive_committee', 'assembly'], { message: 'Organo: Comitato esecutivo o Assemblea.' }),
    date: IsoDate,
    minutesRef: lineText(200),
    present: z.array(lineText(100)).max(100_000),
    ballots: z.array(BallotSchema).max(100_000),
    /** Default: the active members of the registry (population from it, quota = their share of the quota item). */
    electorate: z.array(ElectorSchema).min(1).max(100_000).optional(),
    /** Default: the configured rules of the body. */
    rules: VotingRulesSchema.optional(),
  })
  .strict();
export const PlanNewVersionInput = z.object({ year: Year, date: IsoDate, by: lineText(100), reason: lineText(500) }).strict();
export const PlanStatementInput = z.object({ year: Year, istat: IstatCode, version: z.number().int().min(1).optional() }).strict();
export const MyShareInput = z.object({ year: Year.optional() }).strict();
export const ReportYearInput = z.object({ year: Year }).strict();
/** With `page`: one page of the report's rows (search, province and region apply to a named report). */
export const ReportGetInput = ReportYearInput.extend(MemberPageFields).strict();
export const ReportDocInput = z
  .object({ doc: z.enum(['plan', 'statement']), year: Year, istat: IstatCode.optional(), version: z.number().int().min(1).optional() })
  .strict()
  .refine((d) => d.doc !== 'statement' || d.istat !== undefined, { message: "Per l'estratto conto indicare il comune (codice ISTAT).", path: ['istat'] });
export const ReportPdfInput = z
  .object({ doc: z.enum(['plan', 'statement']), year: Year, istat: IstatCode.optional(), version: z.number().int().min(1).optional(), out: localPath().optional() })
  .strict()
  .refine((d) => d.doc !== 'statement' || d.istat !== undefined, { message: "Per l'estratto conto indicare il comune (codice ISTAT).", path: ['istat'] });
export const GovCsvInput = z
  .object({
    table: z.enum(['plan', 'allocation', 'statement', 'savings', 'ranking', 'report', 'approvals', 'ballots']),
    year: Year,
    istat: IstatCode.optional(),
    /** The plan version (plan, allocation, savings, approvals, ballots); the current one when absent. */
    version: z.number().int().min(1).optional(),
  })
  .strict();

export interface CategoryTotal {
  category: ItemCategory;
  label: string;
  cents: number;
}

export interface PlanView {
  year: number;
  version: number;
  state: PlanVersionData['state'];
  stateLabel: string;
  locked: boolean;
  editable: boolean;
  supersededBy: number | null;
  items: PlanItemData[];
  totalCents: number;
  byCategory: CategoryTotal[];
  steps: PlanVersionData['steps'];
  approvals: PlanVersionData['approvals'];
  versions: { version: number; state: string; supersededBy: number | null }[];
}

export interface PlanApproveResult {
  plan: PlanView;
  outcome: VoteTally['outcome'];
  tally: VoteTally;
}

export type StatementView = CostStatementData & { name: string | null; sizeLabel: string };

export interface MyShare {
  year: number | null;
  plan: PlanView | null;
  statement: StatementView | null;
  /** The member's submitted proposals, each with the hub's track (null before its first step) and the one state. */
  proposals: (ProposalTrackView & { state: ProposalStateView })[];
}

/** With `page` (report.get): `rows` are one page of the rows matching the filter (a report by size class has no names: only the page applies). */
export type ConsortiumReport = ConsortiumReportContent & { updatedAt: string; page?: PageInfo };

export interface Benchmark {
  year: number;
  istat: string;
  sizeClass: number;
  sizeLabel: string;
  peers: number;
  /** The class's bounds in inhabitants (null: open end), for the page's language. */
  sizeRange?: { from: number | null; to: number | null };
  /**
   * Per measure: this member's value, the peers' median and its position (1 = highest).
   * `label` is Italian; `labelKey` (+ `service`) names it for the catalogue, `milli` says the
   * values are thousandths of the unit (hours, usage); `level` that a usage is a level held (GB,
   * mailboxes), so its value is the average of the year's months with a figure, not their sum;
   * `unit` the service's unit code.
   */
  measures: { measure: string; label: string; labelKey: 'hours_per_employee' | 'groups' | 'usage'; service: string | null; milli: boolean; level?: boolean; unit?: string; value: number; median: number; position: number; of: number }[];
}

export const HubDemoInput = z.object({ seed: z.number().int().min(0).max(2 ** 31 - 1).default(1) }).strict();

export interface HubDemoSummary {
  seed: number;
  members: number;
  usageRows: number;
  /** Members run as real installations that sent their proposals in bundles. */
  towns: number;
  proposals: number;
  planYear: number;
  planState: string;
  planTotalCents: number;
  assemblyOutcome: string;
  /** Technical Committee meetings recorded (issue 15). */
  meetings: number;
  events: number;
}

export type { PlanAllocation, ConsortiumSavings };
