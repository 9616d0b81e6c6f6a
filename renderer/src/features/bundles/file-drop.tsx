import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FilePicker } from '../../components/file-field';
import { readFileAsBase64, type PickedFile } from '../../platform/read-file';
import './bundles.css';

export interface FileDropProps {
  /** The visible label of the picker button. */
  label: string;
  /** What to drop here, in words. */
  hint: string;
  accept?: string;
  multiple?: boolean;
  disabled?: boolean;
  onFiles: (files: PickedFile[]) => void;
}

/**
 * A file picker that also takes files dropped on it. The button is the keyboard's way in; the
 * zone around it is for the mouse (dropping is never the only way).
 */
export function FileDrop({ label, hint, accept, multiple = false, disabled = false, onFiles }: FileDropProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [reading, setReading] = useState(false);

  const take = async (list: FileList | null) => {
    if (!list || list.length === 0 || disabled) return;
    const chosen = multiple ? Array.from(list) : Array.from(list).slice(0, 1);
    setReading(true);
    try {
      onFiles(await Promise.all(chosen.map(readFileAsBase64)));
    } finally {
      setReading(false);
      if (input.current) input.current.value = '';
    }
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    void take(e.dataTransfer.files);
  };

  return (
    <div
      className={`cst-dropzone${over ? ' cst-dropzone-over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        if (!over) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p className="cst-dropzone-hint" id={hintId}>
        {hint}
      </p>
      <FilePicker
        id={inputId}
        inputRef={input}
        buttonText={reading ? t('bundles.reading') : label}
        buttonClassName="btn btn-primary btn-lg"
        accept={accept}
        multiple={multiple}
        disabled={disabled || reading}
        describedBy={hintId}
        onChange={(e) => void take(e.target.files)}
      />
    </div>
  );
}
