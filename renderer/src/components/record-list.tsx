import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/errors';
import { apiErrorMessage } from '../i18n/messages';
import { Alert } from './alert';
import { Card } from './card';
import { DataTable, type Column } from './data-table';
import { Loading } from './loading';

export interface RecordListProps<T> {
  /** The card's id (the page's anchor) and its heading, also the table's caption. */
  id: string;
  title: string;
  /** The table's caption for screen readers, when it says more than the heading. */
  caption?: string;
  /** The list as read from the API (`useApiQuery`). */
  query: { data: readonly T[] | undefined; error: ApiError | undefined };
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  /** What the card says when there is nothing yet. */
  empty: ReactNode;
  /** The rows in the order shown, when not the API's. */
  rows?: readonly T[] | undefined;
  /** Between the error and the table: a saved message, the "Add" button or the form in its place. */
  before?: ReactNode;
  /** Below the table: the CSV export. */
  footer?: ReactNode;
}

/**
 * A card with a list of records: the API's refusal in words, "loading" until the first answer,
 * the table (caption for screen readers, the heading shows it) or what to say when it is empty.
 */
export function RecordList<T>({ id, title, caption, query, columns, rowKey, empty, rows, before, footer }: RecordListProps<T>) {
  const { t, i18n } = useTranslation();
  return (
    <Card title={title} id={id}>
      {query.error ? <Alert tone="danger">{apiErrorMessage(query.error, t, i18n.language)}</Alert> : null}
      {before}
      {query.data ? <DataTable caption={caption ?? title} captionHidden columns={columns} rows={rows ?? query.data} rowKey={rowKey} empty={empty} /> : <Loading />}
      {footer ? <div className="cst-actions">{footer}</div> : null}
    </Card>
  );
}

/** "Modifica" on a row; `what` names the row for screen readers ("Modifica: PEC"). */
export function EditButton({ what, onClick }: { what: string; onClick: () => void }) {
  const { t } = useTranslation();
  return <RowButton label={t('common.edit')} what={what} onClick={onClick} tone="primary" />;
}

/** "Elimina" on a row, named like EditButton. */
export function DeleteButton({ what, onClick }: { what: string; onClick: () => void }) {
  const { t } = useTranslation();
  return <RowButton label={t('common.delete')} what={what} onClick={onClick} tone="danger" />;
}

function RowButton({ label, what, onClick, tone }: { label: string; what: string; onClick: () => void; tone: 'primary' | 'danger' }) {
  return (
    <button type="button" className={`btn btn-sm btn-outline-${tone} cst-row-action`} onClick={onClick}>
      {label}
      <span className="visually-hidden">: {what}</span>
    </button>
  );
}
