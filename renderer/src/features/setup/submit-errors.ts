import type { ApiError } from '../../../../shared/api/errors';
import { apiErrorToMessage, type Message } from '../../i18n/messages';

export interface SubmitErrors {
  fields: Record<string, Message>;
  form: Message | null;
}

/**
 * The backend's refusal mapped back onto the form: a validation error naming one of the form's
 * fields goes next to that field, anything else above the submit button.
 */
export function submitErrors(error: ApiError, formFields: readonly string[]): SubmitErrors {
  const message = apiErrorToMessage(error);
  if (error.code === 'E_VALIDATION' && error.field && formFields.includes(error.field)) {
    return { fields: { [error.field]: message }, form: null };
  }
  return { fields: {}, form: message };
}
