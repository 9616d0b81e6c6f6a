import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { ApiError } from '../../../shared/api/errors';

/** Catalogue key for a field whose format error needs words of its own (not the schema's). */
export type FieldMessageKeys = Record<string, string>;

/**
 * An API error in the UI's language: by `code` (+ `params`) from the catalogue, with the
 * backend's Italian `message` as fallback. For a validation error the backend's own sentence is
 * more precise than the generic one, so in Italian it is shown as is (without its «field» prefix:
 * the UI puts it next to the field already).
 */
export function apiErrorMessage(error: ApiError, t: TFunction, language: string): string {
  if (error.code === 'E_VALIDATION' && language === 'it') return withoutFieldPrefix(error.message);
  return t(`apiErrors.${error.code}`, { ...error.params, defaultValue: error.message });
}

/** "Campo «operator»: Questo campo è obbligatorio." → "Questo campo è obbligatorio." */
export function withoutFieldPrefix(message: string): string {
  return message.replace(/^Campo «[^»]*»:\s*/, '');
}

/**
 * The first problem of each field from a zod error (the backend's own schemas), in words a clerk
 * can act on. Schemas in shared/ carry Italian custom messages, so issues are mapped by code to
 * the catalogue instead: `too_small` on an empty text is "required", `too_big` is "at most N",
 * a format error uses the field's own sentence from `formatKeys`.
 */
export function fieldErrorsFromZod(error: z.ZodError, t: TFunction, formatKeys: FieldMessageKeys = {}): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.');
    if (field in errors) continue;
    errors[field] = issueMessage(issue, field, t, formatKeys);
  }
  return errors;
}

function issueMessage(issue: z.core.$ZodIssue, field: string, t: TFunction, formatKeys: FieldMessageKeys): string {
  const own = formatKeys[field];
  switch (issue.code) {
    case 'too_small':
      return issue.minimum === 1 || issue.minimum === 1n ? t('validation.required') : own ? t(own) : issue.message;
    case 'too_big':
      return t('validation.tooLong', { maximum: Number(issue.maximum) });
    case 'custom':
      return t('validation.invalidChars');
    case 'invalid_format':
    case 'invalid_type':
    case 'invalid_value':
      return own ? t(own) : t('validation.invalid');
    default:
      return own ? t(own) : issue.message;
  }
}
