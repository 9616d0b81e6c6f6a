import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IJsonError, parseIJson } from '../../electron/core/format/container/ijson';

const parse = (text: string | Buffer) => parseIJson(typeof text === 'string' ? Buffer.from(text, 'utf8') : text, 'test');

function refusal(input: string | Buffer): string {
  try {
    parse(input);
  } catch (err) {
    expect(err).toBeInstanceOf(IJsonError);
    return (err as Error).message;
  }
  throw new Error(`accepted: ${String(input)}`);
}

describe('I-JSON: refuses', () => {
  it('duplicate member names, at the top and nested, also when spelled with escapes', () => {
    expect(refusal('{"a":1,"a":1}')).toMatch(/nome di campo ripetuto.*duplicate member name "a"/);
    expect(refusal('{"x":{"b":1,"c":2,"b":3}}')).toMatch(/"b"/);
    expect(refusal('[{"ok":1},[{"d":1,"d":2}]]')).toMatch(/"d"/);
    expect(refusal('{"a":1,"\\u0061":2}')).toMatch(/"a"/);
    expect(refusal('{"__proto__":1,"__proto__":2}')).toMatch(/"__proto__"/);
  });

  it('a byte order mark', () => {
    expect(refusal(Buffer.from('\ufeff{"a":1}', 'utf8'))).toMatch(/BOM/);
  });

  it('invalid UTF-8: stray continuation, overlong, encoded surrogate, truncated sequence', () => {
    for (const bad of [[0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82]]) {
      const bytes = Buffer.concat([Buffer.from('{"a":"'), Buffer.from(bad), Buffer.from('"}')]);
      expect(refusal(bytes)).toMatch(/UTF-8/);
    }
  });

  it('lone surrogates written as escapes', () => {
    expect(refusal('{"a":"\\ud800"}')).toMatch(/surrogat/);
    expect(refusal('{"a":"x\\udc00y"}')).toMatch(/surrogat/);
    expect(refusal('{"a":"\\ud800\\u0041"}')).toMatch(/surrogat/);
    expect(refusal('{"a":"\\ud800\\ud800"}')).toMatch(/surrogat/);
    expect(refusal('{"\\udfff":1}')).toMatch(/surrogat/);
    expect(refusal('["\\uD83D"]')).toMatch(/surrogat/);
  });

  it('integers beyond ±(2^53−1) and non-finite numbers', () => {
    expect(refusal('{"n":9007199254740992}')).toMatch(/intero troppo grande/);
    expect(refusal('{"n":-9007199254740993}')).toMatch(/intero troppo grande/);
    expect(refusal('[123456789012345678901234567890]')).toMatch(/intero/);
    expect(refusal('{"n":1e400}')).toMatch(/fuori intervallo/);
  });

  it('whatever JSON.parse refuses', () => {
    for (const bad of ['', '{', '{"a":1,}', "{'a':1}", '{"a":01}', '{"a":"\t"}', 'NaN', '{"a":1} x', '{"a":"\\x41"}']) {
      expect(refusal(bad)).toMatch(/JSON non valido/);
    }
  });
});

describe('I-JSON: accepts', () => {
  it('ordinary event lines and gives what JSON.parse gives', () => {
    const lines = [
      '{"seq":31,"at":"2026-11-20T10:15:02.120Z","kind":"usage","op":"put","id":"0193a1b2","data":{"service":"PEC","quantity":12}}',
      '{"a":"Pèsaro e Urbino — «prova» ✓","b":"\\ud83d\\ude00 😀","c":"\\\\u0041\\"","d":[1,-2.5,0,true,false,null,{}]}',
      '{"n":9007199254740991,"m":-9007199254740991,"f":1.5e300,"z":-0}',
      '  [ ]  ',
      '"just a string"',
      '{"a":{"a":{"a":1}},"b":[{"a":1},{"a":2}]}',
      '{"__proto__":{"x":1}}',
    ];
    for (const line of lines) expect(parse(line)).toEqual(JSON.parse(line));
  });

  it('matches JSON.parse on generated JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        const expected = JSON.parse(text) as unknown;
        const unsafe = /\d{16,}|e\+/i.test(text);
        if (unsafe) return; // may hold integers beyond 2^53, refused on purpose
        expect(parse(text)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
