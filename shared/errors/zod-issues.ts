import type { z } from 'zod';
import { holesOf, type ParamValue } from './entry';
import { schemaMessages } from './schema-messages';
import { validationMessages } from './validation-messages';

export type ValidationKey = keyof typeof validationMessages | keyof typeof schemaMessages;
export interface IssueMessage {
  key: ValidationKey;
  params: Record<string, ParamValue>;
}

/**
 * A zod issue as a catalogue key with params. A schema's own sentence (shared/ schemas write
 * Italian ones) is found by its text; anything else — zod's default English or Italian words
 * included — is replaced by the sentence for its kind of problem. The switch is exhaustive over
 * zod's issue kinds, so a kind zod adds later fails the typecheck instead of leaking its words.
 */
export function issueMessage(issue: z.core.$ZodIssue, input?: unknown): IssueMessage {
  const own = schemaSentence(issue.message);
  if (own) return own;
  switch (issue.code) {
    case 'invalid_type':
      return { key: isMissing(input, issue.path) ? 'validation.required' : expectedKey(issue.expected), params: {} };
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return minimum <= 1 ? msg('validation.required') : msg('validation.tooShort', { minimum });
      if (issue.origin === 'array' || issue.origin === 'set') return msg('validation.tooFewItems', { minimum });
      return msg(issue.inclusive === false ? 'validation.numberNotAbove' : 'validation.numberTooSmall', { minimum });
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return msg('validation.tooLong', { maximum });
      if (issue.origin === 'array' || issue.origin === 'set') return msg('validation.tooManyItems', { maximum });
      return msg(issue.inclusive === false ? 'validation.numberNotBelow' : 'validation.numberTooLarge', { maximum });
    }
    case 'invalid_format':
      return msg(issue.format === 'date' || issue.format === 'datetime' ? 'validation.badDate' : 'validation.badFormat');
    case 'not_multiple_of':
      return msg('validation.notMultiple', { divisor: Number(issue.divisor) });
    case 'unrecognized_keys':
      return msg('validation.unknownFields', { keys: issue.keys.map((k) => `«${k}»`).join(', ') });
    case 'invalid_value':
      return msg('validation.notAllowed', { allowed: issue.values.map((x) => `«${String(x)}»`).join(', ') });
    case 'invalid_key':
      return msg('validation.unknownKey');
    case 'invalid_union':
    case 'invalid_element':
    case 'custom':
      return msg('validation.invalid');
    default:
      return unreachable(issue);
  }
}

function msg(key: ValidationKey, params: Record<string, ParamValue> = {}): IssueMessage {
  return { key, params };
}

function unreachable(issue: never): IssueMessage {
  void issue;
  return msg('validation.invalid');
}

function expectedKey(expected: string): ValidationKey {
  switch (expected) {
    case 'string':
      return 'validation.notText';
    case 'number':
    case 'bigint':
    case 'nan':
      return 'validation.notNumber';
    case 'int':
      return 'validation.notInteger';
    case 'boolean':
      return 'validation.notYesNo';
    case 'array':
    case 'tuple':
    case 'set':
      return 'validation.notList';
    case 'object':
    case 'record':
    case 'map':
      return 'validation.notGroup';
    case 'date':
      return 'validation.badDate';
    default:
      return 'validation.invalid';
  }
}

/** True when the value at `path` is absent from the input (a field left out, not a wrong type). */
function isMissing(input: unknown, path: readonly PropertyKey[]): boolean {
  if (input === undefined) return path.length === 0;
  let at: unknown = input;
  for (const step of path) {
    if (at === null || typeof at !== 'object') return false;
    at = (at as Record<PropertyKey, unknown>)[step];
  }
  return at === undefined || at === null;
}

/** Each schema sentence as a pattern: its text with `{param}` standing for any words. */
const SCHEMA_PATTERNS = Object.entries({ ...validationMessages, ...schemaMessages })
  .filter(([key]) => key !== 'validation.fieldPrefix')
  .map(([key, e]) => {
  const holes = holesOf(e.it);
  const source = e.it.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[A-Za-z0-9_]+\}/g, '(.+?)');
  return { key: key as ValidationKey, holes, re: new RegExp(`^${source}$`) };
});

function schemaSentence(text: string): IssueMessage | null {
  for (const p of SCHEMA_PATTERNS) {
    const m = p.re.exec(text);
    if (!m) continue;
    const params: Record<string, ParamValue> = {};
    p.holes.forEach((h, i) => {
      const raw = m[i + 1]!;
      params[h] = /^\d+$/.test(raw) ? Number(raw) : raw;
    });
    return { key: p.key, params };
  }
  return null;
}
