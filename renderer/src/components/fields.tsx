import type { KeyboardEvent, ReactNode, Ref } from 'react';
import { controlProps, describedByIds, FieldMessages, FieldShell } from './form-field';

/** Controls beyond the text box: multi-line text, dates, checkbox, a 1–5 rating, a quantity. */

interface BaseProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
}

export function TextAreaField(props: BaseProps & { value: string; onChange: (v: string) => void; rows?: number; maxLength?: number }) {
  const { id, label, hint, error, required = false, value, onChange, rows = 3, maxLength } = props;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      {(describedBy) => (
        <textarea
          {...controlProps(id, describedBy, error, required, 'form-control cst-input cst-textarea')}
          value={value}
          rows={rows}
          maxLength={maxLength}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FieldShell>
  );
}

/** Dates are typed gg/mm/aaaa in a field of our own (see ./date-field): re-exported for the forms that import it from here. */
export { DateField } from './date-field';

/**
 * A number typed the Italian way ("12,5", "1.234"): a text box with `inputMode="decimal"` (a
 * `type="number"` box refuses the comma in some browsers and changes value on mouse wheel).
 */
export function NumberTextField(
  props: BaseProps & {
    value: string;
    onChange: (v: string) => void;
    inputRef?: Ref<HTMLInputElement>;
    suffix?: string | undefined;
    onKeyDown?: (e: KeyboardEvent<HTMLInputElement>) => void;
    decimals?: boolean;
  },
) {
  const { id, label, hint, error, required = false, value, onChange, inputRef, suffix } = props;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      {(describedBy) => (
        <div className="cst-number">
          <input
            ref={inputRef}
            type="text"
            inputMode={props.decimals === false ? 'numeric' : 'decimal'}
            {...controlProps(id, describedBy, error, required, 'form-control cst-input cst-number-input')}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            onKeyDown={props.onKeyDown}
            autoComplete="off"
          />
          {suffix ? (
            <span className="cst-number-suffix" aria-hidden="true">
              {suffix}
            </span>
          ) : null}
        </div>
      )}
    </FieldShell>
  );
}

export function CheckboxField({ id, label, hint, checked, onChange }: { id: string; label: string; hint?: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <div className="cst-check form-check">
      <input
        id={id}
        name={id}
        type="checkbox"
        className="form-check-input"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <label htmlFor={id} className="form-check-label cst-check-label">
        {label}
      </label>
      <FieldMessages id={id} hint={hint} />
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
}

/**
 * A group of radio buttons in a fieldset (the legend names the group): arrows move between
 * the choices, as the browser does natively for radios with the same name.
 */
export function RadioGroupField(props: {
  id: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  choices: readonly Choice[];
  value: string;
  onChange: (v: string) => void;
  inline?: boolean;
  extra?: ReactNode;
}) {
  const { id, legend, hint, error, choices, value, onChange, inline = true } = props;
  return (
    <fieldset className={`cst-field cst-fieldset${error ? ' cst-field-invalid' : ''}`} aria-describedby={describedByIds(id, hint, error)}>
      <legend className="cst-label">{legend}</legend>
      <FieldMessages id={id} hint={hint} error={error} />
      <div className={inline ? 'cst-radios cst-radios-inline' : 'cst-radios'}>
        {choices.map((c, i) => (
          <div key={c.value} className="form-check cst-radio">
            <input
              id={`${id}-${i}`}
              name={id}
              type="radio"
              className="form-check-input"
              value={c.value}
              checked={value === c.value}
              onChange={() => onChange(c.value)}
            />
            <label htmlFor={`${id}-${i}`} className="form-check-label">
              {c.label}
            </label>
          </div>
        ))}
      </div>
      {props.extra}
    </fieldset>
  );
}
