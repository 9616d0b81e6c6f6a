import { useId, useRef, useState, type ChangeEvent, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldMessages, describedByIds } from './form-field';

export interface FilePickerProps {
  id: string;
  /** The words on the button, in the app's language (never the browser's "Choose File"). */
  buttonText: ReactNode;
  buttonClassName?: string;
  accept?: string | undefined;
  multiple?: boolean;
  disabled?: boolean;
  describedBy?: string | undefined;
  invalid?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
}

/**
 * The one way a file is picked: a real `<input type="file">`, visually hidden but kept in the tab
 * order (keyboard, screen readers, the browser's own dialog), drawn by a label that looks like a
 * button and speaks the app's language. The browser's own button ("Choose File / No file
 * chosen") would speak the browser's language.
 */
export function FilePicker({ id, buttonText, buttonClassName = 'btn btn-outline-primary', accept, multiple = false, disabled = false, describedBy, invalid, inputRef, onChange }: FilePickerProps) {
  return (
    <>
      <input
        ref={inputRef}
        id={id}
        name={id}
        type="file"
        className="cst-file-input"
        accept={accept}
        multiple={multiple}
        disabled={disabled}
        aria-describedby={describedBy}
        aria-invalid={invalid ? true : undefined}
        onChange={onChange}
      />
      <label htmlFor={id} className={`${buttonClassName} cst-file-button${disabled ? ' disabled' : ''}`}>
        {buttonText}
      </label>
    </>
  );
}

export interface FileFieldProps {
  /** Defaults to a generated id. */
  id?: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  accept?: string;
  multiple?: boolean;
  disabled?: boolean;
  /** The chosen files; the input is emptied after, so choosing the same file again is noticed. */
  onFiles: (files: File[]) => void;
}

/**
 * A form field for a file: its label, hint and error, the "Scegli il file" button and, beside it,
 * the name of the file chosen or "Nessun file scelto", all from the catalogue.
 */
export function FileField({ id: givenId, label, hint, error, accept, multiple = false, disabled = false, onFiles }: FileFieldProps) {
  const { t } = useTranslation();
  const generated = useId();
  const id = givenId ?? generated;
  const input = useRef<HTMLInputElement>(null);
  const [names, setNames] = useState<string[]>([]);
  const chosenId = `${id}-chosen`;
  const describedBy = [describedByIds(id, hint, error), chosenId].filter(Boolean).join(' ');
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.target.files ?? []);
    if (files.length === 0) return;
    setNames(files.map((f) => f.name));
    onFiles(files);
    if (input.current) input.current.value = '';
  };
  const chosen =
    names.length === 0
      ? t('fields.fileNone')
      : multiple
        ? t('fields.filesChosen', { count: names.length, names: names.join(', ') })
        : t('fields.fileChosen', { name: names[0] });
  return (
    <div className={`cst-field${error ? ' cst-field-invalid' : ''}`}>
      <label htmlFor={id} className="cst-label" id={`${id}-label`}>
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      <div className="cst-file">
        <FilePicker
          id={id}
          inputRef={input}
          buttonText={t(multiple ? 'fields.filesChoose' : 'fields.fileChoose')}
          accept={accept}
          multiple={multiple}
          disabled={disabled}
          describedBy={describedBy}
          invalid={Boolean(error)}
          onChange={onChange}
        />
        <span id={chosenId} className="cst-file-chosen">
          {chosen}
        </span>
      </div>
    </div>
  );
}
