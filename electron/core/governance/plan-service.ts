/**
 * The yearly technical plan (*piano tecnico annuale*) on the hub: versions, items, the approval
 * flow through the pure state machine (shared/governance/approvals.ts). Every change writes the
 * version's `plan_version` record and appends its event in ONE transaction; a refused step
 * (out of order, a locked version, a bad vote) throws before anything is written.
 *
 * When the Assembly approves a version, in the same transaction: its allocation is frozen,
 * every member's statement is published, and the admitted proposals it carries as initiatives
 * become "approved with the plan".
 */
import type { ParsedInput } from '../../../shared/api/contract';
import type { CategoryTotal, PlanApproveResult, PlanView } from '../../../shared/domain/gov-plan';
import { sumCents } from '../../../shared/governance/money';
import {
  assertEditable,
  createPlan as createWorkflow,
  isLocked,
  newVersion as newWorkflowVersion,
  PLAN_STATE_LABELS,
  proposeByExecutive,
  recordApproval,
  submitToAssembly,
  type ApprovalRecord,
  type PlanVersion,
  type PlanWorkflow,
} from '../../../shared/governance/approvals';
import type { Elector } from '../../../shared/governance/voting';
import { planVersionKind, type ItemCategory, type PlanItemData, type PlanVersionData } from '../../../shared/records/gov-records';
import type { AppContext } from '../platform/context';
import { appError } from '../platform/errors';
import { operatorName, putRecord } from '../sync/records/record-events';
import { allocationOf, computeAllocation, publishStatements } from './allocation-service';
import { approveAdmittedWithPlan } from './evaluation-service';
import { checkLineSize, requireGovHub, withRules } from './gov-errors';
import { govRecordId } from './gov-ids';
import { readGovSettings } from './gov-settings';
import { readPlanVersions, writePlanVersion } from './gov-store';
import { activeMembers, quantityMissing, QUOTA_CODE, suggestedItems, toItemData } from './plan-items';

const CATEGORY_LABELS: Record<ItemCategory, string> = { service: 'Servizi', initiative: 'Iniziative da proposte', quota: 'Quota associativa' };

export function workflowOf(year: number, versions: readonly PlanVersionData[]): PlanWorkflow {
  return {
    year,
    versions: versions.map((v) => ({
      version: v.version,
      state: v.state,
      supersededBy: v.superseded_by,
      steps: v.steps.map((s) => ({ ...s })),
      approvals: v.approvals as unknown as ApprovalRecord[],
    })),
  };
}

function withWorkflow(d: PlanVersionData, w: PlanVersion, by: string): PlanVersionData {
  return { ...d, state: w.state, superseded_by: w.supersededBy, steps: w.steps, approvals: w.approvals as unknown as PlanVersionData['approvals'], updated_by: by };
}

export function loadVersions(ctx: AppContext, year: number): PlanVersionData[] {
  const versions = readPlanVersions(ctx.db, year);
  if (versions.length === 0) throw appError('plan.notFound', { year }, { field: 'year', params: { rule: 'PLAN_NOT_FOUND' } });
  return versions;
}

export function pickVersion(ctx: AppContext, year: number, version?: number): PlanVersionData {
  const versions = loadVersions(ctx, year);
  if (version === undefined) return versions[versions.length - 1]!;
  const v = versions.find((x) => x.version === version);
  if (!v) throw appError('plan.versionUnknown', { year, version }, { field: 'version', params: { rule: 'PLAN_VERSION_UNKNOWN' } });
  return v;
}

export function toPlanView(v: PlanVersionData, all: readonly PlanVersionData[]): PlanView {
  const wf = workflowOf(v.year, all);
  const w = wf.versions.find((x) => x.version === v.version)!;
  const byCategory: CategoryTotal[] = (['service', 'initiative', 'quota'] as const).map((category) => ({
    category,
    label: CATEGORY_LABELS[category],
    cents: sumCents(v.items.filter((i) => i.category === category).map((i) => i.cost_cents)),
  }));
  return {
    year: v.year,
    version: v.version,
    state: v.state,
    stateLabel: PLAN_STATE_LABELS[v.state],
    locked: isLocked(w),
    editable: v.state === 'draft' && v.superseded_by === null,
    supersededBy: v.superseded_by,
    items: v.items,
    totalCents: v.total_cents,
    byCategory,
    steps: v.steps,
    approvals: v.approvals,
    versions: all.map((x) => ({ version: x.version, state: x.state, supersededBy: x.superseded_by })),
  };
}

function save(ctx: AppContext, hubId: string, d: PlanVersionData): void {
  const id = govRecordId(hubId, 'plan_version', `${d.year}/${d.version}`);
  checkLineSize({ it: `La versione ${d.version} del piano ${d.year}`, en: `Version ${d.version} of the ${d.year} plan` }, d);
  writePlanVersion(ctx.db, putRecord(ctx, planVersionKind, id, { ...d, total_cents: sumCents(d.items.map((i) => i.cost_cents)) }), ctx.clock.now());
}

/** Refuses items the allocation cannot share (every member exempt, an empty base, an unknown member). */
function checkAllocatable(ctx: AppContext, d: PlanVersionData): void {
  computeAllocation(ctx, d);
}

export function createPlan(ctx: AppContext, input: ParsedInput<'plan.create'>): PlanView {
  const hub = requireGovHub(ctx);
  return ctx.db.transaction(() => {
    if (readPlanVersions(ctx.db, input.year).length > 0) {
      throw appError('plan.exists', { year: input.year }, { field: 'year', params: { rule: 'PLAN_EXISTS' } });
    }
    const by = input.by ?? (readGovSettings(ctx).executiveCommittee.technicalDirector || operatorName(ctx));
    const wf = withRules(() => createWorkflow(input.year, input.date, by));
    const items = suggestedItems(ctx, input.year);
    const d: PlanVersionData = withWorkflow({ year: input.year, version: 1, state: 'draft', superseded_by: null, items, total_cents: 0, steps: [], approvals: [], updated_by: by }, wf.versions[0]!, by);
    save(ctx, hub.id, d);
    return toPlanView(pickVersion(ctx, input.year), readPlanVersions(ctx.db, input.year));
  })();
}

export function getPlan(ctx: AppContext, input: ParsedInput<'plan.get'>): PlanView {
  const v = pickVersion(ctx, input.year, input.version);
  return toPlanView(v, readPlanVersions(ctx.db, input.year));
}

export function listPlans(ctx: AppContext): { year: number; version: number; state: string; totalCents: number }[] {
  return (ctx.db.prepare('SELECT data FROM gov_plan_versions ORDER BY year DESC, version DESC').pluck().all() as string[]).map((s) => {
    const d = JSON.parse(s) as PlanVersionData;
    return { year: d.year, version: d.version, state: d.state, totalCents: d.total_cents };
  });
}

/** Replaces the items of a draft (the newest version, still a draft). */
export function savePlanItems(ctx: AppContext, input: ParsedInput<'plan.saveItems'>): PlanView {
  const hub = requireGovHub(ctx);
  return ctx.db.transaction(() => {
    const all = loadVersions(ctx, input.year);
    withRules(() => assertEditable(workflowOf(input.year, all), input.version), 'version');
    const cur = all.find((v) => v.version === input.version)!;
    const items: PlanItemData[] = input.items.map((i) => toItemData(ctx, input.year, i));
    const d: PlanVersionData = { ...cur, items, updated_by: operatorName(ctx) };
    checkAllocatable(ctx, d);
    save(ctx, hub.id, d);
    return toPlanView(pickVersion(ctx, input.year, input.version), readPlanVersions(ctx.db, input.year));
  })();
}

export function planStep(ctx: AppContext, input: ParsedInput<'plan.step'>): PlanView {
  const hub = requireGovHub(ctx);
  return ctx.db.transaction(() => {
    const all = loadVersions(ctx, input.year);
    const wf = workflowOf(input.year, all);
    const step = { version: input.version, date: input.date, by: input.by, ...(input.note !== undefined ? { note: input.note } : {}) };
    const next = withRules(() => (input.step === 'propose' ? proposeByExecutive(wf, step) : submitToAssembly(wf, step)), 'step');
    const cur = all.find((v) => v.version === input.version)!;
    if (input.step === 'propose') {
      checkAllocatable(ctx, cur);
      // A cost without its unit part would be approved as if the quantity were zero.
      const missing = cur.items.find(quantityMissing);
      if (missing) throw appError('plan.quantityMissing', { item: missing.code }, { field: 'items.quantity', params: { rule: 'QUANTITY_MISSING', item: missing.code } });
    }
    save(ctx, hub.id, withWorkflow(cur, next.versions.find((x) => x.version === input.version)!, input.by));
    return toPlanView(pickVersion(ctx, input.year, input.version), readPlanVersions(ctx.db, input.year));
  })();
}

/** The default electorate: the active members, weighted by population or by their share of the quota. */
function defaultElectorate(ctx: AppContext, v: PlanVersionData): Elector[] {
  const members = activeMembers(ctx);
  let quota = new Map<string, number>();
  const q = v.items.find((i) => i.category === 'quota' || i.code === QUOTA_CODE);
  if (q) {
    const alloc = allocationOf(ctx, v).items.find((i) => i.code === q.code);
    quota = new Map(alloc?.shares.map((s) => [s.istat, s.cents]) ?? []);
  }
  return members.map((m) => ({ id: m.istat, population: m.population, quota: quota.get(m.istat) ?? 0 }));
}

/**
 * Who votes: the Executive Committee's configured components (with their registry weights) when
 * it is the committee that votes and its composition is set, a vote that names others being
 * refused; otherwise the electorate sent, else the active members.
 */
function electorateOf(ctx: AppContext, v: PlanVersionData, input: ParsedInput<'plan.approve'>, committee: readonly string[]): Elector[] {
  if (input.body !== 'executive_committee' || committee.length === 0) return input.electorate ?? defaultElectorate(ctx, v);
  const seats = new Set(committee);
  const sent = input.electorate?.map((e) => e.id) ?? [];
  if (sent.length > 0 && (sent.length !== seats.size || sent.some((id) => !seats.has(id)))) {
    throw appError('plan.committeeMismatch', {}, { field: 'electorate', params: { rule: 'COMMITTEE_MISMATCH' } });
  }
  return defaultElectorate(ctx, v).filter((e) => seats.has(e.id));
}

export function approvePlan(ctx: AppContext, input: ParsedInput<'plan.approve'>): PlanApproveResult {
  const hub = requireGovHub(ctx);
  return ctx.db.transaction(() => {
    const all = loadVersions(ctx, input.year);
    const cur = all.find((v) => v.version === input.version);
    if (!cur) {
      throw appError('plan.versionUnknown', { year: input.year, version: input.version }, { field: 'version', params: { rule: 'PLAN_VERSION_UNKNOWN' } });
    }
    const settings = readGovSettings(ctx);
    const rules = input.rules ?? settings.voting[input.body];
    const electorate = electorateOf(ctx, cur, input, settings.executiveCommittee.members);
    const { workflow, approval } = withRules(() =>
      recordApproval(workflowOf(input.year, all), {
        version: input.version,
        body: input.body,
        date: input.date,
        minutesRef: input.minutesRef,
        electorate,
        present: input.present,
        ballots: input.ballots,
        rules,
      }),
    );
    const w = workflow.versions.find((x) => x.version === input.version)!;
    const d = withWorkflow(cur, w, input.body === 'assembly' ? 'Assemblea' : 'Comitato esecutivo');
    save(ctx, hub.id, d);
    if (d.state === 'approved_by_assembly') {
      publishStatements(ctx, hub.id, d);
      approveAdmittedWithPlan(
        ctx,
        d.year,
        d.version,
        input.date,
        d.items.filter((i) => i.proposal_id).map((i) => i.proposal_id!),
      );
    }
    return { plan: toPlanView(pickVersion(ctx, input.year, input.version), readPlanVersions(ctx.db, input.year)), outcome: approval.tally.outcome, tally: approval.tally };
  })();
}

/** A change past the draft: a new version (a draft with the same items); older versions are locked. */
export function newPlanVersion(ctx: AppContext, input: ParsedInput<'plan.newVersion'>): PlanView {
  const hub = requireGovHub(ctx);
  return ctx.db.transaction(() => {
    const all = loadVersions(ctx, input.year);
    const wf = withRules(() => newWorkflowVersion(workflowOf(input.year, all), input));
    for (const w of wf.versions) {
      const old = all.find((v) => v.version === w.version);
      if (old && old.superseded_by === w.supersededBy) continue;
      const base = old ?? { ...all[all.length - 1]!, version: w.version, approvals: [], steps: [] };
      save(ctx, hub.id, withWorkflow(base, w, input.by));
    }
    return toPlanView(pickVersion(ctx, input.year), readPlanVersions(ctx.db, input.year));
  })();
}
