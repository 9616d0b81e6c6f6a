import { AllocationError, shareCents, type SharingKey } from './allocation-core';
import { words, type Words } from './errors';

/**
 * Cost allocation (*ripartizione dei costi*) of the yearly technical plan, issue 5: the public
 * functions. The exact rule and arithmetic live in `allocation-core.ts`.
 *
 * Inputs: a cost in integer cents ≥ 0; a sharing key (*chiave di riparto*) of three components,
 * `equal` (parti uguali), `population` (popolazione residente) and `usage` (utilizzo of the
 * item's service, last year's or projected: the caller passes the figures), with integer
 * percentages summing to exactly 100; members with population (integer ≥ 0) and usage. Usage is
 * an integer in THOUSANDTHS of the service's unit (12,5 GB → 12500), like every quantity of the
 * app (`shared/domain/quantity.ts`), so no float enters the arithmetic. Exempt members pay 0 and
 * are left out of every component's base. A component in use whose base is 0 (a population key
 * when every payer has population 0, a usage key with no usage) is refused, naming the component.
 *
 * Output: every member (exempt ones included, with 0 cents) in ascending ISTAT order, so the
 * result does not depend on the order of the input members.
 */

export {
  AllocationError,
  checkSharingKey,
  KEY_COMPONENT_LABELS,
  KEY_COMPONENTS,
  type AllocationErrorCode,
  type KeyComponent,
  type SharingKey,
} from './allocation-core';

/** One member as an item sees it. */
export interface AllocationMember {
  istat: string;
  /** Resident population, integer ≥ 0. */
  population: number;
  /** Usage of this item's service in thousandths of its unit, integer ≥ 0. */
  usage: number;
  /** Exempt from this item: pays 0, left out of every base. */
  exempt: boolean;
}

/** One share row, carrying the inputs it was computed from. */
export interface ShareRow {
  istat: string;
  population: number;
  usage: number;
  cents: number;
}

/** One element of `items[]` in `cst plan allocate --year Y --json`. */
export interface AllocatedItem {
  code: string;
  cost_cents: number;
  /** Percentages. */
  key: SharingKey;
  /** ISTAT codes of the exempt members, ascending. */
  exempt: string[];
  /** Every member, ascending ISTAT; exempt members with 0 cents. */
  shares: ShareRow[];
}

export interface ItemToAllocate {
  code: string;
  costCents: number;
  key: SharingKey;
}

/** A member of the consortium as the plan sees it (usage and exemptions are per item). */
export interface PlanMember {
  istat: string;
  population: number;
}

export interface PlanItemInput {
  code: string;
  costCents: number;
  key: SharingKey;
  /** ISTAT codes of the members exempt from this item. */
  exempt?: readonly string[];
  /** Usage of this item's service per member, in thousandths of its unit; a member not listed has 0. */
  usage?: readonly UsageEntry[];
}

/** A member's usage of one item's service, in thousandths of the service's unit. */
export interface UsageEntry {
  istat: string;
  usage: number;
}

/** The document of `cst plan allocate --year Y --json`. */
export interface PlanAllocation {
  year: number;
  items: AllocatedItem[];
}

const ISTAT = /^[0-9]{6}$/;

function checkCount(value: unknown, what: Words, istat: string, field: string): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new AllocationError('ALLOC_MEMBER_INVALID', 'rule.allocMemberCount', { ...words('what', what), istat, field, value: String(value) });
  }
}

/** Validates members and returns them sorted by ISTAT code (duplicates refused). */
function sortedMembers<T extends { istat: string; population: number }>(members: readonly T[]): T[] {
  for (const m of members) {
    if (typeof m.istat !== 'string' || !ISTAT.test(m.istat)) {
      throw new AllocationError('ALLOC_MEMBER_INVALID', 'rule.allocIstatInvalid', { istat: String(m.istat), field: 'istat' });
    }
    checkCount(m.population, { it: 'la popolazione', en: 'the population' }, m.istat, 'population');
  }
  const sorted = [...members].sort((a, b) => (a.istat < b.istat ? -1 : a.istat > b.istat ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    const istat = sorted[i]!.istat;
    if (istat === sorted[i - 1]!.istat) {
      throw new AllocationError('ALLOC_MEMBER_DUPLICATE', 'rule.allocMemberTwice', { istat });
    }
  }
  return sorted;
}

function toItem(code: string, costCents: number, key: SharingKey, istat: readonly string[], population: ArrayLike<number>, usage: ArrayLike<number>, exempt: Uint8Array): AllocatedItem {
  const cents = shareCents(code, costCents, key, { istat, population, usage, exempt });
  const n = istat.length;
  const shares = new Array<ShareRow>(n);
  const exemptList: string[] = [];
  for (let i = 0; i < n; i++) {
    if (exempt[i] === 1) exemptList.push(istat[i]!);
    shares[i] = { istat: istat[i]!, population: population[i]!, usage: usage[i]!, cents: cents[i]! };
  }
  return { code, cost_cents: costCents, key: { equal: key.equal, population: key.population, usage: key.usage }, exempt: exemptList, shares };
}

/** Allocates one item across `members` (any order). Throws AllocationError on bad input. */
export function allocateItem(item: ItemToAllocate, members: readonly AllocationMember[]): AllocatedItem {
  const sorted = sortedMembers(members);
  for (const m of sorted) checkCount(m.usage, { it: "l'utilizzo", en: 'the usage' }, m.istat, 'usage');
  return toItem(
    item.code,
    item.costCents,
    item.key,
    sorted.map((m) => m.istat),
    sorted.map((m) => m.population),
    sorted.map((m) => m.usage),
    Uint8Array.from(sorted, (m) => (m.exempt ? 1 : 0)),
  );
}

/**
 * Allocates every item of a yearly plan (the items keep their order). An exempt or usage entry
 * naming a non-member is refused: a typo would otherwise silently charge the others.
 */
export function allocatePlan(year: number, items: readonly PlanItemInput[], members: readonly PlanMember[]): PlanAllocation {
  if (!Number.isInteger(year) || year < 2000 || year > 2999) {
    throw new AllocationError('ALLOC_YEAR_INVALID', 'rule.planYearInvalid', { year: String(year) });
  }
  const sorted = sortedMembers(members);
  const istat = sorted.map((m) => m.istat);
  const population = Float64Array.from(sorted, (m) => m.population);
  const index = new Map<string, number>();
  istat.forEach((code, i) => index.set(code, i));
  const seen = new Set<string>();
  const out: AllocatedItem[] = [];
  for (const item of items) {
    if (seen.has(item.code)) {
      throw new AllocationError('ALLOC_ITEM_DUPLICATE', 'rule.allocItemTwice', { item: item.code });
    }
    seen.add(item.code);
    const exempt = new Uint8Array(istat.length);
    const usage = new Float64Array(istat.length);
    const seenUsage = new Uint8Array(istat.length);
    for (const code of item.exempt ?? []) {
      const i = index.get(code);
      if (i === undefined) {
        throw new AllocationError('ALLOC_MEMBER_UNKNOWN', 'rule.allocExemptUnknown', { item: item.code, istat: code });
      }
      exempt[i] = 1;
    }
    // Usage lists usually follow the members' order: try the next position before the map.
    let next = 0;
    for (const row of item.usage ?? []) {
      const i = istat[next] === row.istat ? next : index.get(row.istat);
      if (i === undefined) {
        throw new AllocationError('ALLOC_MEMBER_UNKNOWN', 'rule.allocUsageUnknown', { item: item.code, istat: row.istat });
      }
      checkCount(row.usage, { it: "l'utilizzo", en: 'the usage' }, row.istat, 'usage');
      if (seenUsage[i] === 1) {
        throw new AllocationError('ALLOC_MEMBER_DUPLICATE', 'rule.allocUsageTwice', { item: item.code, istat: row.istat });
      }
      seenUsage[i] = 1;
      usage[i] = row.usage;
      next = i + 1;
    }
    out.push(toItem(item.code, item.costCents, item.key, istat, population, usage, exempt));
  }
  return { year, items: out };
}
