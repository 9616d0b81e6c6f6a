import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityImportItem, IdentityImportOutcome } from '../../../../shared/domain/identity-bulk';
import { useApi } from '../../app/api-context';
import { Alert } from '../../components/alert';
import { Badge, type BadgeTone } from '../../components/badge';
import { Card } from '../../components/card';
import type { Column } from '../../components/data-table';
import { SelectField } from '../../components/form-field';
import { PagedTable } from '../../components/paged-table';
import { apiErrorMessage } from '../../i18n/messages';
import type { PickedFile } from '../../platform/read-file';
import { FileDrop } from '../bundles/file-drop';
import { ProgressBar, useTaskProgress } from '../csv/task-progress';
import { useBulkEnrolmentStore } from './bulk-store';

const TASKS = ['identity.importMany'] as const;

const OUTCOME: Record<IdentityImportOutcome, { label: string; tone: BadgeTone }> = {
  imported: { label: 'bulkEnrol.outcomeImported', tone: 'success' },
  replaced: { label: 'bulkEnrol.outcomeReplaced', tone: 'success' },
  unchanged: { label: 'bulkEnrol.outcomeUnchanged', tone: 'neutral' },
  skipped: { label: 'bulkEnrol.outcomeSkipped', tone: 'neutral' },
  failed: { label: 'bulkEnrol.outcomeFailed', tone: 'warning' },
};

/** Step 1: many .cstid files, or ZIPs of them, imported at once; one line per file, a page at a time. */
export function BulkImport({ onChanged }: { onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { imported, show, setImported, setShow } = useBulkEnrolmentStore();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [progress, resetProgress] = useTaskProgress(TASKS);

  const onFiles = async (files: PickedFile[]) => {
    if (files.length === 0) return;
    setBusy(true);
    setError(null);
    resetProgress();
    const result = await api.call('identity.importMany', { files: files.map((f) => ({ name: f.name, contentBase64: f.contentBase64 })) });
    setBusy(false);
    if (!result.ok) return setError(apiErrorMessage(result.error, t, i18n.language));
    setImported(result.value);
    onChanged();
  };

  const rows = useMemo(
    () => (imported ? (show === 'problems' ? imported.items.filter((i) => i.outcome === 'failed' || i.outcome === 'skipped') : imported.items) : []),
    [imported, show],
  );
  const columns: Column<IdentityImportItem>[] = [
    { key: 'source', header: t('bulkEnrol.colSource'), cell: (i) => i.source, rowHeader: true },
    { key: 'outcome', header: t('bulkEnrol.colOutcome'), cell: (i) => <Badge tone={OUTCOME[i.outcome].tone}>{t(OUTCOME[i.outcome].label)}</Badge> },
    { key: 'member', header: t('bulkEnrol.colMember'), cell: (i) => (i.member ? `${i.member.name} (${i.member.id})` : '—') },
    { key: 'fingerprint', header: t('bulkEnrol.colFingerprint'), cell: (i) => (i.member ? <span className="cst-code">{i.member.fingerprint}</span> : '—') },
    { key: 'reason', header: t('bulkEnrol.colReason'), cell: (i) => (i.error ? apiErrorMessage(i.error, t, i18n.language) : '—') },
  ];

  return (
    <Card title={t('bulkEnrol.importTitle')} level={3} id="bulk-import">
      <p>{t('bulkEnrol.importIntro')}</p>
      <FileDrop label={t('bulkEnrol.importPick')} hint={t('bulkEnrol.importHint')} accept=".cstid,.zip" multiple disabled={busy} onFiles={(f) => void onFiles(f)} />
      {busy ? <ProgressBar id="bulk-import-progress" text={progress ? t('bulkEnrol.importingDone', { n: progress.done }) : t('bulkEnrol.importing')} /> : null}
      {error ? (
        <Alert tone="danger" live>
          {error}
        </Alert>
      ) : null}
      {imported ? (
        <>
          <h4 className="h5 mt-3">{t('bulkEnrol.importSummary')}</h4>
          <div role="status">
            <ul>
              <li>{t('bulkEnrol.countImported', { n: imported.counts.imported })}</li>
              {imported.counts.replaced > 0 ? <li>{t('bulkEnrol.countReplaced', { n: imported.counts.replaced })}</li> : null}
              <li>{t('bulkEnrol.countUnchanged', { n: imported.counts.unchanged })}</li>
              {imported.counts.skipped > 0 ? <li>{t('bulkEnrol.countSkipped', { n: imported.counts.skipped })}</li> : null}
              <li>
                <strong>{t('bulkEnrol.countFailed', { n: imported.counts.failed })}</strong>
              </li>
            </ul>
          </div>
          <SelectField
            id="bulk-import-show"
            label={t('bulkEnrol.show')}
            value={show}
            options={[
              { value: 'problems', label: t('bulkEnrol.showProblems') },
              { value: 'all', label: t('bulkEnrol.showAll') },
            ]}
            onChange={(v) => setShow(v === 'all' ? 'all' : 'problems')}
          />
          <PagedTable caption={t('bulkEnrol.importCaption')} columns={columns} rows={rows} rowKey={(i) => i.source} empty={t('bulkEnrol.noProblems')} />
        </>
      ) : null}
    </Card>
  );
}
