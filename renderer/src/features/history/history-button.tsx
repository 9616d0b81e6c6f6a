import { useTranslation } from 'react-i18next';
import { useHistoryStore, type HistoryTarget } from './store';

/** "Cronologia" on a record: opens the list of its versions. */
export function HistoryButton({ target }: { target: HistoryTarget }) {
  const { t } = useTranslation();
  const open = useHistoryStore((s) => s.open);
  return (
    <button type="button" className="btn btn-sm btn-outline-primary cst-row-action" onClick={() => open(target)}>
      {t('common.history')}
      <span className="visually-hidden">: {target.what}</span>
    </button>
  );
}
