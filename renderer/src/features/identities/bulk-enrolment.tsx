import { useTranslation } from 'react-i18next';
import { BulkConfirm } from './bulk-confirm';
import { BulkImport } from './bulk-import';

/**
 * Hub, Membri › Identità: enrolling many members at once (a national or regional consortium).
 * Import their identity files in one go, then confirm them from the list of fingerprints that
 * reached the office by a trusted channel; a member is confirmed only when its fingerprint matches.
 */
export function BulkEnrolment({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="cst-card-group" aria-labelledby="bulk-enrolment-title">
      <h2 id="bulk-enrolment-title" className="h4 mt-4">
        {t('bulkEnrol.title')}
      </h2>
      <p>{t('bulkEnrol.intro')}</p>
      <BulkImport onChanged={onChanged} />
      <BulkConfirm onChanged={onChanged} />
    </section>
  );
}
