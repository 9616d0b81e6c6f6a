/**
 * Cost allocation of a plan version through the exact rule of shared/governance/allocation.ts,
 * the members' statements and the economies of scale. Inputs come from the registry (active
 * members and their population) and from the members' usage received by the hub
 * (`received_usage_monthly`). When the Assembly approves a version its allocation is frozen
 * (`gov_allocations`): later changes of population or usage do not move an approved share.
 */
import { allocatePlan, type PlanAllocation, type PlanItemInput } from '../../../shared/governance/allocation';
import { consortiumSavings, memberStatement, sizeClassLabel, type ConsortiumSavings, type MemberStatement, type StandAloneReference } from '../../../shared/governance/statement';
import type { StatementView } from '../../../shared/domain/gov-plan';
import { costStatementKind, type CostStatementData, type PlanVersionData } from '../../../shared/records/gov-records';
import type { AppContext } from '../platform/context';
import { putRecord } from '../sync/records/record-events';
import { stmt } from '../platform/store/statements';
import { withRules } from './gov-errors';
import { govRecordId } from './gov-ids';
import { writeStatement } from './gov-store';
import { activeMembers, quantityMissing, usageByMember, usageWindow, type GovMember } from './plan-items';
import { exemptOf } from './plan-payers';

/** What an allocation is computed from: the active members and each item's cost, key, exemptions and usage. */
export interface AllocationInputs {
  members: GovMember[];
  inputs: PlanItemInput[];
}

/** Reads the inputs of a version's allocation from today's registry and usage. */
export function allocationInputs(ctx: AppContext, v: PlanVersionData): AllocationInputs {
  const members = activeMembers(ctx);
  const isMember = new Set(members.map((m) => m.istat));
  // One read of the usage per service and window, shared by the items that use it.
  const cache = new Map<string, { istat: string; usage: number }[]>();
  const usageOf = (service: string, basis: 'last_year' | 'projected') => {
    const window = usageWindow(ctx, v.year, basis);
    const k = `${service}\u0000${window[0]}\u0000${window[1]}`;
    let rows = cache.get(k);
    if (!rows) {
      rows = [...usageByMember(ctx, service, window).entries()]
        .filter(([istat]) => isMember.has(istat))
        .map(([istat, usage]) => ({ istat, usage }))
        .sort((a, b) => (a.istat < b.istat ? -1 : a.istat > b.istat ? 1 : 0));
      cache.set(k, rows);
    }
    return rows;
  };
  const inputs: PlanItemInput[] = v.items.map((i) => {
    const usage = i.key.usage > 0 && i.service ? usageOf(i.service, i.usage_basis) : [];
    return { code: i.code, costCents: i.cost_cents, key: i.key, exempt: exemptOf(i, members), usage };
  });
  return { members, inputs };
}

/** Computes (never stores) the allocation of a version from today's registry and usage. */
export function computeAllocation(ctx: AppContext, v: PlanVersionData): PlanAllocation {
  const { members, inputs } = allocationInputs(ctx, v);
  return withRules(() => allocatePlan(v.year, inputs, members));
}

/** The frozen allocation of an approved version, if any. */
export function frozenAllocation(ctx: AppContext, v: PlanVersionData): PlanAllocation | null {
  const raw = stmt(ctx.db, 'SELECT data FROM gov_allocations WHERE year = ? AND version = ?').pluck().get(v.year, v.version) as string | undefined;
  return raw ? (JSON.parse(raw) as PlanAllocation) : null;
}

/** The frozen allocation of an approved version, else the computed one. */
export function allocationOf(ctx: AppContext, v: PlanVersionData): PlanAllocation {
  return frozenAllocation(ctx, v) ?? computeAllocation(ctx, v);
}

export function freezeAllocation(ctx: AppContext, alloc: PlanAllocation, version: number): void {
  stmt(ctx.db, 'INSERT OR REPLACE INTO gov_allocations (year, version, data) VALUES (?, ?, ?)').run(alloc.year, version, JSON.stringify(alloc));
}

/**
 * The stand-alone references the savings compare with. An item whose quantity is unknown has
 * none: its cost leaves out the unit cost, and comparing it would claim savings that do not
 * exist (issue 13); `savingsOf` names it among the items whose savings are not computed.
 */
export function referencesOf(v: PlanVersionData): Record<string, StandAloneReference> {
  const refs: Record<string, StandAloneReference> = {};
  for (const i of v.items) if (i.reference && !quantityMissing(i)) refs[i.code] = i.reference;
  return refs;
}

export function savingsOf(ctx: AppContext, v: PlanVersionData, alloc = allocationOf(ctx, v)): ConsortiumSavings {
  const notComputed = v.items.filter((i) => i.reference && quantityMissing(i)).map((i) => ({ code: i.code, reason: 'quantity_missing' as const }));
  return { ...withRules(() => consortiumSavings(alloc, referencesOf(v))), notComputed };
}

export function statementData(v: PlanVersionData, s: MemberStatement, consortium: ConsortiumSavings): CostStatementData {
  const byCode = new Map(v.items.map((i) => [i.code, i]));
  return {
    year: v.year,
    version: v.version,
    istat: s.istat,
    population: s.population,
    size_class: s.sizeClass,
    lines: s.lines.map((l) => ({
      code: l.code,
      description: byCode.get(l.code)?.description ?? l.code,
      category: byCode.get(l.code)?.category ?? 'service',
      key: l.key,
      exempt: l.exempt,
      cents: l.cents,
      stand_alone_cents: l.standAloneCents,
      savings_cents: l.savingsCents,
    })),
    total_cents: s.totalCents,
    stand_alone_cents: s.standAloneCents,
    savings_cents: s.savingsCents,
    savings_basis_points: s.savingsBasisPoints,
    consortium_savings_cents: consortium.savingsCents,
  };
}

/** One member's statement of a version (computed on the hub). */
export function computeStatement(ctx: AppContext, v: PlanVersionData, istat: string): CostStatementData {
  const alloc = allocationOf(ctx, v);
  const s = withRules(() => memberStatement(alloc, istat, referencesOf(v)), 'istat');
  return statementData(v, s, savingsOf(ctx, v, alloc));
}

/**
 * Publishes the approved version: freezes its allocation and writes every member's statement
 * as a `cost_statement` record (an event each), inside the caller's transaction.
 */
export function publishStatements(ctx: AppContext, hubId: string, v: PlanVersionData): number {
  const alloc = computeAllocation(ctx, v);
  freezeAllocation(ctx, alloc, v.version);
  const refs = referencesOf(v);
  const consortium = withRules(() => consortiumSavings(alloc, refs));
  const at = ctx.clock.now();
  const istats = alloc.items[0]?.shares.map((s) => s.istat) ?? activeMembers(ctx).map((m) => m.istat);
  for (const istat of istats) {
    const data = statementData(v, withRules(() => memberStatement(alloc, istat, refs)), consortium);
    const id = govRecordId(hubId, 'cost_statement', `${v.year}/${v.version}/${istat}`);
    writeStatement(ctx.db, putRecord(ctx, costStatementKind, id, data), at);
  }
  return istats.length;
}

export function toStatementView(ctx: AppContext, d: CostStatementData): StatementView {
  const name = (stmt(ctx.db, 'SELECT name FROM members WHERE istat = ?').pluck().get(d.istat) as string | undefined) ?? null;
  return { ...d, name, sizeLabel: sizeClassLabel(d.size_class) };
}
