import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Result } from '../../../shared/api/errors';
import { useFormErrors } from '../app/use-form-errors';
import { fieldErrorsFromZod, type FieldMessageKeys, type Message } from '../i18n/messages';
import { Alert } from './alert';
import { Modal } from './modal';

export type FieldErrors = Record<string, Message>;

export interface RecordFormOptions<V, R> {
  /** The values the form starts with (a new record's, or the edited record's). */
  initial: V | (() => V);
  /** Each field → its control's id, in the order the form shows them: focus goes to the first in error. */
  fieldIds: Record<string, string>;
  /** The errors found before asking the backend (the API's own schema, rules across fields). */
  check: (values: V) => FieldErrors;
  /** The API call that saves. */
  save: (values: V) => Promise<Result<R>>;
  /** After a save (a toast, closing the dialog, reloading the list), with the values saved. */
  onSaved: (saved: R, values: V) => void;
  /** The values after a save: the initial ones by default (a blank form for the next record). */
  after?: (values: V) => V;
}

/**
 * The state of a record's form: values, errors kept as catalogue references (next to their
 * field, focus on the first), the backend's refusal mapped to its field or above the buttons,
 * a second press ignored while saving.
 */
export function useRecordForm<V extends object, R>(options: RecordFormOptions<V, R>) {
  const [values, setValues] = useState<V>(options.initial);
  const [saving, setSaving] = useState(false);
  const errors = useFormErrors(options.fieldIds);

  /** A change handler for one field; editing a field takes its error away (the person acts on it). */
  const set =
    <K extends keyof V>(key: K, errorField: string = String(key)) =>
    (value: V[K]) => {
      setValues((v) => ({ ...v, [key]: value }));
      errors.clear(errorField);
    };

  /** What a field control needs: id, value, change handler, error text. */
  const bind = <K extends keyof V & string>(key: K, errorField: string = key) => ({
    id: options.fieldIds[errorField] ?? key,
    value: values[key],
    onChange: set(key, errorField),
    error: errors.text(errorField),
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const found = options.check(values);
    if (Object.keys(found).length > 0) {
      errors.show(found);
      return;
    }
    setSaving(true);
    const result = await options.save(values);
    setSaving(false);
    if (!result.ok) {
      errors.showApiError(result.error);
      return;
    }
    setValues(options.after ? options.after(values) : options.initial);
    errors.reset();
    options.onSaved(result.value, values);
  };

  return { values, setValues, set, bind, saving, errors, onSubmit };
}

export type RecordFormState = Pick<ReturnType<typeof useRecordForm>, 'saving' | 'errors' | 'onSubmit'>;

/** The errors of an API input schema, in the clerk's words (`formatKeys`: a field's own sentence). */
export function schemaErrors(schema: z.ZodType, input: unknown, formatKeys?: FieldMessageKeys): FieldErrors {
  const parsed = schema.safeParse(input);
  return parsed.success ? {} : fieldErrorsFromZod(parsed.error, formatKeys);
}

export interface RecordFormProps {
  form: RecordFormState;
  children: ReactNode;
  submitLabel: ReactNode;
  /** While saving (the app's general "Salvataggio…" by default). */
  savingLabel?: string;
  /** "Annulla": shown when given (editing a record; the new-record form has none). */
  onCancel?: (() => void) | undefined;
  cancelLabel?: string;
  /** Big buttons, for a form that is the page's main action. */
  large?: boolean;
  /** An outlined save button, for a small form repeated in a list of cards. */
  quiet?: boolean;
  className?: string;
  /** A heading inside the form that names it (for a form shown in place of a list's button). */
  title?: { id: string; text: string } | undefined;
  /** Above the fields: "fields marked * are required". */
  requiredNote?: { id: string; text: string } | undefined;
  /** Between the form's error and its buttons (a success message). */
  status?: ReactNode;
}

/** A record's form: the fields, the form-level error announced, save and (when editing) cancel. */
export function RecordForm({ form, children, submitLabel, savingLabel, onCancel, cancelLabel, large = false, quiet = false, className = 'cst-form cst-form-wide', title, requiredNote, status }: RecordFormProps) {
  const { t } = useTranslation();
  const size = large ? ' btn-lg' : '';
  return (
    <form
      onSubmit={(e) => void form.onSubmit(e)}
      // Escape cancels an edit, as "Annulla" does (in a dialog too: the dialog closes once).
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !onCancel) return;
        e.preventDefault();
        e.stopPropagation();
        onCancel();
      }}
      noValidate
      className={className}
      aria-labelledby={title?.id}
      aria-describedby={requiredNote?.id}
    >
      {title ? (
        <h3 className="cst-subtitle" id={title.id}>
          {title.text}
        </h3>
      ) : null}
      {requiredNote ? (
        <p id={requiredNote.id} className="cst-required-note">
          {requiredNote.text}
        </p>
      ) : null}
      {children}
      {form.errors.formText ? (
        <Alert tone="danger" live>
          {form.errors.formText}
        </Alert>
      ) : null}
      {status}
      <div className="cst-form-actions">
        <button type="submit" className={`btn ${quiet ? 'btn-outline-primary' : 'btn-primary'}${size}`} disabled={form.saving}>
          {form.saving ? (savingLabel ?? t('common.saving')) : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className={`btn btn-outline-primary${size}`} onClick={onCancel}>
            {cancelLabel ?? t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** The dialog that edits the record chosen in a list ("Modifica"); closed, it holds nothing. */
export function EditDialog<T>({ record, title, onClose, children }: { record: T | null; title: string; onClose: () => void; children: (record: T) => ReactNode }) {
  return (
    <Modal open={record !== null} title={title} onClose={onClose}>
      {record !== null ? children(record) : null}
    </Modal>
  );
}
