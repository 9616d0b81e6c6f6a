import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ERROR_CODES } from '../../shared/api/errors';
import { BUNDLE_ERROR_CODES } from '../../shared/api/errors';
import { CSV_PROBLEM_CODES } from '../../shared/domain/csv';
import { codeOf, ERROR_MESSAGES, isMessageKey, lineFor, messageFor, sentenceFor, type MessageKey } from '../../shared/errors/catalogue';
import { checkSharingKey } from '../../shared/governance/allocation-core';
import { allocatePlan } from '../../shared/governance/allocation';
import { createPlan, newVersion, submitToAssembly } from '../../shared/governance/approvals';
import { GovernanceError } from '../../shared/governance/errors';
import { checkCriteria } from '../../shared/governance/evaluation';
import { assertNonNegativeCents } from '../../shared/governance/money';
import { receiveProposal, transitionProposal } from '../../shared/governance/proposal-track';
import { checkReference } from '../../shared/governance/statement';
import { checkVotingRules, computeVote, type VotingRules } from '../../shared/governance/voting';
import { appliedMessage, duplicateMessage, pendingMessage, refusalMessage } from '../../electron/core/format/bundle/messages';
import { csvProblem, csvProblemText } from '../../electron/core/municipality/csv/csv-problems';
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

  it('has no key the code never uses (the core or the governance rules throw it, or the zod mapping picks it)', () => {
    const core = [...files('electron'), ...files('shared/governance')].map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');
    const mapping = readFileSync(join(ROOT, 'shared/errors/zod-issues.ts'), 'utf8');
    const unused = KEYS.filter((key) => !key.startsWith('schema.') && !core.includes(`'${key}'`) && !mapping.includes(`'${key}'`));
    expect(unused).toEqual([]);
  });

  it('writes the one-line form with the field it is about, in both languages', () => {
    expect(lineFor('records.dateInFuture', {}, 'date', 'it')).toBe('Campo «date»: la data è nel futuro; si registra solo ciò che è già avvenuto.');
    expect(lineFor('records.dateInFuture', {}, 'date', 'en')).toBe('Field «date»: the date is in the future; only what has already happened is recorded.');
    expect(messageFor('staff.codeTaken', { code: 'P-1' }, 'en')).toBe('the code P-1 is already used by another person; choose another one.');
  });

  it('leaves no `new AppError(code, sentence)` in the core: every refusal is appError(key, params)', () => {
    const sites = files('electron/core')
      .filter((f) => !f.endsWith('platform/errors.ts'))
      .flatMap((f) => (readFileSync(join(ROOT, f), 'utf8').match(/new AppError\(/g) ?? []).map(() => f.replace(/^electron\/core\//, '')));
    expect(sites).toEqual([]);
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

/** A sentence filled in both languages: no `{hole}` left, no Italian in the English one. */
function expectBoth(key: MessageKey, params: Readonly<Record<string, string | number>>): { it: string; en: string } {
  const it = messageFor(key, params, 'it');
  const en = messageFor(key, params, 'en');
  expect(it, key).not.toMatch(/\{[A-Za-z0-9_]+\}/);
  expect(en, key).not.toMatch(/\{[A-Za-z0-9_]+\}/);
  expect(unquoted(en), `${key}: ${en}`).not.toMatch(ITALIAN_WORDS);
  return { it, en };
}

describe('the sentences worded outside the core’s refusals, provoked in both languages', () => {
  /** Runs `fn`, which must throw a rule: its key, its Italian message, its English sentence. */
  function rule(fn: () => unknown): { code: string; it: string; en: string } {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(GovernanceError);
      const g = e as GovernanceError;
      const { it, en } = expectBoth(g.key, g.params);
      expect(g.message).toBe(sentenceFor(g.key, g.params, 'it'));
      expect(it.toLowerCase()).toBe(g.message.toLowerCase());
      return { code: g.code, it: g.message, en: sentenceFor(g.key, g.params, 'en') };
    }
    throw new Error('no rule refused it');
  }
  const rules: VotingRules = { weighting: 'one_member_one_vote', majority: { kind: 'simple' }, quorum: { of: 'members', numerator: 1, denominator: 2 } };
  const electorate = [{ id: '041001' }, { id: '041002' }];

  it('governance rules: a key each, Italian unchanged, English with the phrases they name', () => {
    expect(rule(() => checkSharingKey({ equal: 50, population: 40, usage: 0 }, 'X'))).toEqual({
      code: 'ALLOC_KEY_SUM',
      it: 'Voce X: le percentuali della chiave di riparto (parti uguali 50% + popolazione 40% + utilizzo 0%) sommano a 90%, non a 100%.',
      en: 'Item X: the percentages of the cost-sharing key (equal shares 50% + population 40% + usage 0%) add up to 90%, not 100%.',
    });
    expect(rule(() => checkSharingKey({ equal: 50, population: 50.5, usage: 0 })).en).toBe('The percentage for population must be a whole number between 0 and 100 (received 50.5).');
    expect(rule(() => allocatePlan(2027, [{ code: 'A', costCents: 100, key: { equal: 0, population: 100, usage: 0 } }], [{ istat: '041001', population: 0 }])).en).toBe(
      'Item A: the 100% share by population cannot be shared out because the total population of the members not exempt is 0: change the cost-sharing key or the data.',
    );
    expect(rule(() => allocatePlan(27, [], [])).code).toBe('ALLOC_YEAR_INVALID');
    expect(rule(() => assertNonNegativeCents(-1, { it: 'Costo', en: 'Cost' })).en).toBe('Cost: the amount cannot be negative (received -1 cents).');
    expect(rule(() => checkCriteria({ maxScore: 10, criteria: [{ id: 'a', label: 'A', weight: 60 }] })).en).toBe('The weights of the criteria add up to 60, not 100: correct them before evaluating.');
    const track = receiveProposal('2026-11-02', 'Ufficio');
    expect(rule(() => transitionProposal(track, { type: 'complete', date: '2026-11-03', by: 'CT' }))).toEqual({
      code: 'PROPOSAL_TRANSITION',
      it: 'Non è possibile dichiarare completata: la proposta è «ricevuta» e ora si può solo avviare la valutazione.',
      en: 'It is not possible to declare it completed: the proposal is «received» and the only steps possible now are to start the evaluation.',
    });
    expect(rule(() => transitionProposal(track, { type: 'start_evaluation', date: '2026-02-30', by: 'CT' })).en).toBe('Date of the step: invalid date (2026-02-30).');
    expect(rule(() => computeVote({ electorate, present: ['041001'], ballots: [{ member: '041002', vote: 'for' }], rules })).en).toBe(
      '041002 voted but is not marked present: add it to those present or remove the vote.',
    );
    expect(rule(() => checkVotingRules({ ...rules, quorum: { of: 'members', numerator: 3, denominator: 2 } })).en).toBe(
      'Quorum: the fraction 3/2 is not valid (whole numerator and denominator, the numerator from 0 up to the denominator; for example 2/3).',
    );
    const plan = createPlan(2027, '2026-11-02', 'Direttore');
    expect(rule(() => submitToAssembly(plan, { version: 1, date: '2026-11-03', by: 'Presidente' }))).toEqual({
      code: 'PLAN_OUT_OF_ORDER',
      it: "Non è possibile sottoporre il piano all'Assemblea: la versione 1 è bozza del Direttore tecnico e il passo successivo è la proposta del Comitato esecutivo.",
      en: 'It is not possible to submit the plan to the Assembly: version 1 is a draft of the Technical Director and the next step is the proposal of the Executive Committee.',
    });
    expect(rule(() => createPlan(2027, '2026-11-02', ' ')).en).toBe('Who drafts the plan: required field.');
    expect(rule(() => newVersion(plan, { date: '2026-11-03', by: 'Direttore', reason: 'x' })).en).toBe('Version 1 of the 2027 plan is still a draft: edit it directly, without creating a new version.');
    expect(rule(() => checkReference({ kind: 'per_unit', unitCents: -1 }, 'PEC')).en).toBe('Item PEC: reference prices are given in whole cents, not negative.');
  });

  it('bundle outcomes: every refusal code and applied, duplicate, pending, a municipality named by its name', () => {
    const town = { kind: 'municipality' as const, id: '041067' };
    for (const code of BUNDLE_ERROR_CODES) {
      const said = refusalMessage(code, { sender: town, recipient: { kind: 'hub', id: 'CST-PU' }, appVersion: '9.0.0', line: 3, kind: 'usage', field: 'date', what: 'data non valida', seq: 4 });
      expect(codeOf(said.key), code).toBe(code);
      expect(said.message).toBe(expectBoth(said.key, said.params).it);
    }
    const signature = refusalMessage('E_SIGNATURE', { sender: town });
    expect(signature.message).toContain('non proviene dal comune di Urbino (PU)');
    expect(messageFor(signature.key, signature.params, 'en')).toContain('does not come from the municipality of Urbino (PU)');
    const fork = refusalMessage('E_FORK', { sender: { kind: 'hub', id: 'CST-PU' }, seq: 4 });
    expect(fork.message).toBe(
      "Il pacchetto del consorzio CST-PU contiene una versione diversa di eventi già ricevuti (dall'evento 4): non è stato applicato nulla. Le due versioni sono conservate: contattare il consorzio CST-PU prima di procedere.",
    );
    const applied = appliedMessage({ sender: town, range: { first: 1, last: 1 }, applied: 1 });
    expect(applied.message).toBe('Pacchetto del comune di Urbino (PU) applicato (eventi 1–1): 1 evento nuovo.');
    expect(expectBoth(applied.key, applied.params).en).toBe('Bundle from the municipality of Urbino (PU) applied (events 1–1): 1 new event.');
    const ack = duplicateMessage({ sender: { kind: 'municipality', id: '999999' }, range: { first: 5, last: 4 } });
    expect(ack.message).toBe('Pacchetto del comune 999999 già ricevuto (nessun evento, solo conferma di ricezione): nulla da fare.');
    const pending = pendingMessage({ sender: null, range: { first: 8, last: 9 }, missing: { first: 5, last: 7 } });
    expect(expectBoth(pending.key, pending.params).en).toBe(
      'The bundle from the sender is waiting (events 8–9): the events 5–7 are missing. Import the bundle that holds them; this one will then be applied by itself.',
    );
  });

  it('CSV problems: every code has a catalogue sentence in both languages', () => {
    const params = { value: 'x', column: 'data', firstRow: 2, code: 'P-1', name: 'Rossi', service: 'PEC', max: 10, length: 20, issue: 'testo', line: 3, invalidRows: 2 };
    for (const code of CSV_PROBLEM_CODES) {
      const problem = csvProblem(2, 'data', code, params);
      expect(isMessageKey(problem.key), code).toBe(true);
      expect(problem.message).toBe(expectBoth(problem.key as MessageKey, problem.params).it);
    }
    expect(csvProblemText('CSV_DATE_IMPOSSIBLE', { value: '31/02/2026' }, 'en')).toBe('the date 31/02/2026 does not exist in the calendar: correct the day or the month.');
  });
});
