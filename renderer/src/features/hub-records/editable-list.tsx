import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/errors';
import { Alert } from '../../components/alert';
import { RecordForm, type RecordFormState } from '../../components/record-form';
import type { Column } from '../../components/data-table';
import { EditButton, RecordList } from '../../components/record-list';

/** What a hub record's form gets: the record (null for a new one), and what to call when done. */
export interface InlineFormProps<T> {
  record: T | null;
  onSaved: (saved: T) => void;
  onCancel: () => void;
}

export interface EditableListProps<T> {
  id: string;
  title: string;
  caption?: string;
  query: { data: readonly T[] | undefined; error: ApiError | undefined; reload: () => void };
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  /** The row's name, for its "Modifica" button. */
  nameOf: (row: T) => string;
  empty: string;
  addLabel: string;
  /** "Servizio PEC salvato…": worded at each render, so it follows a language switch. */
  savedText: (saved: T) => string;
  form: (props: InlineFormProps<T>) => ReactNode;
}

/**
 * A list of the hub's own records (services, courses, groups): "Aggiungi" or "Modifica" open the
 * form in place of the button, above the table; after a save the list reads again and says so.
 */
export function EditableList<T>({ id, title, caption, query, columns, rowKey, nameOf, empty, addLabel, savedText, form }: EditableListProps<T>) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<{ record: T | null } | null>(null);
  const [saved, setSaved] = useState<{ record: T } | null>(null);
  // Focus follows the form: into its first field when it opens, back to "Aggiungi" when it closes.
  const box = useRef<HTMLDivElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);
  useEffect(() => {
    if (editing) box.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    else if (opened.current) addButton.current?.focus();
    opened.current = editing !== null;
  }, [editing]);
  const withEdit: Column<T>[] = [...columns, { key: 'edit', header: t('catalogue.actions'), cell: (r) => <EditButton what={nameOf(r)} onClick={() => setEditing({ record: r })} /> }];
  const before = (
    <>
      {saved ? (
        <Alert tone="success" live>
          {savedText(saved.record)}
        </Alert>
      ) : null}
      {editing === null ? (
        <button ref={addButton} type="button" className="btn btn-primary mb-3" onClick={() => setEditing({ record: null })}>
          {addLabel}
        </button>
      ) : (
        <div key={editing.record ? rowKey(editing.record) : 'new'} ref={box}>
          {form({
            record: editing.record,
            onCancel: () => setEditing(null),
            onSaved: (r) => {
              setEditing(null);
              setSaved({ record: r });
              query.reload();
            },
          })}
        </div>
      )}
    </>
  );
  return <RecordList id={id} title={title} caption={caption} query={query} columns={withEdit} rowKey={rowKey} empty={empty} before={before} />;
}

/** A hub record's form, boxed above the list, named by its heading; save and cancel. */
export function InlineForm({ form, title, submitLabel, onCancel, children }: { form: RecordFormState; title: { id: string; text: string }; submitLabel: string; onCancel: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <RecordForm form={form} className="cst-confirm-box" title={title} submitLabel={submitLabel} onCancel={onCancel} cancelLabel={t('catalogue.cancel')} large>
      {children}
    </RecordForm>
  );
}
