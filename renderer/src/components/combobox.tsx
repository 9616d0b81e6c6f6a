import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { FieldShell } from './form-field';

export interface ComboboxProps<T> {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  /** The text in the box (controlled by the caller, who searches with it). */
  inputValue: string;
  onInputChange: (value: string) => void;
  options: readonly T[];
  optionKey: (option: T) => string;
  renderOption: (option: T) => ReactNode;
  onSelect: (option: T) => void;
  /** Announced politely (result count, "no results"); also shown under the box when `showStatus`. */
  statusText: string;
  showStatus?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  after?: ReactNode;
}

/**
 * An editable combobox with a list popup and manual selection (WAI-ARIA 1.2 APG pattern):
 * focus stays in the text box, the highlighted option is `aria-activedescendant`, Down/Up move
 * (and open the list), Enter chooses, Escape closes the list (or clears the text when closed).
 * Hand-written on purpose: React Aria's useComboBox was tried and needed four local fixes to meet
 * the CSP, axe and this pattern, for +134 KB of renderer (README, "Why no form or combobox library").
 */
export function Combobox<T>(props: ComboboxProps<T>) {
  const { id, label, hint, error, required, inputValue, onInputChange, options, optionKey, renderOption, onSelect } = props;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listRef = useRef<HTMLUListElement>(null);
  const listboxId = `${id}-listbox`;
  const expanded = open && options.length > 0;
  const optionId = (index: number) => `${id}-option-${index}`;

  // New results: nothing highlighted until the person moves with the arrows.
  useEffect(() => setActive(-1), [options]);

  useEffect(() => {
    if (!expanded || active < 0) return;
    const el = listRef.current?.children[active];
    if (el && typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'nearest' });
  }, [active, expanded]);

  const choose = (index: number) => {
    const option = options[index];
    if (option === undefined) return;
    onSelect(option);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = options.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (count === 0) return;
        if (!open || event.altKey) {
          setOpen(true);
          if (!event.altKey) setActive(0);
          return;
        }
        setActive((i) => (i + 1) % count);
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (count === 0) return;
        setOpen(true);
        setActive((i) => (i <= 0 ? count - 1 : i - 1));
        return;
      case 'Enter':
        if (expanded && active >= 0) {
          event.preventDefault(); // choosing must not submit the form
          choose(active);
        }
        return;
      case 'Escape':
        event.preventDefault();
        if (expanded) {
          setOpen(false);
          setActive(-1);
        } else if (inputValue) {
          onInputChange('');
        }
        return;
      case 'Tab':
        setOpen(false);
        return;
      default:
        return;
    }
  };

  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required ?? false} after={props.after}>
      {(describedBy) => (
        <div className="cst-combobox">
          <input
            ref={props.inputRef}
            id={id}
            name={id}
            type="text"
            role="combobox"
            className={`form-control cst-input${error ? ' is-invalid' : ''}`}
            value={inputValue}
            onChange={(e) => {
              onInputChange(e.target.value);
              setOpen(true);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => setOpen(false)}
            onClick={() => setOpen(true)}
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listboxId}
            aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            aria-required={required || undefined}
            autoComplete="off"
            spellCheck={false}
          />
          <ul id={listboxId} ref={listRef} role="listbox" aria-labelledby={`${id}-label`} className="cst-listbox" hidden={!expanded}>
            {options.map((option, index) => (
              <li
                key={optionKey(option)}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                className={`cst-option${index === active ? ' cst-option-active' : ''}`}
                // mousedown would blur the input (and close the list) before the click lands
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(index)}
              >
                {renderOption(option)}
              </li>
            ))}
          </ul>
          <p className={props.showStatus ? 'cst-combobox-status' : 'visually-hidden'} role="status">
            {props.statusText}
          </p>
        </div>
      )}
    </FieldShell>
  );
}
