import type { z } from 'zod';
import type { ApiError, ErrorCode } from '../../../shared/api/errors';
import { codeOf, isMessageKey, lineFor, sentenceFor, type MessageKey, type MessageParams } from '../../../shared/errors/catalogue';
import type { ParamValue } from '../../../shared/errors/entry';
import { issueMessage } from '../../../shared/errors/zod-issues';

type Params = Record<string, ParamValue>;
interface Extra {
  field?: string;
  /** Params sent with the error that the sentence does not name (`rule`, `reason`…). */
  params?: Params;
  key?: MessageKey;
}

/**
 * The core's refusal: thrown inside the core only, turned into a value
 * (`{ ok: false, error }`) at the dispatcher, so no class instance crosses a transport.
 * Built with `appError(key, params)`: `message` is the catalogue's Italian sentence (the CLI
 * and older callers print it), `key` and `params` let any reader write it in its own language.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: Extra = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  get key(): MessageKey | undefined {
    return this.extra.key;
  }

  toValue(): ApiError {
    const { key, ...rest } = this.extra;
    return { code: this.code, message: this.message, ...rest, ...(key ? { key } : {}) };
  }
}

type NoParams<K extends MessageKey> = keyof MessageParams<K> extends never ? true : false;

/**
 * The error for a catalogue sentence: `throw appError('staff.codeTaken', { code }, { field: 'code' })`.
 * Params the sentence names are typed from its text; `extra.params` adds params it does not name.
 */
export function appError<K extends MessageKey>(
  key: K,
  ...[params, extra]: NoParams<K> extends true ? [params?: MessageParams<K>, extra?: Omit<Extra, 'key'>] : [params: MessageParams<K>, extra?: Omit<Extra, 'key'>]
): AppError {
  const named: Params = { ...(params as Params | undefined) };
  const all = { ...extra?.params, ...named };
  return new AppError(codeOf(key), lineFor(key, named, extra?.field, 'it'), {
    ...(extra?.field !== undefined ? { field: extra.field } : {}),
    ...(Object.keys(all).length ? { params: all } : {}),
    key,
  });
}

/**
 * The first problem, naming the field by its dotted path, as a catalogue sentence: every kind of
 * zod issue maps to a key (shared/errors/zod-issues.ts), so zod's own words never reach a user.
 * `input` (what was parsed) tells a field left out from one of the wrong type.
 */
export function validationError(error: z.ZodError, input?: unknown): ApiError {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  const { key, params } = issue ? issueMessage(issue, input) : { key: 'validation.invalid' as const, params: {} };
  const sentence = sentenceFor(key, params, 'it');
  return {
    code: 'E_VALIDATION',
    message: field ? lineFor(key, params, field, 'it') : sentence,
    ...(field ? { field } : {}),
    // `issue`: the sentence alone, for a UI that already shows it beside the field.
    params: { ...params, issue: sentence },
    key,
  };
}

/** validationError as a thrown AppError, for a schema checked inside the core (a record's data). */
export function validationFailure(error: z.ZodError, input?: unknown): AppError {
  const { code, message, field, params, key } = validationError(error, input);
  return new AppError(code, message, { ...(field ? { field } : {}), ...(params ? { params } : {}), ...(key && isMessageKey(key) ? { key } : {}) });
}
