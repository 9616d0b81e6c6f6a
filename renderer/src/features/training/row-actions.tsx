import { useTranslation } from 'react-i18next';
import { HistoryButton } from '../history/history-button';

/** Edit, history and delete of one row; `what` names the row for screen readers. */
export function RowActions(props: { what: string; kind: string; id: string; onEdit: () => void; onDelete?: (() => void) | undefined; names?: Record<string, string> }) {
  const { what, kind, id, onEdit, onDelete, names } = props;
  const { t } = useTranslation();
  return (
    <div className="cst-row-actions">
      <button type="button" className="btn btn-sm btn-outline-primary cst-row-action" onClick={onEdit}>
        {t('common.edit')}
        <span className="visually-hidden">: {what}</span>
      </button>
      <HistoryButton target={{ kind, id, what, ...(names ? { names } : {}) }} />
      {onDelete ? (
        <button type="button" className="btn btn-sm btn-outline-danger cst-row-action" onClick={onDelete}>
          {t('common.delete')}
          <span className="visually-hidden">: {what}</span>
        </button>
      ) : null}
    </div>
  );
}
