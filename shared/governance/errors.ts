import { sentenceFor, type MessageKey, type MessageParams } from '../errors/catalogue';
import type { ParamValue } from '../errors/entry';

/** A word or phrase the rules put inside a sentence, in both languages (`{what}` and `{whatEn}`). */
export interface Words {
  readonly it: string;
  readonly en: string;
}

/** The params of a key, plus those the sentence does not name (codes a UI or a test keys on). */
export type RuleParams<K extends MessageKey> = MessageParams<K> & Record<string, ParamValue>;

/**
 * Errors of the governance rules. The functions of `shared/governance` are pure and throw these
 * on bad input; the core catches them and returns them as API error values
 * (`{ ok: false, error: { code: 'E_VALIDATION', key, message, params } }`), so a class instance
 * never crosses a transport. `code` is the stable rule (tests key on it, `params.rule` on the
 * wire), `key` the catalogue's sentence (shared/errors/rule-messages.ts) that the CLI and the
 * window write in the user's language, `message` its Italian, `params` the figures it names.
 */
export class GovernanceError<K extends MessageKey = MessageKey> extends Error {
  readonly code: string;
  readonly key: K;
  readonly params: Record<string, ParamValue>;

  constructor(code: string, key: K, params: RuleParams<K>) {
    super(sentenceFor(key, params, 'it'));
    this.name = 'GovernanceError';
    this.code = code;
    this.key = key;
    this.params = { ...params };
  }
}

/** `{ what, whatEn }` from a phrase in both languages, for a sentence's `{what}` hole. */
export function words<N extends string>(name: N, w: Words): Record<N | `${N}En`, string> {
  return { [name]: w.it, [`${name}En`]: w.en } as Record<N | `${N}En`, string>;
}
