import { z } from 'zod';
import { GovernanceError, words, type Words } from './errors';

/**
 * Money is integer euro cents held in a JavaScript number, and only ever a safe integer
 * (|n| ≤ Number.MAX_SAFE_INTEGER): a float or an unsafe integer is refused, never rounded.
 * Arithmetic whose intermediate values can pass 2^53 (a cost times a sum of populations) is done
 * in BigInt by the callers; the helpers below convert at the edges, exactly.
 */
export type Cents = number;

export const MAX_CENTS = Number.MAX_SAFE_INTEGER;

/** True for a safe integer number of cents (negative allowed: savings can be negative). */
export function isCents(value: unknown): value is Cents {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Throws unless `value` is a safe, non-negative integer of cents (`what` names it in the message). */
export function assertNonNegativeCents(value: unknown, what: Words, code = 'MONEY_INVALID'): asserts value is Cents {
  if (!isCents(value)) {
    throw new GovernanceError(code, 'rule.moneyInvalid', { ...words('what', what), value: String(value) });
  }
  if (value < 0) {
    throw new GovernanceError('MONEY_NEGATIVE', 'rule.moneyNegative', { ...words('what', what), value });
  }
}

/** BigInt cents back to a number, refusing a result beyond the safe range (never a silent loss). */
export function centsFromBigInt(value: bigint, what: Words = { it: 'Importo', en: 'Amount' }): Cents {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new GovernanceError('MONEY_OVERFLOW', 'rule.moneyOverflow', { ...words('what', what), value: value.toString() });
  }
  return Number(value);
}

/** Exact sum of cents (BigInt inside, so a long column never loses a cent). */
export function sumCents(values: Iterable<Cents>, what: Words = { it: 'Totale', en: 'Total' }): Cents {
  let total = 0;
  let big: bigint | null = null;
  for (const v of values) {
    if (big !== null) big += BigInt(v);
    else {
      const next = total + v;
      if (Number.isSafeInteger(next)) total = next;
      else big = BigInt(total) + BigInt(v);
    }
  }
  return big === null ? total : centsFromBigInt(big, what);
}

/**
 * Rounds the exact quotient `numerator / denominator` (BigInt, denominator > 0) to the nearest
 * integer, halves away from zero: the one rounding used for derived amounts (a unit price times a
 * quantity in thousandths). Cost shares never use it: they follow the largest-remainder rule.
 */
export function roundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  const q = n / denominator;
  const r = n - q * denominator;
  const rounded = 2n * r >= denominator ? q + 1n : q;
  return negative ? -rounded : rounded;
}

/** zod: a non-negative amount in integer cents (safe integer). */
export const CentsSchema = z
  .number({ message: "L'importo deve essere un numero di centesimi." })
  .int({ message: "L'importo va espresso in centesimi interi (per esempio 1.234,56 € = 123456)." })
  .min(0, { message: "L'importo non può essere negativo." })
  .max(MAX_CENTS, { message: "L'importo supera il massimo rappresentabile." });
