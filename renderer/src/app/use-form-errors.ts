import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/errors';
import { focusElementById } from '../platform/document';
import { apiErrorToMessage, messageText, type Message } from '../i18n/messages';
import { useToastStore } from '../components/toast-store';

/**
 * A form's errors kept as catalogue references (they follow a language switch): one per field,
 * next to it, and one for the whole form. `fieldIds` maps a field to its control's id, in the
 * order the form shows them, so that focus goes to the first field in error.
 */
export function useFormErrors(fieldIds: Record<string, string>) {
  const { t, i18n } = useTranslation();
  const [errors, setErrorsState] = useState<Record<string, Message>>({});
  const [formError, setFormError] = useState<Message | null>(null);

  const text = (field: string): string | undefined => {
    const m = errors[field];
    return m ? messageText(m, t, i18n.language) : undefined;
  };
  const formText = formError ? messageText(formError, t, i18n.language) : undefined;

  const clear = useCallback((field: string) => setErrorsState(({ [field]: _dropped, ...rest }) => rest), []);

  /** Shows these errors and focuses the first field in error. */
  const show = (fieldErrors: Record<string, Message>) => {
    useToastStore.getState().clear();
    setErrorsState(fieldErrors);
    const first = Object.keys(fieldIds).find((f) => fieldErrors[f]);
    const id = first ? fieldIds[first] : undefined;
    if (id) focusElementById(id);
  };

  /** The backend's refusal: next to its field when the form has it, above the button otherwise. */
  const showApiError = (error: ApiError) => {
    const message = apiErrorToMessage(error);
    if (error.code === 'E_VALIDATION' && error.field) {
      const field = Object.keys(fieldIds).find((f) => f === error.field || error.field?.startsWith(`${f}.`));
      if (field) {
        setFormError(null);
        show({ [field]: message });
        return;
      }
    }
    setErrorsState({});
    useToastStore.getState().clear();
    setFormError(message);
  };

  const reset = () => {
    setErrorsState({});
    setFormError(null);
  };

  return { errors, text, formText, clear, show, showApiError, reset, setFormError };
}
