import { DeleteButton, EditButton } from '../../components/record-list';
import { HistoryButton } from '../history/history-button';

/** Edit, history and delete of one row; `what` names the row for screen readers. */
export function RowActions(props: { what: string; kind: string; id: string; onEdit?: (() => void) | undefined; onDelete?: (() => void) | undefined; names?: Record<string, string> }) {
  const { what, kind, id, onEdit, onDelete, names } = props;
  return (
    <div className="cst-row-actions">
      {onEdit ? <EditButton what={what} onClick={onEdit} /> : null}
      <HistoryButton target={{ kind, id, what, ...(names ? { names } : {}) }} />
      {onDelete ? <DeleteButton what={what} onClick={onDelete} /> : null}
    </div>
  );
}
