/**
 * Errors cross every transport as values, never as thrown class instances.
 * `code` is stable (tests, CLI exit codes and UI catalogues key on it); `message` is an Italian
 * sentence a clerk can act on, written from the catalogue's `key` and `params`, which the CLI and
 * the UI use to write it in the user's language.
 */
export const ERROR_CODES = [
  'E_VALIDATION',
  'E_NOT_INITIALIZED',
  'E_ALREADY_INITIALIZED',
  'E_NOT_FOUND',
  'E_UNKNOWN_METHOD',
  'E_DATA_DIR',
  'E_DB_CORRUPT',
  'E_DB_NEWER',
  'E_DB_LOCKED',
  'E_IO',
  // The disk (or the user's quota) is full: the one fault a clerk fixes by freeing space.
  'E_DISK_FULL',
  'E_INTERNAL',
  // docs/design.md "Restores": the hub holds events of ours we lost; writes wait for the recovery bundle.
  'E_RECOVERY_NEEDED',
  // docs/bundle-format.md "Reading a bundle": the outcome codes of a refused bundle or identity file.
  'E_LIMIT',
  'E_FORMAT',
  'E_DECRYPT',
  'E_VERSION',
  'E_RECIPIENT',
  'E_UNKNOWN_SENDER',
  'E_SIGNATURE',
  'E_DIGEST',
  'E_CHAIN',
  'E_FORK',
  'E_OWNERSHIP',
  'E_RECORD',
] as const;

/** The codes a received bundle can be refused with, in the order the reader checks them. */
export const BUNDLE_ERROR_CODES = [
  'E_LIMIT',
  'E_FORMAT',
  'E_DECRYPT',
  'E_VERSION',
  'E_RECIPIENT',
  'E_UNKNOWN_SENDER',
  'E_SIGNATURE',
  'E_DIGEST',
  'E_CHAIN',
  'E_FORK',
  'E_OWNERSHIP',
  'E_RECORD',
] as const satisfies readonly ErrorCode[];
export type BundleErrorCode = (typeof BUNDLE_ERROR_CODES)[number];

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Dotted path of the offending input field, for validation errors. */
  field?: string;
  params?: Record<string, string | number>;
  /**
   * The sentence's key in the error catalogue (shared/errors/catalogue.ts): the CLI and the
   * window write it in the user's language from `key` and `params`; `message` stays Italian.
   */
  key?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };
