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
