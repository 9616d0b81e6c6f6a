import { useEffect, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { controlProps, FieldShell } from './form-field';
import { exampleText, isoToText, textToIso, valueOfText, type DateKind } from './date-text';

export interface DateFieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  /** ISO: YYYY-MM-DD (a date) or YYYY-MM (a month); '' when empty. */
  value: string;
  /** Receives the ISO value, '' when emptied, or the typed text when it is not a date (the form's check refuses it). */
  onChange: (v: string) => void;
  type?: DateKind;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * The one date field: a text box typed gg/mm/aaaa (or mm/aaaa), whatever the browser's language,
 * with the pattern in the hint and a message of the catalogue when the text is not a date. The
 * form sees ISO values only: the conversion happens here, at the field's edge.
 */
export function DateField(props: DateFieldProps) {
  const { id, label, error, required = false, value, onChange, type = 'date', inputRef } = props;
  const { t } = useTranslation();
  const [text, setText] = useState(() => isoToText(value, type));
  // Said when the clerk leaves the field, not at each keystroke; gone as soon as the text is a date.
  const [refused, setRefused] = useState(false);
  const last = useRef(value);
  // A value set from outside (a reset, the end date that follows the start) replaces the text;
  // the value this field itself reported does not (the clerk's "6/3/2026" stays as typed).
  useEffect(() => {
    if (value !== last.current && value !== valueOfText(text, type)) setText(isoToText(value, type));
    last.current = value;
  }, [value, text, type]);

  const example = exampleText(type);
  const pattern = t(type === 'month' ? 'fields.monthPattern' : 'fields.datePattern');
  const patternHint = t(type === 'month' ? 'fields.monthHint' : 'fields.dateHint', { example });
  const hint = props.hint ? `${props.hint} ${patternHint}` : patternHint;
  const ownError = refused ? t(type === 'month' ? 'fields.monthInvalid' : 'fields.dateInvalid', { example }) : undefined;
  const shownError = error ?? ownError;

  return (
    <FieldShell id={id} label={label} hint={hint} error={shownError} required={required}>
      {(describedBy) => (
        <input
          ref={inputRef}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder={pattern}
          maxLength={type === 'month' ? 10 : 14}
          {...controlProps(id, describedBy, shownError, required, `form-control cst-input cst-date${type === 'month' ? ' cst-month' : ''}`)}
          value={text}
          onChange={(e) => {
            const next = e.target.value;
            setText(next);
            if (refused && textToIso(next, type) !== null) setRefused(false);
            const v = valueOfText(next, type);
            last.current = v;
            onChange(v);
          }}
          onBlur={() => {
            // "6/3/2026" is shown back as "06/03/2026": the reading the clerk will find later.
            const iso = textToIso(text, type);
            setRefused(iso === null);
            if (iso) setText(isoToText(iso, type));
          }}
        />
      )}
    </FieldShell>
  );
}
