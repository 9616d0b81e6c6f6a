import { z } from 'zod';
import { method } from '../define';

import { GovSettingsUpdateInput, HubDemoInput, MyShareInput, PlanAllocateInput, PlanApproveInput, PlanCreateInput, PlanImportInput, PlanItemsInput, PlanNewVersionInput, PlanRefInput, PlanStatementInput, PlanStepInput, ProposalActInput, ProposalAssignInput, type ConsortiumSavings, type GovProposalDetail, type GovProposalRow, type GovSettings, type HubDemoSummary, type MyShare, type PlanAllocationPage, type PlanApproveResult, type PlanView, type ProposalTrackView, type RankingRow, type StatementView } from '../../domain/gov-plan';
import { NoInput, ById } from './inputs';

/** Governance: evaluation, the yearly plan, allocation, approvals, reports. */
export const govMethods = {
  /** Governance (issue 5), hub: evaluation settings and voting rules, the Assembly's report choice. */
  'gov.settings.get': method(NoInput)<GovSettings>(),
  'gov.settings.update': method(GovSettingsUpdateInput)<GovSettings>(),
  /** Received proposals with their evaluation track. */
  'gov.proposals.list': method(z.object({ status: z.string().max(40).optional() }).strict())<GovProposalRow[]>(),
  /** One received proposal: content, attachments, versions, evaluation scores, state and timeline. */
  'gov.proposals.get': method(ById)<GovProposalDetail>(),
  /** Assigns a received proposal to a thematic group (a hub event). */
  'gov.proposals.assign': method(ProposalAssignInput)<ProposalTrackView>(),
  /** One step of the proposal's state machine (evaluate, admit, not admit, return, start, progress, complete…): a hub event. */
  'gov.proposals.act': method(ProposalActInput)<ProposalTrackView>(),
  'gov.proposals.ranking': method(NoInput)<RankingRow[]>(),
  /** Both roles: the state and timeline of a proposal as the hub decided it (null before any decision). */
  'proposals.timeline': method(ById)<{ track: ProposalTrackView | null }>(),
  /** The yearly technical plan: versions, items, approvals (each change a hub event). */
  'plan.list': method(NoInput)<{ year: number; version: number; state: string; totalCents: number }[]>(),
  'plan.create': method(PlanCreateInput)<PlanView>(),
  'plan.get': method(PlanRefInput)<PlanView>(),
  'plan.saveItems': method(PlanItemsInput)<PlanView>(),
  /** Items from a spreadsheet (Italian Excel CSV) replacing those of the draft. */
  'plan.import': method(PlanImportInput)<PlanView>(),
  'plan.step': method(PlanStepInput)<PlanView>(),
  /** A vote of the Executive Committee or the Assembly; the outcome is computed. */
  'plan.approve': method(PlanApproveInput)<PlanApproveResult>(),
  'plan.newVersion': method(PlanNewVersionInput)<PlanView>(),
  /** Exact allocation (`cst plan allocate --json`): frozen once approved by the Assembly. */
  'plan.allocate': method(PlanAllocateInput)<PlanAllocationPage>(),
  'plan.savings': method(PlanRefInput)<ConsortiumSavings>(),
  'plan.statement': method(PlanStatementInput)<StatementView>(),
  /** Municipality: the approved plan, its share item by item, its savings, its proposals' timeline. */
  'plan.myShare': method(MyShareInput)<MyShare>(),
  /** Hub: a consortium to try (`cst demo` on a hub): members' usage and training, proposals in every state, an approved plan. */
  'demo.hub': method(HubDemoInput)<HubDemoSummary>(),
} as const;
