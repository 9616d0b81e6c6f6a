/**
 * A strict I-JSON (RFC 7493) parser: UTF-8 without BOM, no duplicate member names at any
 * depth, no lone surrogates (escaped ones included), nothing JSON.parse rejects, finite numbers
 * and integers within ±(2^53−1). Everything the bundle format reads goes through it.
 *
 * It runs on every event line (millions per import), so the common path is: native strict
 * UTF-8 decode, native JSON.parse, then one cheap scan of the text that counts members (one
 * ':' outside strings per member) and checks `\u` escapes and integer literals, and one
 * walk of the parsed value that counts own keys and checks that numbers are finite.
 * JSON.parse keeps the last of duplicate names, so the value has fewer keys than the text has
 * members exactly when a name repeats; only then a slow pass runs to name the duplicate.
 */

export class IJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IJsonError';
  }
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;

function fail(what: string, italian: string, technical: string): never {
  throw new IJsonError(`${what}: ${italian} (${technical})`);
}

/** Index of the quote closing the string whose opening quote is at `open`; valid JSON assumed. */
function stringEnd(text: string, open: number): number {
  let q = text.indexOf('"', open + 1);
  for (;;) {
    let backslashes = 0;
    while (text.charCodeAt(q - 1 - backslashes) === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return q;
    q = text.indexOf('"', q + 1);
  }
}

function hex4(text: string, at: number): number {
  return Number.parseInt(text.slice(at, at + 4), 16);
}

/** Lone-surrogate check for the escapes of one string literal (`open`, `close`: its quotes). */
function checkEscapes(text: string, open: number, close: number, what: string): void {
  let i = text.indexOf('\\', open + 1);
  while (i >= 0 && i < close) {
    if (text.charCodeAt(i + 1) !== 117 /* u */) {
      i = text.indexOf('\\', i + 2);
      continue;
    }
    const unit = hex4(text, i + 2);
    if (unit >= 0xdc00 && unit <= 0xdfff) fail(what, 'surrogato isolato in una stringa', `lone low surrogate \\u${text.slice(i + 2, i + 6)}`);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 6) === BACKSLASH && text.charCodeAt(i + 7) === 117 ? hex4(text, i + 8) : -1;
      if (next < 0xdc00 || next > 0xdfff) fail(what, 'surrogato isolato in una stringa', `lone high surrogate \\u${text.slice(i + 2, i + 6)}`);
      i = text.indexOf('\\', i + 12);
    } else {
      i = text.indexOf('\\', i + 6);
    }
  }
}

function isNumberChar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 101 || c === 69; // 0-9 - + . e E
}

/**
 * Counts members (':' outside strings), checks escapes, and checks integer literals (no
 * fraction, no exponent) against ±(2^53−1): RFC 7493's range is about integers as written;
 * `1.5e300` is a double, refused only if not finite (in walk()). Runs on text JSON.parse accepted.
 */
function scan(text: string, what: string): number {
  let members = 0;
  const n = text.length;
  // Backslashes occur only inside strings: the next one is in the current string or a later one.
  let nextBackslash = text.indexOf('\\');
  for (let i = 0; i < n; i += 1) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const close = stringEnd(text, i);
      if (nextBackslash >= 0 && nextBackslash < close) {
        checkEscapes(text, i, close, what);
        nextBackslash = text.indexOf('\\', close);
      }
      i = close;
    } else if (c === COLON) {
      members += 1;
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      let end = i + 1;
      while (end < n && isNumberChar(text.charCodeAt(end))) end += 1;
      // 15 characters hold any "-99999999999999" or "999999999999999": always safe.
      if (end - i > 15) {
        const literal = text.slice(i, end);
        if (/^-?[0-9]+$/.test(literal) && !Number.isSafeInteger(Number(literal))) {
          fail(what, 'numero intero troppo grande', `integer ${literal} beyond ±(2^53−1)`);
        }
      }
      i = end - 1;
    }
  }
  return members;
}

/** Counts own keys of every object and checks every number. */
function walk(value: unknown, what: string): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail(what, 'numero fuori intervallo', 'number is not finite in double precision');
    return 0;
  }
  if (typeof value !== 'object' || value === null) return 0;
  let count = 0;
  if (Array.isArray(value)) {
    for (const item of value) count += walk(item, what);
    return count;
  }
  const obj = value as Record<string, unknown>;
  // Object.keys, not for…in: an enumerable property added to Object.prototype elsewhere must not count.
  for (const key of Object.keys(obj)) {
    count += 1 + walk(obj[key], what);
  }
  return count;
}

/** Slow path, only on a count mismatch: finds the first repeated name for the message. */
function findDuplicate(text: string): string {
  const stack: (Set<string> | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '{') {
      stack.push(new Set());
      expectKey = true;
    } else if (c === '[') {
      stack.push(null);
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      expectKey = stack[stack.length - 1] != null;
    } else if (c === '"') {
      const close = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (expectKey && top) {
        const name = JSON.parse(text.slice(i, close + 1)) as string;
        if (top.has(name)) return name;
        top.add(name);
      }
      expectKey = false;
      i = close;
    }
  }
  return '?';
}

/**
 * Parses one I-JSON text. `what` names it in the message (e.g. "manifest.json", "riga 12").
 * Throws IJsonError on anything that is not I-JSON.
 */
export function parseIJson(bytes: Buffer | Uint8Array, what = 'JSON'): unknown {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    fail(what, 'il testo inizia con un BOM', 'UTF-8 byte order mark not allowed');
  }
  let text: string;
  try {
    text = utf8Strict.decode(bytes);
  } catch {
    fail(what, 'il testo non è UTF-8 valido', 'invalid UTF-8');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    fail(what, 'JSON non valido', (err as Error).message);
  }
  const members = scan(text, what);
  if (walk(value, what) !== members) {
    fail(what, 'nome di campo ripetuto', `duplicate member name ${JSON.stringify(findDuplicate(text))}`);
  }
  return value;
}
