import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ERROR_CODES } from '../../shared/api/errors';
import { ERROR_MESSAGES, lineFor, messageFor, type MessageKey } from '../../shared/errors/catalogue';
import { holesOf } from '../../shared/errors/entry';
import { issueMessage } from '../../shared/errors/zod-issues';
import { validationError } from '../../electron/core/platform/errors';
import { ITALIAN_WORDS, unquoted } from '../helpers/italian-words';

const ROOT = resolve(__dirname, '..', '..');
const KEYS = Object.keys(ERROR_MESSAGES) as MessageKey[];

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const rel = join(dir, name);
    return statSync(join(ROOT, rel)).isDirectory() ? files(rel) : /\.tsx?$/.test(name) ? [rel] : [];
  });
}

describe('the error catalogue (shared/errors)', () => {
  it('has, for every key, both languages naming the same params (an English-only value ends in En)', () => {
    const wrong = KEYS.filter((key) => {
      const { it: italian, en } = ERROR_MESSAGES[key];
      const itHoles = holesOf(italian).sort();
      const enHoles = holesOf(en).map((h) => h.replace(/En$/, '')).sort();
      return JSON.stringify(itHoles) !== JSON.stringify(enHoles);
    });
    expect(wrong).toEqual([]);
  });

  it('has an English sentence for every key, different from the Italian one and with no Italian left', () => {
    const italianLeft = KEYS.filter((key) => ITALIAN_WORDS.test(unquoted(ERROR_MESSAGES[key].en)));
    expect(italianLeft.map((key) => `${key}: ${ERROR_MESSAGES[key].en}`)).toEqual([]);
    expect(KEYS.filter((key) => ERROR_MESSAGES[key].en === ERROR_MESSAGES[key].it || !ERROR_MESSAGES[key].en.trim())).toEqual([]);
  });

  it('sends every key with one of the API error codes', () => {
    expect(KEYS.filter((key) => !(ERROR_CODES as readonly string[]).includes(ERROR_MESSAGES[key].code))).toEqual([]);
  });

  it('has no key the code never uses (the core throws it, or the zod mapping picks it)', () => {
    const core = files('electron').map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');
    const mapping = readFileSync(join(ROOT, 'shared/errors/zod-issues.ts'), 'utf8');
    const unused = KEYS.filter((key) => !key.startsWith('schema.') && !core.includes(`'${key}'`) && !mapping.includes(`'${key}'`));
    expect(unused).toEqual([]);
  });

  it('writes the one-line form with the field it is about, in both languages', () => {
    expect(lineFor('records.dateInFuture', {}, 'date', 'it')).toBe('Campo «date»: la data è nel futuro; si registra solo ciò che è già avvenuto.');
    expect(lineFor('records.dateInFuture', {}, 'date', 'en')).toBe('Field «date»: the date is in the future; only what has already happened is recorded.');
    expect(messageFor('staff.codeTaken', { code: 'P-1' }, 'en')).toBe('the code P-1 is already used by another person; choose another one.');
  });

  it('leaves no `new AppError(code, sentence)` in the core but the wrappers of the other catalogues', () => {
    const sites = files('electron/core')
      .filter((f) => !f.endsWith('platform/errors.ts'))
      .flatMap((f) => (readFileSync(join(ROOT, f), 'utf8').match(/new AppError\(/g) ?? []).map(() => f.replace(/^electron\/core\//, '')));
    // Governance rules (govErrors.<rule>) and bundle refusals (their own messages, per code in the window).
    expect(sites.sort()).toEqual(
      [
        'governance/gov-errors.ts',
        'sync/forks/resolve-fork.ts',
        'sync/forks/resolve-fork.ts',
        'sync/recovery/recovery-apply.ts',
        'sync/recovery/recovery-apply.ts',
      ].sort(),
    );
  });
});

describe('validation issues become catalogue sentences, never zod’s own words', () => {
  const schema = z.strictObject({
    name: z.string().min(1).max(5),
    code: z.string().min(3),
    count: z.number().int().min(1).max(9),
    ratio: z.number().gt(0).lt(1),
    step: z.number().multipleOf(5),
    tags: z.array(z.string()).min(1).max(2),
    email: z.email(),
    pattern: z.string().regex(/^x$/),
    kind: z.enum(['a', 'b']),
    flag: z.boolean(),
    either: z.union([z.string(), z.number()]),
    map: z.record(z.string().regex(/^k$/), z.string()),
    set: z.set(z.number()),
    // A map keyed by objects: a bad value is an invalid_element (keyed by a string, a plain path).
    byObject: z.map(z.object({ a: z.string() }), z.number()),
    custom: z.string().refine((s) => s === 'ok'),
    nested: z.object({ inner: z.string() }),
  });
  const bad = {
    name: 'toolong',
    code: 'ab',
    count: 1.5,
    ratio: 0,
    step: 7,
    tags: [],
    email: 'x',
    pattern: 'y',
    kind: 'c',
    flag: 'yes',
    either: true,
    map: { z: 'v' },
    set: new Set(['s']),
    byObject: new Map([[{ a: 'k' }, 'x']]),
    custom: 'no',
    nested: 5,
    extra: 1,
  };

  it('maps every issue zod reports to a key of the catalogue, the sentence the key says', () => {
    const result = schema.safeParse(bad);
    expect(result.success).toBe(false);
    const issues = result.error!.issues;
    const codes = new Set(issues.map((i) => i.code));
    for (const kind of ['too_big', 'too_small', 'invalid_type', 'not_multiple_of', 'invalid_format', 'invalid_value', 'unrecognized_keys', 'invalid_union', 'invalid_key', 'invalid_element', 'custom']) {
      expect(codes, kind).toContain(kind);
    }
    for (const issue of issues) {
      const { key, params } = issueMessage(issue, bad);
      expect(Object.hasOwn(ERROR_MESSAGES, key), `${issue.code} → ${key}`).toBe(true);
      const it = messageFor(key, params, 'it');
      const en = messageFor(key, params, 'en');
      expect(it).not.toMatch(/\{[A-Za-z]+\}/);
      expect(en).not.toBe(issue.message);
      expect(it).not.toBe(issue.message);
      expect(en).not.toMatch(/^(Invalid input|Invalid option|Invalid (string|key|element|union)|Too (big|small):|Unrecognized key)/);
    }
  });

  it('says which field is missing, and keeps a schema’s own Italian sentence by its key', () => {
    const missing = validationError(z.object({ title: z.string() }).safeParse({}).error!, {});
    expect(missing).toMatchObject({ key: 'validation.required', field: 'title', message: 'Campo «title»: Questo campo è obbligatorio.' });
    const own = validationError(z.object({ d: z.string().refine(() => false, { message: 'La data di fine precede quella di inizio.' }) }).safeParse({ d: 'x' }).error!);
    expect(own).toMatchObject({ key: 'schema.endBeforeStart', message: 'Campo «d»: La data di fine precede quella di inizio.' });
    const long = validationError(z.object({ t: z.string().max(3, { message: 'Massimo 3 caratteri: accorciare il testo.' }) }).safeParse({ t: 'abcd' }).error!);
    expect(long).toMatchObject({ key: 'validation.tooLong', params: { maximum: 3 } });
  });

  it('finds in the catalogue every sentence shared/ schemas write themselves', () => {
    const literal = /message:\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g;
    const sentences = new Set<string>();
    for (const f of files('shared')) {
      for (const m of readFileSync(join(ROOT, f), 'utf8').matchAll(literal)) sentences.add((m[1] ?? m[2])!.replace(/\\'/g, "'"));
    }
    for (const s of sentences) if (s.length < 5) sentences.delete(s); // '…' in a comment's example
    expect(sentences.size).toBeGreaterThan(40);
    const custom = (message: string) => ({ code: 'custom', message, path: [], input: undefined }) as unknown as z.core.$ZodIssue;
    const missing = [...sentences].filter((s) => {
      const { key, params } = issueMessage(custom(s));
      return key === 'validation.invalid' || messageFor(key, params, 'it') !== s;
    });
    expect(missing).toEqual([]);
  });
});
