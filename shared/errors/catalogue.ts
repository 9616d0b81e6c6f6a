import type { ApiError, ErrorCode } from '../api/errors';
import { bundleMessages } from './bundle-messages';
import { csvMessages } from './csv-messages';
import { enrolmentMessages } from './enrolment-messages';
import { fill, type ErrorEntry, type Holes, type Language, type ParamValue } from './entry';
import { governanceMessages } from './governance-messages';
import { hubMessages } from './hub-messages';
import { mailboxMessages } from './mailbox-messages';
import { federationMessages } from './federation-messages';
import { meetingMessages } from './meeting-messages';
import { municipalityMessages } from './municipality-messages';
import { platformMessages } from './platform-messages';
import { ruleMessages } from './rule-messages';
import { schemaMessages } from './schema-messages';
import { syncMessages } from './sync-messages';
import { validationMessages } from './validation-messages';

/**
 * The catalogue of every sentence an error can show, Italian and English, keyed by a stable
 * message key (`usage.dateInFuture`). Pure TypeScript: the core writes the Italian `message`
 * from it, the CLI and the window write the sentence in the user's language from `key` and
 * `params`, which cross every transport with the error.
 */
export const ERROR_MESSAGES = {
  ...validationMessages,
  ...schemaMessages,
  ...platformMessages,
  ...municipalityMessages,
  ...hubMessages,
  ...governanceMessages,
  ...meetingMessages,
  ...syncMessages,
  ...csvMessages,
  ...ruleMessages,
  ...bundleMessages,
  ...mailboxMessages,
  ...enrolmentMessages,
  ...federationMessages,
} as const satisfies Record<string, ErrorEntry>;

type Catalogue = typeof ERROR_MESSAGES;
export type MessageKey = keyof Catalogue;

/** The params a key's sentence names, each a string or a number. */
export type MessageParams<K extends MessageKey> = { [P in Holes<Catalogue[K]['it']> | Holes<Catalogue[K]['en']>]: ParamValue };

export type { Language } from './entry';

export function isMessageKey(key: unknown): key is MessageKey {
  return typeof key === 'string' && Object.hasOwn(ERROR_MESSAGES, key);
}

export function errorEntry(key: MessageKey): ErrorEntry {
  return ERROR_MESSAGES[key];
}

export function codeOf(key: MessageKey): ErrorCode {
  return ERROR_MESSAGES[key].code;
}

/** The sentence of `key` in `language`, params filled in. */
export function messageFor(key: MessageKey, params: Readonly<Record<string, ParamValue>> = {}, language: Language = 'it'): string {
  return fill(ERROR_MESSAGES[key][language], params);
}

/**
 * The one-line form (CLI, logs, the `message` of the wire): the sentence, prefixed with the
 * field it is about when the entry says so («Campo «quantity»: …»).
 */
export function lineFor(key: MessageKey, params: Readonly<Record<string, ParamValue>>, field: string | undefined, language: Language = 'it'): string {
  const sentence = messageFor(key, params, language);
  if (!field || !(ERROR_MESSAGES[key] as ErrorEntry).aboutField) return capitalized(sentence);
  return messageFor('validation.fieldPrefix', { field, sentence }, language);
}

/**
 * The sentence on its own (beside its field, or above a form): a sentence about a field starts
 * in lower case, to follow «Campo «x»:», so it is capitalised here.
 */
export function sentenceFor(key: MessageKey, params: Readonly<Record<string, ParamValue>> = {}, language: Language = 'it'): string {
  return capitalized(messageFor(key, params, language));
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * An API error in `language`: from its key and params when the catalogue has the key, else the
 * sentence the core sent (an older core). `withField` adds the «Campo «x»:» prefix (for one-line output).
 */
export function apiErrorText(error: ApiError, language: Language, withField = true): string {
  if (!isMessageKey(error.key)) return error.message;
  return withField ? lineFor(error.key, error.params ?? {}, error.field, language) : sentenceFor(error.key, error.params ?? {}, language);
}

/** `LANG=en_US.UTF-8` → 'en'; Italian otherwise (the app's first language). */
export function languageFromLocale(value: string | undefined): Language | null {
  if (!value) return null;
  const v = value.toLowerCase();
  if (v.startsWith('en')) return 'en';
  if (v.startsWith('it')) return 'it';
  return null;
}
