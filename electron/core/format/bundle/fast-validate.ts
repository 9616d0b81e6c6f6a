/**
 * Fast paths for validating the data of the hottest record kinds while a bundle is applied
 * (step 12). Zod's safeParse of a usage entry costs ~2.5 µs; a member's yearly bundle carries
 * hundreds of thousands of them.
 *
 * A fast path is conservative: it answers true only for data the kind's zod schema certainly
 * accepts, and false whenever in doubt; false is never a refusal, it sends the data to zod,
 * which decides and words the error. So zod stays the single definition of what is valid
 * (test/sync/fast-validate.test.ts checks "fast true ⇒ zod accepts" on random and adversarial
 * data, and that the fast path does accept ordinary entries).
 */
import type { z } from 'zod';
import { CONTROL_IN_LINE, CONTROL_IN_NOTE } from '../../../../shared/records/common';
import { UsageData } from '../../../../shared/records/usage';

type FastCheck = (data: unknown) => boolean;

const SERVICE_CODE = /^[A-Z][A-Z0-9-]{1,23}$/;
const USAGE_KEYS = 8;

const DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
}

/** isRealIsoDate (shared/records/common.ts) without a regex or a Date; any doubt answers false. */
function isDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const m = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > (DAYS[m] as number)) return false;
  return m !== 2 || d < 29 || (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
}

function isCount(v: unknown): boolean {
  return v === null || (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= 100_000_000);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

/** UsageData (shared/records/usage.ts), the common case only. */
export function fastUsage(data: unknown): boolean {
  if (!isPlainObject(data)) return false;
  if (Object.keys(data).length !== USAGE_KEYS) return false;
  const { service, date, period, quantity_milli: q, beneficiaries: b, channel, note, updated_by: by } = data;
  if (typeof service !== 'string' || !SERVICE_CODE.test(service)) return false;
  if (typeof date !== 'string' || !isDate(date)) return false;
  if (period !== 'day' && !(period === 'month' && date.endsWith('-01'))) return false;
  if (typeof q !== 'number' || !Number.isSafeInteger(q) || q < 1 || q > 1_000_000_000_000) return false;
  if (!isPlainObject(b) || Object.keys(b).length !== 3 || !isCount(b.citizens) || !isCount(b.businesses) || !isCount(b.offices)) return false;
  if (!Object.hasOwn(b, 'citizens') || !Object.hasOwn(b, 'businesses') || !Object.hasOwn(b, 'offices')) return false;
  if (channel !== null && channel !== 'counter' && channel !== 'online' && channel !== 'phone') return false;
  // Untrimmed bounds: the trimmed text is a part of it, so it passes them too.
  if (typeof note !== 'string' || note.length > 2000 || CONTROL_IN_NOTE.test(note)) return false;
  if (typeof by !== 'string' || by.length > 100 || CONTROL_IN_LINE.test(by) || by.trim().length === 0) return false;
  // Exactly the eight members (a ninth would have failed the count; an own `undefined` is not JSON).
  return Object.hasOwn(data, 'service') && Object.hasOwn(data, 'note') && Object.hasOwn(data, 'channel') && Object.hasOwn(data, 'updated_by');
}

const FAST = new Map<z.ZodType, FastCheck>([[UsageData, fastUsage]]);

/** The fast path for this exact schema object, if one exists (a custom registry gets none). */
export function fastCheckFor(schema: z.ZodType): FastCheck | undefined {
  return FAST.get(schema);
}
