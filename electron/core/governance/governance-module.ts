import { joinHandlerGroups, type HandlerGroup } from '../platform/api/handler-table';
import type { FeatureModule } from '../platform/api/feature-module';
import { GOV_RECORD_KINDS } from '../../../shared/records/gov-records';
import { GOV_PROJECTORS } from './gov-projectors';
import { reportHandlers } from './report-handlers';
import { tcMeetingHandlers } from './tc-meeting-handlers';
import { tcMeetingKind } from '../../../shared/records/tc-meetings';
import { TC_MEETING_PROJECTORS } from './tc-meeting-projector';
import { appError, type AppError } from '../platform/errors';
import { readInstallation } from '../platform/installation/installation-store';
import { computeStatement, savingsOf, toStatementView } from './allocation-service';
import { allocationPage } from './allocation-page';
import { actOnProposal, assignProposal, getGovProposal, listGovProposals, proposalRanking, proposalTimeline } from './evaluation-service';
import { requireGovHub } from './gov-errors';
import { readGovSettings, updateGovSettings } from './gov-settings';
import { readStatement } from './gov-store';
import { myShare } from './my-share';
import { importPlanCsv } from './plan-csv';
import { approvePlan, createPlan, getPlan, listPlans, newPlanVersion, pickVersion, planStep, savePlanItems } from './plan-service';

/** Evaluation of proposals, the yearly technical plan, allocation, statements (reports: report-handlers.ts). */
export const govHandlers = {
  'gov.settings.get': (ctx) => readGovSettings(ctx),
  'gov.settings.update': updateGovSettings,
  'gov.proposals.list': listGovProposals,
  'gov.proposals.get': getGovProposal,
  'gov.proposals.assign': assignProposal,
  'gov.proposals.act': actOnProposal,
  'gov.proposals.ranking': (ctx) => {
    requireGovHub(ctx);
    return proposalRanking(ctx);
  },
  'proposals.timeline': (ctx, input) => ({ track: proposalTimeline(ctx, input) }),
  'plan.list': (ctx) => listPlans(ctx),
  'plan.create': createPlan,
  'plan.get': getPlan,
  'plan.saveItems': savePlanItems,
  'plan.import': importPlanCsv,
  'plan.step': planStep,
  'plan.approve': approvePlan,
  'plan.newVersion': newPlanVersion,
  'plan.allocate': (ctx, input) => {
    requireGovHub(ctx);
    return allocationPage(ctx, pickVersion(ctx, input.year, input.version), input);
  },
  'plan.savings': (ctx, input) => {
    requireGovHub(ctx);
    return savingsOf(ctx, pickVersion(ctx, input.year, input.version));
  },
  'plan.statement': (ctx, input) => {
    // A municipality reads the statement it received; the hub its published one, else computes it.
    const published = readStatement(ctx.db, input.year, input.istat, input.version);
    if (published || readInstallation(ctx.db)?.role !== 'hub') {
      if (!published) throw notReceived(input.year);
      return toStatementView(ctx, published);
    }
    return toStatementView(ctx, computeStatement(ctx, pickVersion(ctx, input.year, input.version), input.istat));
  },
  'plan.myShare': myShare,
} satisfies HandlerGroup;

/**
 * Governance on the hub (evaluation of proposals, the yearly technical plan with its approvals,
 * cost shares and statements, the consortium report) and, on a municipality, what the hub
 * publishes of it (proposal status, plan versions, statements, report).
 */
export const governanceModule = {
  name: 'governance',
  handlers: joinHandlerGroups(govHandlers, reportHandlers, tcMeetingHandlers),
  kinds: [...GOV_RECORD_KINDS, tcMeetingKind],
  projectors: [...GOV_PROJECTORS, ...TC_MEETING_PROJECTORS],
} satisfies FeatureModule;

function notReceived(year: number): AppError {
  return appError('gov.statementNotReceived', { year }, { field: 'year', params: { rule: 'STATEMENT_NOT_RECEIVED' } });
}
