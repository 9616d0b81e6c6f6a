import type { TFunction } from 'i18next';
import { formatNumber } from './format';
import type { z } from 'zod';
import type { ApiError } from '../../../shared/api/errors';
import { isMessageKey, sentenceFor, type MessageKey } from '../../../shared/errors/catalogue';

/** Catalogue key for a field whose format error needs words of its own (not the schema's). */
export type FieldMessageKeys = Record<string, string>;

/**
 * A message kept as a catalogue reference, not as text, so that it follows a language switch
 * made while it is on screen (an error next to a field stays in the language of the page).
 */
export interface Message {
  /** A sentence of the shared error catalogue (shared/errors): written with `params` in the page's language. */
  errorKey?: MessageKey;
  key?: string;
  params?: Record<string, string | number>;
  /** Shown when the key is missing from the catalogue (the backend's Italian sentence). */
  fallback?: string;
  /** Preferred in Italian: the backend's own, more precise sentence. */
  italian?: string;
}

export function messageText(message: Message, t: TFunction, language: string): string {
  if (message.errorKey) return sentenceFor(message.errorKey, message.params, language === 'en' ? 'en' : 'it');
  if (message.italian && language === 'it') return message.italian;
  if (message.key) return t(message.key, { ...message.params, defaultValue: message.fallback ?? message.key });
  return message.fallback ?? '';
}

/**
 * An API error as a message, in one order for every page: a CSV problem by its code
 * (`csvProblems.<code>`); the shared catalogue's sentence when the core sent its key; otherwise the
 * generic sentence of its code (`apiErrors.<code>`), the core's Italian sentence as fallback.
 * (Governance rules without a key: gov-text.ts's govErrorMessage, by `params.rule`.)
 */
export function apiErrorToMessage(error: ApiError): Message {
  // A CSV file's refusal also has a catalogue key (for the CLI); the window keeps its own text per code.
  const csvProblem = error.params?.csvProblem;
  if (typeof csvProblem === 'string') {
    const { csvProblem: _code, ...params } = error.params ?? {};
    return { key: `csvProblems.${csvProblem}`, params: shownParams(params), fallback: error.message };
  }
  if (isMessageKey(error.key)) return { errorKey: error.key, params: error.params ?? {}, fallback: error.message };
  return {
    key: `apiErrors.${error.code}`,
    fallback: error.message,
    ...(error.params ? { params: error.params } : {}),
    ...(error.code === 'E_VALIDATION' ? { italian: validationSentence(error) } : {}),
  };
}

/**
 * An API error in the UI's language (see apiErrorToMessage). Without a catalogue key, for a
 * validation error the backend's own sentence is more precise than the generic one, so in
 * Italian it is shown as is (without its «field» prefix: the UI puts it next to the field).
 */
export function apiErrorMessage(error: ApiError, t: TFunction, language: string): string {
  return messageText(apiErrorToMessage(error), t, language);
}

/**
 * The sentence of a validation error without its «field» prefix: the backend sends it as
 * `params.issue` (the UI shows it next to the field already). The prefix is stripped only for
 * an older backend that does not send it.
 */
export function validationSentence(error: ApiError): string {
  const issue = error.params?.issue;
  if (typeof issue === 'string' && issue) return issue;
  return error.message.replace(/^Campo «[^»]*»:\s*/, '');
}

/**
 * The first problem of each field from a zod error (the backend's own schemas), in words a clerk
 * can act on. Schemas in shared/ carry Italian custom messages, so issues are mapped by code to
 * the catalogue instead: `too_small` on an empty text is "required", `too_big` is "at most N",
 * a format error uses the field's own sentence from `formatKeys`.
 */
export function fieldErrorsFromZod(error: z.ZodError, formatKeys: FieldMessageKeys = {}): Record<string, Message> {
  const errors: Record<string, Message> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.');
    if (field in errors) continue;
    errors[field] = issueMessage(issue, formatKeys[field]);
  }
  return errors;
}

function issueMessage(issue: z.core.$ZodIssue, own: string | undefined): Message {
  const fallback = issue.message;
  switch (issue.code) {
    case 'too_small':
      return { key: issue.minimum === 1 || issue.minimum === 1n ? 'validation.required' : (own ?? 'validation.invalid'), fallback };
    case 'too_big':
      return { key: 'validation.tooLong', params: { maximum: Number(issue.maximum) }, fallback };
    case 'custom':
      return { key: own ?? 'validation.invalidChars', fallback };
    default:
      return { key: own ?? 'validation.invalid', fallback };
  }
}

/** Numbers in a sentence the Italian way (100.000), texts as they are. */
export function shownParams(params: Record<string, string | number>): Record<string, string | number> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' ? formatNumber(v) : v]));
}
