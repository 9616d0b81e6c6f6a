import type { MessageKey } from '../errors/catalogue';
import { GovernanceError, words, type RuleParams } from './errors';

/**
 * The exact arithmetic of the cost allocation (*ripartizione dei costi*), issue 5, on members
 * held as columns (one array per field, indexed alike, sorted by ascending ISTAT code: that
 * order is the tie-break). `allocation.ts` is the public face; this module is its engine.
 *
 * The rule (normative): a member's exact share is cost × Σ_c (pct_c / 100) × w_{m,c} / B_c, where
 * w is the member's weight under component c (1, its population, its usage) and B_c the sum of
 * the weights of the members that are not exempt. Only that exact sum is rounded, never each
 * component: every share is rounded down to the cent, and the cents still missing go one each to
 * the largest remainders, ties broken by ascending ISTAT code. The shares always sum to the cost.
 *
 * Exactness: with D = 100 × Π B_c and K_c = cost × pct_c × Π_{c'≠c} B_c' (a component at 0% has
 * B = 1), the share is N_m / D with N_m = Σ_c K_c w_{m,c}, an integer; D and the K_c are divided
 * by their common gcd, which changes no floor and no remainder order. Σ_m N_m = cost × D.
 */

export const KEY_COMPONENTS = ['equal', 'population', 'usage'] as const;
export type KeyComponent = (typeof KEY_COMPONENTS)[number];

/** Italian names of the components, as they appear in messages. */
export const KEY_COMPONENT_LABELS: Record<KeyComponent, string> = {
  equal: 'parti uguali',
  population: 'popolazione',
  usage: 'utilizzo',
};

const KEY_COMPONENT_LABELS_EN: Record<KeyComponent, string> = { equal: 'equal shares', population: 'population', usage: 'usage' };

/** «Voce X: » before a sentence about an item, in both languages (nothing without an item). */
export function itemPrefix(item: string): { where: string; whereEn: string } {
  return item ? { where: `Voce ${item}: `, whereEn: `Item ${item}: ` } : { where: '', whereEn: '' };
}

/** Percentages (integers 0..100) summing to exactly 100. */
export interface SharingKey {
  equal: number;
  population: number;
  usage: number;
}

export type AllocationErrorCode =
  | 'ALLOC_NO_MEMBERS'
  | 'ALLOC_ALL_EXEMPT'
  | 'ALLOC_KEY_SUM'
  | 'ALLOC_KEY_INVALID'
  | 'ALLOC_COST_NEGATIVE'
  | 'ALLOC_COST_INVALID'
  | 'ALLOC_EMPTY_BASE'
  | 'ALLOC_MEMBER_INVALID'
  | 'ALLOC_MEMBER_DUPLICATE'
  | 'ALLOC_MEMBER_UNKNOWN'
  | 'ALLOC_ITEM_DUPLICATE'
  | 'ALLOC_YEAR_INVALID';

export class AllocationError<K extends MessageKey = MessageKey> extends GovernanceError<K> {
  declare readonly code: AllocationErrorCode;
  constructor(code: AllocationErrorCode, key: K, params: RuleParams<K>) {
    super(code, key, params);
    this.name = 'AllocationError';
  }
}

/** Members of one item as columns, sorted by ascending ISTAT; values already validated. */
export interface MemberColumns {
  istat: readonly string[];
  /** Integers ≥ 0 (safe). */
  population: ArrayLike<number>;
  /** This item's usage, thousandths of the unit, integers ≥ 0 (safe). */
  usage: ArrayLike<number>;
  /** 1 = exempt from this item. */
  exempt: ArrayLike<number>;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
/** Unit roundoff of a double. */
const U = 2 ** -53;

/** Throws unless the key has integer percentages 0..100 summing to exactly 100. */
export function checkSharingKey(key: SharingKey, itemCode = ''): void {
  const where = itemPrefix(itemCode);
  for (const c of KEY_COMPONENTS) {
    const p: unknown = key[c];
    if (typeof p !== 'number' || !Number.isInteger(p) || p < 0 || p > 100) {
      throw new AllocationError('ALLOC_KEY_INVALID', 'rule.allocKeyPercent', {
        ...where,
        ...words('componentLabel', { it: KEY_COMPONENT_LABELS[c], en: KEY_COMPONENT_LABELS_EN[c] }),
        item: itemCode,
        component: c,
        value: String(p),
      });
    }
  }
  const sum = key.equal + key.population + key.usage;
  if (sum !== 100) {
    throw new AllocationError('ALLOC_KEY_SUM', 'rule.allocKeySum', { ...where, equal: key.equal, population: key.population, usage: key.usage, item: itemCode, sum });
  }
}

/** Throws unless the cost is a safe integer of cents ≥ 0. */
export function checkCost(costCents: number, itemCode: string): void {
  if (typeof costCents !== 'number' || !Number.isSafeInteger(costCents)) {
    throw new AllocationError('ALLOC_COST_INVALID', 'rule.allocCostInvalid', { item: itemCode, value: String(costCents) });
  }
  if (costCents < 0) {
    throw new AllocationError('ALLOC_COST_NEGATIVE', 'rule.allocCostNegative', { item: itemCode, value: costCents });
  }
}

/** Sum of the non-exempt weights (non-negative safe integers), exact. */
function base(values: ArrayLike<number>, exempt: ArrayLike<number>): bigint {
  const n = values.length;
  let s = 0;
  for (let i = 0; i < n; i++) if (exempt[i] === 0) s += values[i]!;
  // Non-negative addends: partial sums only grow, so a final sum ≤ 2^53 means every step was exact.
  if (s <= MAX_SAFE) return BigInt(s);
  let b = 0n;
  for (let i = 0; i < n; i++) if (exempt[i] === 0) b += BigInt(values[i]!);
  return b;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

/**
 * The shares in cents of one item, indexed like the columns (exempt members get 0). Checks the
 * key, the cost, that someone pays and that every component in use has a base > 0.
 */
export function shareCents(code: string, costCents: number, key: SharingKey, cols: MemberColumns): Float64Array {
  checkSharingKey(key, code);
  checkCost(costCents, code);
  const n = cols.istat.length;
  if (n === 0) throw new AllocationError('ALLOC_NO_MEMBERS', 'rule.allocNoMembers', { item: code });
  const payers: number[] = [];
  for (let i = 0; i < n; i++) if (cols.exempt[i] === 0) payers.push(i);
  if (payers.length === 0) {
    throw new AllocationError('ALLOC_ALL_EXEMPT', 'rule.allocAllExempt', { item: code });
  }
  const bases: Record<KeyComponent, bigint> = {
    equal: BigInt(payers.length),
    population: key.population > 0 ? base(cols.population, cols.exempt) : 1n,
    usage: key.usage > 0 ? base(cols.usage, cols.exempt) : 1n,
  };
  for (const c of ['population', 'usage'] as const) {
    if (key[c] > 0 && bases[c] === 0n) {
      throw new AllocationError('ALLOC_EMPTY_BASE', c === 'population' ? 'rule.allocNoPopulation' : 'rule.allocNoUsage', { item: code, component: c, percent: key[c] });
    }
  }
  const cents = new Float64Array(n);
  if (costCents > 0) distribute(costCents, key, bases, cols, payers, cents);
  return cents;
}

/**
 * Fills `cents` with the shares of a positive cost. Three exact ways, chosen by size, all giving
 * the same result (the tests compare each with a BigInt oracle):
 *   1. cost × D ≤ 2^53: every N_m ≤ Σ N_m = cost × D is a safe integer, numbers are exact;
 *   2. otherwise, while δ = 16·u·cost < 10^-3 (u = 2^-53, so cost below ~5.6·10^11 cents):
 *      each share is estimated in doubles within δ (at most six roundings of ≤ u relative each,
 *      and a share never exceeds the cost). Its floor is exact unless the estimate lies within δ
 *      of an integer: such members are recomputed in BigInt. The estimated remainders are then
 *      within δ of the exact ones, so the k-th largest estimate is within δ of the k-th largest
 *      exact remainder; members within 2δ of that threshold are ordered by exact BigInt
 *      remainders. Every floor and every comparison that decides a cent is therefore exact;
 *   3. else BigInt throughout.
 */
function distribute(cost: number, key: SharingKey, bases: Record<KeyComponent, bigint>, cols: MemberColumns, payers: number[], cents: Float64Array): void {
  const { population, usage } = cols;
  const C = BigInt(cost);
  const Be = bases.equal;
  const Bp = bases.population;
  const Bu = bases.usage;
  let D = 100n * Be * Bp * Bu;
  let Ke = C * BigInt(key.equal) * Bp * Bu;
  let Kp = C * BigInt(key.population) * Be * Bu;
  let Ku = C * BigInt(key.usage) * Be * Bp;
  const g = gcd(gcd(gcd(D, Ke), Kp), Ku);
  D /= g;
  Ke /= g;
  Kp /= g;
  Ku /= g;

  /** Exact floor (written to `cents`) and remainder of member i. */
  const exact = (i: number): bigint => {
    let N = Ke;
    const p = population[i]!;
    const u = usage[i]!;
    if (Kp !== 0n && p !== 0) N += Kp * BigInt(p);
    if (Ku !== 0n && u !== 0) N += Ku * BigInt(u);
    const q = N / D;
    cents[i] = Number(q);
    return N - q * D;
  };

  if (C * D <= BigInt(MAX_SAFE)) {
    const d = Number(D);
    const ke = Number(Ke);
    const kp = Number(Kp);
    const ku = Number(Ku);
    const rem = new Float64Array(cents.length);
    let assigned = 0;
    for (const i of payers) {
      const N = ke + kp * population[i]! + ku * usage[i]!;
      let q = Math.floor(N / d);
      let r = N - q * d;
      // A rounded division of safe integers is off by at most one: corrected exactly here.
      if (r < 0) {
        q -= 1;
        r += d;
      } else if (r >= d) {
        q += 1;
        r -= d;
      }
      cents[i] = q;
      rem[i] = r;
      assigned += q;
    }
    giveLeftovers(cost - assigned, payers, rem, 0, cents, null);
    return;
  }

  const delta = 16 * U * cost;
  if (delta < 1e-3) {
    const fe = (cost * key.equal) / (100 * Number(Be));
    const fp = key.population === 0 ? 0 : (cost * key.population) / (100 * Number(Bp));
    const fu = key.usage === 0 ? 0 : (cost * key.usage) / (100 * Number(Bu));
    const dn = Number(D);
    const frac = new Float64Array(cents.length);
    let assigned = 0;
    for (const i of payers) {
      const x = fe + fp * population[i]! + fu * usage[i]!;
      const q = Math.floor(x);
      const f = x - q;
      if (f < delta || f > 1 - delta) {
        frac[i] = Number(exact(i)) / dn;
      } else {
        cents[i] = q;
        frac[i] = f;
      }
      assigned += cents[i]!;
    }
    const left = cost - assigned;
    if (left >= 0 && left < payers.length) {
      giveLeftovers(left, payers, frac, 2 * delta, cents, exact);
      return;
    }
    // Unreachable while the bound holds; kept so that a slip could never give a wrong total.
  }

  const rem = new Array<bigint>(cents.length).fill(0n);
  let assigned = 0;
  for (const i of payers) {
    rem[i] = exact(i);
    assigned += cents[i]!;
  }
  const order = [...payers].sort((a, b) => {
    const ra = rem[a]!;
    const rb = rem[b]!;
    return ra > rb ? -1 : ra < rb ? 1 : a - b;
  });
  const left = cost - assigned;
  for (let j = 0; j < left; j++) cents[order[j]!]! += 1;
}

/**
 * Gives one cent to each of the `left` payers with the largest remainders, ties by ascending
 * index (= ascending ISTAT). `rem` holds the remainders: exact when `band` is 0; otherwise
 * estimates within band/2 of the exact fractions, and `exact` gives a member's exact remainder
 * (it rewrites that member's floor with the same value), used for the members within `band` of
 * the threshold. Linear on average (a selection, not a sort).
 */
function giveLeftovers(left: number, payers: readonly number[], rem: Float64Array, band: number, cents: Float64Array, exact: ((i: number) => bigint) | null): void {
  if (left <= 0) return;
  const values = new Float64Array(payers.length);
  for (let j = 0; j < payers.length; j++) values[j] = rem[payers[j]!]!;
  const threshold = kthSmallest(values, payers.length - left);
  let slots = left;
  if (band === 0 || exact === null) {
    for (const i of payers) {
      if (rem[i]! > threshold) {
        cents[i]! += 1;
        slots--;
      }
    }
    for (const i of payers) {
      if (slots === 0) break;
      if (rem[i] === threshold) {
        cents[i]! += 1;
        slots--;
      }
    }
    return;
  }
  const hi = threshold + band;
  const lo = threshold - band;
  const unsure: number[] = [];
  for (const i of payers) {
    const r = rem[i]!;
    if (r > hi) {
      cents[i]! += 1;
      slots--;
    } else if (r >= lo) unsure.push(i);
  }
  if (slots <= 0) return;
  const exactRem = new Map<number, bigint>();
  for (const i of unsure) exactRem.set(i, exact(i));
  unsure.sort((a, b) => {
    const ra = exactRem.get(a)!;
    const rb = exactRem.get(b)!;
    return ra > rb ? -1 : ra < rb ? 1 : a - b;
  });
  for (let j = 0; j < slots; j++) cents[unsure[j]!]! += 1;
}

/** The k-th smallest value (0-based) of `a`, which it reorders: Hoare's selection, median of three. */
function kthSmallest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three as the pivot keeps sorted and constant inputs linear.
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}
