/**
 * Items of the yearly technical plan: what the last twelve months received suggest for each
 * catalogue service (plan-estimate.ts), the initiatives of admitted proposals, the membership quota; and the cost of an item
 * (fixed yearly + unit cost × projected quantity, rounded to the cent, + one-off).
 */
import type { z } from 'zod';
import type { PlanItemInput } from '../../../shared/domain/gov-plan';
import { roundHalfAwayFromZero, sumCents } from '../../../shared/governance/money';
import type { HubServiceData } from '../../../shared/records/hub-catalogue';
import type { PayersData, PlanItemData, PlanVersionData, ProposalStatusData } from '../../../shared/records/gov-records';
import type { ProposalData } from '../../../shared/records/proposals';
import type { AppContext } from '../platform/context';
import { appError } from '../platform/errors';
import { stmt } from '../platform/store/statements';
import { combineSum } from '../../../shared/domain/unit-measure';
import { serviceUnit } from '../platform/store/service-units';
import { estimateQuantity } from './plan-estimate';
import { participantsOf } from './proposal-participants';
import { joinersOf } from '../hub/proposals/proposal-joiners';

export const QUOTA_CODE = 'QUOTA';

export interface GovMember {
  istat: string;
  name: string;
  population: number;
}

/** The active members of the consortium (the registry), ascending ISTAT. */
export function activeMembers(ctx: AppContext): GovMember[] {
  return (
    stmt(ctx.db, "SELECT istat, name, coalesce(population, 0) AS population FROM members WHERE membership = 'active' ORDER BY istat").all() as GovMember[]
  ).map((m) => ({ ...m }));
}

/** Months [from, to] ('YYYY-MM') of the usage an item's key reads. */
export function usageWindow(ctx: AppContext, year: number, basis: 'last_year' | 'projected'): [string, string] {
  if (basis === 'last_year') return [`${year - 1}-01`, `${year - 1}-12`];
  // Projected: the latest twelve months the hub has received, the freshest trend of each member.
  const last = (stmt(ctx.db, 'SELECT max(month) FROM received_usage_monthly WHERE month < ?').pluck().get(`${year}-13`) as string | null) ?? `${year - 1}-12`;
  const y = Number(last.slice(0, 4));
  const m = Number(last.slice(5, 7));
  const from = m === 12 ? `${y}-01` : `${y - 1}-${String(m + 1).padStart(2, '0')}`;
  return [from, last];
}

/**
 * Usage of a service per member (thousandths of its unit) in a window of months: a count's sum,
 * a level's (GB held) average over the member's months with a figure — a member holding 10 GB
 * from June uses 10 GB, not 60, and never more than one holding 10 GB all year.
 */
export function usageByMember(ctx: AppContext, service: string, window: [string, string]): Map<string, number> {
  // A calendar year (the 'last_year' basis) is one row per member in the yearly totals kept by
  // migration 019's triggers; any other window groups the monthly cells.
  const year = window[0].slice(0, 4);
  const rows = (
    window[0] === `${year}-01` && window[1] === `${year}-12`
      ? stmt(ctx.db, 'SELECT owner, quantity_milli AS q, months FROM received_usage_member_year WHERE service = ? AND year = ?').all(service, Number(year))
      : stmt(
          ctx.db,
          'SELECT owner, sum(quantity_milli) AS q, count(*) AS months FROM received_usage_monthly INDEXED BY received_usage_monthly_by_service WHERE service = ? AND month BETWEEN ? AND ? GROUP BY owner',
        ).all(service, window[0], window[1])
  ) as { owner: string; q: number; months: number }[];
  const unit = serviceUnit(ctx.db, service);
  return new Map(rows.map((r) => [r.owner, combineSum(unit, r.q, r.months) ?? 0]));
}

/** An unknown quantity leaves the unit cost out (the item says so; the plan cannot be proposed so). */
export function itemCost(i: { fixed_cents: number; unit_cents: number; quantity_milli: number | null; one_off_cents: number }): number {
  const variable = Number(roundHalfAwayFromZero(BigInt(i.unit_cents) * BigInt(i.quantity_milli ?? 0), 1000n));
  return sumCents([i.fixed_cents, variable, i.one_off_cents], { it: 'Costo della voce', en: 'Cost of the item' });
}

/** From the API's item to the record's, with the estimate and the cost computed here. */
export function toItemData(ctx: AppContext, year: number, input: z.output<typeof PlanItemInput>): PlanItemData {
  const est = input.service ? estimateQuantity(ctx, year, input.service) : null;
  const quantity = input.quantityMilli ?? est?.milli ?? null;
  const payers: PayersData = input.payers.kind === 'only' ? { kind: 'only', members: [...new Set(input.payers.members)].sort() } : { kind: 'all' };
  const item = {
    code: input.code,
    description: input.description,
    category: input.category,
    service: input.service ?? null,
    proposal_id: input.proposalId ?? null,
    fixed_cents: input.fixedCents,
    unit_cents: input.unitCents,
    quantity_milli: quantity,
    suggested_milli: est?.milli ?? null,
    estimate: est?.estimate ?? null,
    one_off_cents: input.oneOffCents,
    cost_cents: 0,
    key: input.key,
    usage_basis: input.usageBasis,
    // Exemptions only mean something beside "every member": a list of payers says it all.
    exempt: payers.kind === 'all' ? [...new Set(input.exempt)].sort() : [],
    payers,
    reference: input.reference,
  } satisfies PlanItemData;
  if (item.key.usage > 0 && !item.service) {
    throw appError('plan.itemUsageWithoutService', { item: item.code }, { field: 'items.key.usage', params: { rule: 'ITEM_USAGE_WITHOUT_SERVICE' } });
  }
  item.cost_cents = itemCost(item);
  return item;
}

/** An item whose cost needs a quantity nobody knows (no usage received, none typed). */
export function quantityMissing(i: Pick<PlanItemData, 'unit_cents' | 'quantity_milli'>): boolean {
  return i.unit_cents > 0 && i.quantity_milli === null;
}

/**
 * The items a new plan starts from: every active service of the catalogue with a cost (quantity
 * estimated from the last twelve months received, key as in last year's plan), every admitted
 * proposal as an initiative (paid only by its participants), and the membership quota (last
 * plan's amount).
 * Stand-alone reference prices (by size class or per unit) are carried over, item by item code,
 * from the latest version of the previous plan: they describe the market, not the year's plan.
 */
export function suggestedItems(ctx: AppContext, year: number): PlanItemData[] {
  const previous = lastPlan(ctx, year);
  const references = new Map((previous?.items ?? []).filter((i) => i.reference).map((i) => [i.code, i.reference]));
  const carried = (code: string) => references.get(code) ?? null;
  // The sharing key (and the months its usage share reads) as the office configured it last
  // year, item by item: an empty year is no reason to change how costs are shared.
  const lastItems = new Map((previous?.items ?? []).map((i) => [i.code, i]));
  const items: PlanItemData[] = [];
  const services = (stmt(ctx.db, 'SELECT data FROM hub_services WHERE active = 1 ORDER BY position, code').pluck().all() as string[]).map((s) => JSON.parse(s) as HubServiceData);
  for (const s of services) {
    if (s.fixed_yearly_cents === null && s.unit_cost_cents === null) continue;
    const last = lastItems.get(s.code);
    // Without a previous plan: a usage share when the service has a unit cost and usage was
    // received in the last twelve months; read from the calendar year before the plan when that
    // has usage, else from those twelve months (the estimate's window).
    const usedLastYear = usageByMember(ctx, s.code, usageWindow(ctx, year, 'last_year')).size > 0;
    const used = usedLastYear || usageByMember(ctx, s.code, usageWindow(ctx, year, 'projected')).size > 0;
    items.push(
      toItemData(ctx, year, {
        code: s.code,
        description: s.name_it,
        category: 'service',
        service: s.code,
        proposalId: null,
        fixedCents: s.fixed_yearly_cents ?? 0,
        unitCents: s.unit_cost_cents ?? 0,
        quantityMilli: null,
        oneOffCents: 0,
        key: last ? { ...last.key } : used && (s.unit_cost_cents ?? 0) > 0 ? { equal: 20, population: 30, usage: 50 } : { equal: 50, population: 50, usage: 0 },
        // The office's choice of months, unless the calendar year it names has none.
        usageBasis: usedLastYear && last?.usage_basis !== 'projected' ? 'last_year' : 'projected',
        exempt: [],
        payers: { kind: 'all' },
        reference: carried(s.code),
      }),
    );
  }
  const members = new Set(activeMembers(ctx).map((m) => m.istat));
  const admitted = stmt(
    ctx.db,
    "SELECT s.data AS track, p.data AS proposal FROM gov_proposal_status s JOIN hub_proposals p ON p.id = s.proposal_id WHERE s.status = 'admitted' ORDER BY s.total_hundredths DESC, s.proposal_id",
  ).all() as { track: string; proposal: string }[];
  let n = 0;
  for (const row of admitted) {
    const t = JSON.parse(row.track) as ProposalStatusData;
    const p = JSON.parse(row.proposal) as ProposalData;
    // Who pays: the proposal's participants (never "everyone" because beneficiaries are empty).
    const payers = participantsOf(t.owner, p, joinersOf(ctx.db, t.proposal_id, t.owner)).filter((m) => members.has(m));
    if (payers.length === 0) continue;
    n += 1;
    items.push(
      toItemData(ctx, year, {
        code: `INIZ-${String(n).padStart(2, '0')}`,
        description: t.title,
        category: 'initiative',
        service: null,
        proposalId: t.proposal_id,
        fixedCents: p.yearly_cents,
        unitCents: 0,
        quantityMilli: 0,
        oneOffCents: p.one_off_cents,
        key: { equal: 50, population: 50, usage: 0 },
        usageBasis: 'last_year',
        exempt: [],
        payers: { kind: 'only', members: payers },
        reference: null,
      }),
    );
  }
  const lastQuota = previous?.items.find((i) => i.category === 'quota')?.cost_cents ?? 0;
  items.push(
    toItemData(ctx, year, {
      code: QUOTA_CODE,
      description: 'Quota associativa annuale',
      category: 'quota',
      service: null,
      proposalId: null,
      fixedCents: lastQuota,
      unitCents: 0,
      quantityMilli: 0,
      oneOffCents: 0,
      key: { equal: 40, population: 60, usage: 0 },
      usageBasis: 'last_year',
      exempt: [],
      payers: { kind: 'all' },
      reference: carried(QUOTA_CODE),
    }),
  );
  return items;
}

/** The newest version of the latest plan before `year`, if any. */
function lastPlan(ctx: AppContext, year: number): PlanVersionData | null {
  const raw = stmt(ctx.db, 'SELECT data FROM gov_plan_versions WHERE year < ? ORDER BY year DESC, version DESC LIMIT 1').pluck().get(year) as string | undefined;
  return raw ? (JSON.parse(raw) as PlanVersionData) : null;
}
