/**
 * The fast path of the event-line I-JSON check (electron/core/format/bundle/line-json.ts) must say
 * "valid" only where parseIJson would, with the same value, and parseEventLine must then agree
 * with parseIJson on everything (value or refusal message), on random and adversarial lines.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIJson } from '../../electron/core/format/container/ijson';
import { fastParse, parseEventLine } from '../../electron/core/format/bundle/line-json';
import { usageLine } from './bundle-gen';

type Outcome = { ok: true; value: unknown } | { ok: false; message: string };

function outcome(fn: () => unknown): Outcome {
  try {
    return { ok: true, value: fn() };
  } catch (err) {
    return { ok: false, message: (err as Error).message };
  }
}

function agrees(bytes: Buffer): void {
  const exact = outcome(() => parseIJson(bytes, 'line 1'));
  const fast = fastParse(bytes);
  if (fast !== undefined) {
    expect(exact.ok, `fast path accepted what parseIJson refuses: ${bytes.toString('latin1')}`).toBe(true);
    expect(fast).toStrictEqual((exact as { value: unknown }).value);
  }
  expect(outcome(() => parseEventLine(bytes, 'line 1'))).toStrictEqual(exact);
}

/** Text pieces that stress the member count: colons and quotes in names and values, repeats, escapes, big numbers. */
const tricky = fc.constantFrom(
  ':',
  '::',
  '":"',
  'a:b',
  '\\u003a',
  '\\"',
  '\\\\',
  '\\ud800',
  '\\ud83d\\ude00',
  'é',
  '\u{1F600}',
  '__proto__',
  'constructor',
  '9007199254740993',
  '1e400',
  ' ',
);
const name = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('a', 'b', 'at', 'id', ':', 'a:b', '__proto__'));
const scalar = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom(':', '12:30:00', ':x', 'x:', '"', '\\'),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(9007199254740991, -9007199254740991, 2 ** 53, -(2 ** 60), 1e300),
  fc.boolean(),
  fc.constant(null),
);
/** An object as a list of members, so that a name may repeat (JSON.stringify cannot write that). */
class Members {
  constructor(readonly list: [string, unknown][]) {}
}
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('object'), tie('array')),
  object: fc.array(fc.tuple(name, tie('value')), { maxLength: 5 }).map((list) => new Members(list as [string, unknown][])),
  array: fc.array(tie('value'), { maxLength: 4 }),
}));

function write(v: unknown): string {
  if (v instanceof Members) return `{${v.list.map(([k, x]) => `${JSON.stringify(k)}:${write(x)}`).join(',')}}`;
  if (Array.isArray(v)) return `[${v.map(write).join(',')}]`;
  return JSON.stringify(v);
}

describe('event line I-JSON fast path', () => {
  it('accepts an ordinary usage line (so the fast path is really used)', () => {
    const bytes = Buffer.from(usageLine(7, 0));
    expect(fastParse(bytes)).toStrictEqual(JSON.parse(bytes.toString()));
  });

  it('hands every doubtful line to parseIJson: repeats, escapes, colons in strings, big numbers, invalid UTF-8', () => {
    const cases = [
      '{"a":1,"a":2}',
      '{"a:b":1,"a":2,"a":3}',
      '{"x":"1:2","y":{"a":1,"a":1}}',
      '{"x":":","x":":"}',
      '{"a":{"b:":1},"c":"d","c":"e"}',
      '{"a":1,"\\u0061":2}',
      '{"a":"\\u003a","a":1}',
      '{"__proto__":1,"__proto__":2}',
      '{"n":9007199254740992}',
      '{"n":-9007199254740993}',
      '{"n":1e400}',
      '{"n":1.5e300}',
      '{"a" :1,"b":2}',
      '{"s":"\\ud800"}',
      '{"k":["a:b","c:d",{"e":1,"e":2}]}',
      '{"seq":1,"at":"2026-11-20T10:15:02.120Z","kind":"usage","op":"put","id":"x","data":{"note":"12:30","note":"x"}}',
    ];
    for (const c of cases) agrees(Buffer.from(c, 'utf8'));
    for (const bad of [[0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82]]) agrees(Buffer.concat([Buffer.from('{"a":"'), Buffer.from(bad), Buffer.from('"}')]));
    agrees(Buffer.from('\ufeff{"a":1}', 'utf8'));
  });

  it('agrees with parseIJson on random member lists (repeats included)', () => {
    fc.assert(
      fc.property(json.object, (members) => {
        agrees(Buffer.from(write(members), 'utf8'));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with parseIJson on usage lines with tricky text spliced in anywhere', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.nat(), tricky, (seq, at, piece) => {
        const base = usageLine(seq, 0);
        const i = at % base.length;
        agrees(Buffer.from(base.slice(0, i) + piece + base.slice(i), 'utf8'));
      }),
      { numRuns: 3000 },
    );
  });
});
