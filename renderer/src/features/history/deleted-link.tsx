import { useTranslation } from 'react-i18next';
import '../help/help.css';

/** Below a list of records: where its deleted records are, to see and restore them. */
export function DeletedLink({ kind }: { kind?: string }) {
  const { t } = useTranslation();
  return (
    <p className="cst-deleted-link">
      <a href={kind ? `#/deleted/${kind}` : '#/deleted'} className="cst-link-strong">
        {t('deleted.link')}
      </a>
    </p>
  );
}
