import type { z } from 'zod';
import type { ApiError, ErrorCode } from '../../../shared/api/errors';

/**
 * The core's refusal: thrown inside the core only, turned into a value
 * (`{ ok: false, error }`) at the dispatcher, so no class instance crosses a transport.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { field?: string; params?: Record<string, string | number> } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  toValue(): ApiError {
    return { code: this.code, message: this.message, ...this.extra };
  }
}

/** The first problem, naming the field by its dotted path, in words a clerk can act on. */
export function validationError(error: z.ZodError): ApiError {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  const what = issue?.message ?? 'Dato non valido.';
  return {
    code: 'E_VALIDATION',
    message: field ? `Campo «${field}»: ${what}` : what,
    ...(field ? { field } : {}),
    // The sentence alone, for a UI that already shows it beside the field.
    params: { issue: what },
  };
}
