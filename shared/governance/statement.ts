import type { AllocatedItem, PlanAllocation, SharingKey } from './allocation';
import type { MessageKey } from '../errors/catalogue';
import { itemPrefix } from './allocation-core';
import { GovernanceError, type RuleParams } from './errors';
import { roundHalfAwayFromZero, sumCents } from './money';
import { formatInteger as fmt } from '../format/numbers';

/**
 * A member's statement (*estratto conto*: each item, its key, its share, the total) and the
 * economies of scale (issue 5): for each service a stand-alone cost — what the member would pay
 * alone — against its share in the consortium; savings = stand-alone − share (negative when the
 * consortium costs more), per member and for the whole consortium. Pure functions over the
 * result of `allocatePlan`.
 *
 * Stand-alone reference prices are configured per item code, either
 *   - per member size class: a price per class of resident population (default classes
 *     ≤ 1,000; 1,001–3,000; 3,001–5,000; 5,001–10,000; 10,001–20,000; > 20,000), or
 *   - per unit: an optional fixed yearly price plus a price per unit × the member's usage (the
 *     usage on the member's share row, in thousandths; the product is rounded to the nearest
 *     cent, halves up — the only rounding here, and it never touches the shares).
 * Items without a reference (initiatives, the membership quota) show no stand-alone cost and no
 * savings; exempt members do not use the item, so they have none either. The totals add only
 * the lines that have a stand-alone cost.
 */

/** Upper bounds (inclusive) of the size classes, ascending; `null` = no upper bound (the last). */
export type SizeClassBounds = readonly (number | null)[];
export const DEFAULT_SIZE_CLASSES: SizeClassBounds = [1000, 3000, 5000, 10000, 20000, null];

export type StandAloneReference =
  | { kind: 'size_class'; bounds?: SizeClassBounds; cents: readonly number[] }
  | { kind: 'per_unit'; fixedCents?: number; unitCents: number };

export type StatementErrorCode = 'STATEMENT_MEMBER_UNKNOWN' | 'STATEMENT_REFERENCE_INVALID' | 'STATEMENT_REFERENCE_UNKNOWN';

export class StatementError<K extends MessageKey = MessageKey> extends GovernanceError<K> {
  declare readonly code: StatementErrorCode;
  constructor(code: StatementErrorCode, key: K, params: RuleParams<K>) {
    super(code, key, params);
    this.name = 'StatementError';
  }
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Throws unless the bounds ascend strictly and end with `null`. */
export function checkSizeClasses(bounds: SizeClassBounds, item = ''): void {
  const where = itemPrefix(item);
  const ok =
    bounds.length >= 1 &&
    bounds[bounds.length - 1] === null &&
    bounds.slice(0, -1).every((b, i, a) => isCount(b) && (i === 0 || b > (a[i - 1] as number)));
  if (!ok) {
    throw new StatementError('STATEMENT_REFERENCE_INVALID', 'rule.statementSizeClasses', { ...where });
  }
}

/** Index of the size class of `population` (0 = the smallest). */
export function sizeClassOf(population: number, bounds: SizeClassBounds = DEFAULT_SIZE_CLASSES): number {
  for (let i = 0; i < bounds.length; i++) {
    const b = bounds[i];
    if (b === null || b === undefined || population <= b) return i;
  }
  return bounds.length - 1;
}

/** Italian label of a size class ("da 1.001 a 3.000 abitanti"). */
export function sizeClassLabel(index: number, bounds: SizeClassBounds = DEFAULT_SIZE_CLASSES): string {
  const hi = bounds[index];
  const lo = index === 0 ? null : (bounds[index - 1] as number);
  if (hi === null || hi === undefined) return `oltre ${fmt(lo ?? 0)} abitanti`;
  if (lo === null) return `fino a ${fmt(hi)} abitanti`;
  return `da ${fmt(lo + 1)} a ${fmt(hi)} abitanti`;
}

/** Throws unless the reference is well formed. */
export function checkReference(ref: StandAloneReference, item = ''): void {
  const where = itemPrefix(item);
  if (ref.kind === 'size_class') {
    const bounds = ref.bounds ?? DEFAULT_SIZE_CLASSES;
    checkSizeClasses(bounds, item);
    if (ref.cents.length !== bounds.length || !ref.cents.every(isCount)) {
      throw new StatementError('STATEMENT_REFERENCE_INVALID', 'rule.statementClassPrices', { ...where, count: bounds.length });
    }
  } else if (ref.kind === 'per_unit') {
    if (!isCount(ref.unitCents) || (ref.fixedCents !== undefined && !isCount(ref.fixedCents))) {
      throw new StatementError('STATEMENT_REFERENCE_INVALID', 'rule.statementPrices', { ...where });
    }
  } else {
    throw new StatementError('STATEMENT_REFERENCE_INVALID', 'rule.statementRefKind', { ...where });
  }
}

/** What a member would pay alone for the item. `usage` is in thousandths of the unit. */
export function standAloneCost(ref: StandAloneReference, member: { population: number; usage: number }): number {
  if (ref.kind === 'size_class') {
    const bounds = ref.bounds ?? DEFAULT_SIZE_CLASSES;
    return ref.cents[sizeClassOf(member.population, bounds)]!;
  }
  const variable = roundHalfAwayFromZero(BigInt(ref.unitCents) * BigInt(member.usage), 1000n);
  return sumCents([ref.fixedCents ?? 0, Number(variable)], { it: 'Costo autonomo', en: 'Stand-alone cost' });
}

export interface StatementLine {
  code: string;
  key: SharingKey;
  exempt: boolean;
  /** The member's share of the item. */
  cents: number;
  standAloneCents: number | null;
  savingsCents: number | null;
}

export interface MemberStatement {
  year: number;
  istat: string;
  population: number;
  sizeClass: number;
  lines: StatementLine[];
  /** Σ of the member's shares: what it pays the consortium. */
  totalCents: number;
  /** Σ of the shares on the lines that have a stand-alone cost. */
  comparableCents: number;
  standAloneCents: number;
  savingsCents: number;
  /** savings / stand-alone in hundredths of a percent (4523 = 45,23 %), null when stand-alone is 0. */
  savingsBasisPoints: number | null;
}

type References = Readonly<Record<string, StandAloneReference>>;

function checkReferences(plan: PlanAllocation, references: References): void {
  const codes = new Set(plan.items.map((i) => i.code));
  for (const [code, ref] of Object.entries(references)) {
    if (!codes.has(code)) {
      throw new StatementError('STATEMENT_REFERENCE_UNKNOWN', 'rule.statementRefItem', { item: code, year: plan.year });
    }
    checkReference(ref, code);
  }
}

const basisPoints = (savings: number, standAlone: number): number | null =>
  standAlone === 0 ? null : Number(roundHalfAwayFromZero(BigInt(savings) * 10000n, BigInt(standAlone)));

/**
 * Index of `istat` in a list sorted by ISTAT code (as `allocatePlan` returns them): binary search,
 * then a linear scan in case the list came from elsewhere unsorted. -1 when absent.
 */
function indexOfIstat<T>(list: readonly T[], istat: string, get: (x: T) => string): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = get(list[mid]!);
    if (v === istat) return mid;
    if (v < istat) lo = mid + 1;
    else hi = mid - 1;
  }
  return list.findIndex((x) => get(x) === istat);
}

function lineOf(item: AllocatedItem, istat: string, ref: StandAloneReference | undefined): StatementLine {
  const row = item.shares[indexOfIstat(item.shares, istat, (s) => s.istat)];
  if (!row) throw new StatementError('STATEMENT_MEMBER_UNKNOWN', 'rule.statementMemberNotInItem', { istat, item: item.code });
  const exempt = indexOfIstat(item.exempt, istat, (x) => x) >= 0;
  const standAlone = ref && !exempt ? standAloneCost(ref, row) : null;
  return {
    code: item.code,
    key: { ...item.key },
    exempt,
    cents: row.cents,
    standAloneCents: standAlone,
    savingsCents: standAlone === null ? null : standAlone - row.cents,
  };
}

/** The statement of one member: each item, its key, its share, and the savings. */
export function memberStatement(plan: PlanAllocation, istat: string, references: References = {}, bounds: SizeClassBounds = DEFAULT_SIZE_CLASSES): MemberStatement {
  checkReferences(plan, references);
  checkSizeClasses(bounds);
  const firstItem = plan.items[0];
  const first = firstItem?.shares[indexOfIstat(firstItem.shares, istat, (s) => s.istat)];
  if (plan.items.length > 0 && !first) {
    throw new StatementError('STATEMENT_MEMBER_UNKNOWN', 'rule.statementMemberUnknown', { istat, year: plan.year });
  }
  const lines = plan.items.map((item) => lineOf(item, istat, references[item.code]));
  const comparable = lines.filter((l) => l.standAloneCents !== null);
  const standAlone = sumCents(comparable.map((l) => l.standAloneCents!));
  const comparableCents = sumCents(comparable.map((l) => l.cents));
  const population = first?.population ?? 0;
  return {
    year: plan.year,
    istat,
    population,
    sizeClass: sizeClassOf(population, bounds),
    lines,
    totalCents: sumCents(lines.map((l) => l.cents)),
    comparableCents,
    standAloneCents: standAlone,
    savingsCents: standAlone - comparableCents,
    savingsBasisPoints: basisPoints(standAlone - comparableCents, standAlone),
  };
}

export interface ServiceSavings {
  code: string;
  costCents: number;
  /** Members paying for it (not exempt). */
  members: number;
  standAloneCents: number;
  savingsCents: number;
  savingsBasisPoints: number | null;
}

export interface ConsortiumSavings {
  year: number;
  /** Only the items that have a reference price, in plan order. */
  services: ServiceSavings[];
  costCents: number;
  standAloneCents: number;
  savingsCents: number;
  savingsBasisPoints: number | null;
  /**
   * Items with a reference price whose savings are not computed, and why: `quantity_missing`,
   * the item's quantity is unknown so its cost is incomplete (issue 13). Left out of the totals.
   */
  notComputed?: { code: string; reason: 'quantity_missing' }[];
}

/** The economies of scale of the whole consortium, per service and in total. */
export function consortiumSavings(plan: PlanAllocation, references: References): ConsortiumSavings {
  checkReferences(plan, references);
  const services: ServiceSavings[] = [];
  for (const item of plan.items) {
    const ref = references[item.code];
    if (!ref) continue;
    const exempt = new Set(item.exempt);
    const payers = item.shares.filter((s) => !exempt.has(s.istat));
    const standAlone = sumCents(payers.map((s) => standAloneCost(ref, s)));
    services.push({
      code: item.code,
      costCents: item.cost_cents,
      members: payers.length,
      standAloneCents: standAlone,
      savingsCents: standAlone - item.cost_cents,
      savingsBasisPoints: basisPoints(standAlone - item.cost_cents, standAlone),
    });
  }
  const cost = sumCents(services.map((s) => s.costCents));
  const standAlone = sumCents(services.map((s) => s.standAloneCents));
  return { year: plan.year, services, costCents: cost, standAloneCents: standAlone, savingsCents: standAlone - cost, savingsBasisPoints: basisPoints(standAlone - cost, standAlone) };
}
