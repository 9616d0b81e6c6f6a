import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityConfirmRow } from '../../../../shared/domain/identity-bulk';
import { useApi } from '../../app/api-context';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import type { Column } from '../../components/data-table';
import { PagedTable } from '../../components/paged-table';
import { apiErrorMessage } from '../../i18n/messages';
import type { PickedFile } from '../../platform/read-file';
import { FileDrop } from '../bundles/file-drop';
import { ProgressBar } from '../csv/task-progress';
import { useBulkEnrolmentStore } from './bulk-store';

/**
 * Step 2: the list of fingerprints (CSV: ISTAT code; fingerprint) confirms every member whose
 * fingerprint matches; the rows not confirmed come first, each with its line and reason.
 */
export function BulkConfirm({ onChanged }: { onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { confirmed, setConfirmed } = useBulkEnrolmentStore();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onFiles = async (files: PickedFile[]) => {
    const file = files[0];
    if (!file) return;
    setBusy(true);
    setError(null);
    const result = await api.call('identity.confirmMany', { name: file.name, contentBase64: file.contentBase64 });
    setBusy(false);
    if (!result.ok) return setError(apiErrorMessage(result.error, t, i18n.language));
    setConfirmed(result.value);
    onChanged();
  };

  const [mismatched, matched] = useMemo(() => {
    const rows = confirmed?.rows ?? [];
    return [rows.filter((r) => r.outcome === 'mismatch'), rows.filter((r) => r.outcome !== 'mismatch')];
  }, [confirmed]);
  const line: Column<IdentityConfirmRow> = { key: 'line', header: t('bulkEnrol.colLine'), cell: (r) => r.line, numeric: true, rowHeader: true };
  const code: Column<IdentityConfirmRow> = { key: 'code', header: t('bulkEnrol.colCode'), cell: (r) => <span className="cst-code">{r.istat || '—'}</span> };
  const name: Column<IdentityConfirmRow> = { key: 'name', header: t('bulkEnrol.colName'), cell: (r) => r.name ?? '—' };
  const reason: Column<IdentityConfirmRow> = { key: 'reason', header: t('bulkEnrol.colReason'), cell: (r) => (r.error ? apiErrorMessage(r.error, t, i18n.language) : '—') };
  const outcome: Column<IdentityConfirmRow> = {
    key: 'outcome',
    header: t('bulkEnrol.colOutcome'),
    cell: (r) => (r.outcome === 'confirmed' ? t('bulkEnrol.outcomeConfirmed') : t('bulkEnrol.outcomeAlreadyConfirmed')),
  };

  return (
    <Card title={t('bulkEnrol.confirmTitle')} level={3} id="bulk-confirm">
      <p>{t('bulkEnrol.confirmIntro')}</p>
      <FileDrop label={t('bulkEnrol.confirmPick')} hint={t('bulkEnrol.confirmHint')} accept=".csv,text/csv" disabled={busy} onFiles={(f) => void onFiles(f)} />
      {busy ? <ProgressBar id="bulk-confirm-progress" text={t('bulkEnrol.confirming')} /> : null}
      {error ? (
        <Alert tone="danger" live>
          {error}
        </Alert>
      ) : null}
      {confirmed ? (
        <>
          <h4 className="h5 mt-3">{t('bulkEnrol.confirmSummary')}</h4>
          <div role="status">
            <ul>
              <li>{t('bulkEnrol.countConfirmed', { n: confirmed.counts.confirmed })}</li>
              <li>{t('bulkEnrol.countAlready', { n: confirmed.counts.alreadyConfirmed })}</li>
              <li>
                <strong>{t('bulkEnrol.countMismatch', { n: confirmed.counts.mismatch })}</strong>
              </li>
              {confirmed.applied.length > 0 ? <li>{t('bulkEnrol.countApplied', { n: confirmed.applied.length })}</li> : null}
            </ul>
          </div>
          <PagedTable caption={t('bulkEnrol.mismatchCaption')} columns={[line, code, name, reason]} rows={mismatched} rowKey={(r) => String(r.line)} empty={t('bulkEnrol.noMismatch')} />
          <PagedTable caption={t('bulkEnrol.confirmedCaption')} columns={[line, code, name, outcome]} rows={matched} rowKey={(r) => String(r.line)} empty={t('bulkEnrol.noneConfirmed')} />
        </>
      ) : null}
    </Card>
  );
}
