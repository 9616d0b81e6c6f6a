import type { ReactNode, Ref } from 'react';

export interface FieldShellProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  children: (describedBy: string | undefined) => ReactNode;
  /** Extra content below the control (a credit, a chosen value). */
  after?: ReactNode;
}

/** The ids a field's control must reference, in reading order: hint first, then the error. */
export function describedByIds(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** The hint and the error of a field, with the ids its control's `aria-describedby` names. */
export function FieldMessages({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="cst-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="cst-field-error">
          {error}
        </p>
      ) : null}
    </>
  );
}

/**
 * What every control in a FieldShell carries: its id and name, the hint and error it is
 * described by, invalid and required for screen readers, and the invalid border.
 */
export function controlProps(id: string, describedBy: string | undefined, error: string | undefined, required: boolean, className: string) {
  return {
    id,
    name: id,
    className: `${className}${error ? ' is-invalid' : ''}`,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
    'aria-required': required || undefined,
  } as const;
}

/**
 * Label above, hint, error, control: the error sits next to the control and is referenced by
 * its `aria-describedby`, so a screen reader reads it when the field gets focus.
 */
export function FieldShell({ id, label, hint, error, required = false, children, after }: FieldShellProps) {
  const describedBy = describedByIds(id, hint, error);
  return (
    <div className={`cst-field${error ? ' cst-field-invalid' : ''}`}>
      <label htmlFor={id} className="cst-label" id={`${id}-label`}>
        {label}
        {required ? (
          <span className="cst-required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      {children(describedBy)}
      {after}
    </div>
  );
}

export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string, input: HTMLInputElement) => void;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  autoComplete?: string;
  maxLength?: number;
  spellCheck?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  className?: string;
}

export function TextField(props: TextFieldProps) {
  const { id, label, value, onChange, hint, error, required = false, autoComplete = 'off', maxLength, spellCheck, inputRef } = props;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      {(describedBy) => (
        <input
          ref={inputRef}
          type="text"
          {...controlProps(id, describedBy, error, required, `form-control cst-input${props.className ? ` ${props.className}` : ''}`)}
          value={value}
          onChange={(e) => onChange(e.target.value, e.target)}
          autoComplete={autoComplete}
          maxLength={maxLength}
          spellCheck={spellCheck}
        />
      )}
    </FieldShell>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  selectRef?: Ref<HTMLSelectElement>;
}

export function SelectField({ id, label, value, options, onChange, hint, error, required = false, selectRef }: SelectFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      {(describedBy) => (
        <select ref={selectRef} {...controlProps(id, describedBy, error, required, 'form-select cst-input')} value={value} onChange={(e) => onChange(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
