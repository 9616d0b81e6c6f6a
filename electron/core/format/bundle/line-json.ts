/**
 * The strict I-JSON check of one event line (step 9), with a fast path for the common line.
 *
 * parseIJson (container/ijson.ts) scans every character of the text in JavaScript to count
 * members outside strings; on a million lines that scan costs more than JSON.parse itself.
 * Most lines contain no backslash at all, and then a cheaper proof exists:
 * - the line is valid UTF-8 (native `isUtf8`), so it has no raw lone surrogate; without a
 *   backslash it has no escape either, so no escaped lone surrogate;
 * - JSON.parse accepted it;
 * - a member is exactly one ':' outside strings, and without escapes every ':' inside a string
 *   of the text is a ':' of the parsed string: members = colons in the bytes − colons in the
 *   parsed keys and string values (a UTF-8 multi-byte sequence never contains the byte 0x3A).
 *   JSON.parse keeps the last of duplicate names, so fewer own keys than members means a repeat;
 * - every number is finite and within ±(2^53−1): then no integer literal is out of range (an
 *   integer literal beyond 2^53−1 parses to at least 2^53 in magnitude).
 * Anything else (a backslash, a count mismatch, a large number, invalid UTF-8 or JSON) takes
 * the exact path, parseIJson, which also words the refusal. So the fast path only ever says
 * "valid" where parseIJson would, with the same value (test/sync/line-json.test.ts).
 */
import * as buffer from 'node:buffer';
import { parseIJson } from '../container/ijson';

type Utf8Check = (input: Uint8Array) => boolean;
/** node:buffer isUtf8 (Node ≥ 18.14): native validation, several times cheaper than a fatal TextDecoder. */
const isUtf8 = (buffer as unknown as { isUtf8?: Utf8Check }).isUtf8;

/** Parses one event line as strict I-JSON; throws IJsonError (from parseIJson) when it is not. */
export function parseEventLine(line: Buffer, what: string): unknown {
  const value = isUtf8 ? fastParse(line) : undefined;
  return value === undefined ? parseIJson(line, what) : value;
}

/** The value, or undefined when the fast path cannot prove the line is I-JSON. */
export function fastParse(line: Buffer): unknown {
  if (!(isUtf8 as Utf8Check)(line)) return undefined;
  if (line.length >= 3 && line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf) return undefined;
  // Searched in the string, not the Buffer: String#indexOf is a builtin, Buffer#indexOf a binding call.
  const text = line.toString('utf8');
  if (text.indexOf('\\') >= 0) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  // Pass 1: keys, numbers, and the colons of members' string values only (an event's `at` has
  // two), a subset of all string colons. Members = text colons − all string colons ≤ text
  // colons − the subset's, and members ≥ keys: so equality here already proves no name repeats.
  const tally = { keys: 0, colons: 0, ok: true };
  walk(value, tally, false);
  if (!tally.ok) return undefined;
  const textColons = colonsIn(text);
  if (tally.keys === textColons - tally.colons) return value;
  // Pass 2 (a colon inside a nested string): count every string's colons.
  const all = { keys: 0, colons: 0, ok: true };
  walk(value, all, true);
  return all.keys === textColons - all.colons ? value : undefined;
}

function colonsIn(s: string): number {
  let n = 0;
  for (let i = s.indexOf(':'); i >= 0; i = s.indexOf(':', i + 1)) n += 1;
  return n;
}

interface Tally {
  keys: number;
  colons: number;
  ok: boolean;
}

/** `deep`: count the colons of every key and string; otherwise only those of members' string values. */
function walk(value: unknown, t: Tally, deep: boolean): void {
  switch (typeof value) {
    case 'string':
      if (deep) t.colons += colonsIn(value);
      return;
    case 'number':
      if (!(value >= -Number.MAX_SAFE_INTEGER && value <= Number.MAX_SAFE_INTEGER)) t.ok = false;
      return;
    case 'object': {
      if (value === null) return;
      if (Array.isArray(value)) {
        for (const item of value) walk(item, t, deep);
        return;
      }
      const obj = value as Record<string, unknown>;
      // Object.keys, not for…in: an enumerable property added to Object.prototype must not count.
      for (const key of Object.keys(obj)) {
        t.keys += 1;
        const v = obj[key];
        if (deep) {
          t.colons += colonsIn(key);
          walk(v, t, true);
        } else if (typeof v === 'string') {
          t.colons += colonsIn(v);
        } else {
          walk(v, t, false);
        }
      }
      return;
    }
    default:
      return;
  }
}
