import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/api-context';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { apiErrorMessage } from '../../i18n/messages';
import type { PickedFile } from '../../platform/read-file';
import { FileDrop } from '../bundles/file-drop';
import { ImportResults } from './import-results';
import { useImportsStore } from './store';

interface Progress {
  done: number;
  total: number;
  label: string;
}

/** Many files at once, a progress bar from the backend's `task.progress`, one result per file. */
export function BatchImport({ onImported }: { onImported: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { results, importedAt, setResults } = useImportsStore();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(
    () =>
      api.subscribe('task.progress', (p) => {
        if (p.taskId === 'bundle.import') setProgress({ done: p.done, total: p.total, label: p.label });
      }),
    [api],
  );

  const onFiles = async (files: PickedFile[]) => {
    if (files.length === 0) return;
    setBusy(true);
    setError(null);
    setProgress({ done: 0, total: files.length, label: '' });
    const result = await api.call('bundle.import', { files: files.map((f) => ({ name: f.name, contentBase64: f.contentBase64 })) });
    setBusy(false);
    setProgress((p) => (p ? { ...p, done: p.total } : p));
    if (!result.ok) return setError(apiErrorMessage(result.error, t, i18n.language));
    setResults(result.value);
    onImported();
  };

  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <Card title={t('imports.batchTitle')} id="batch">
      <p>{t('imports.batchIntro')}</p>
      <FileDrop label={t('imports.pick')} hint={t('imports.dropHint')} multiple disabled={busy} onFiles={(f) => void onFiles(f)} />
      {progress ? (
        <div>
          <p id="import-progress-label" className="mb-1">
            {busy
              ? t('imports.progress', { done: formatNumber(progress.done), total: formatNumber(progress.total) })
              : t('imports.progressDone', { count: progress.total })}
          </p>
          <div
            className="cst-progress"
            role="progressbar"
            aria-labelledby="import-progress-label"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={`${percent}%`}
          >
            <div className="cst-progress-bar" style={{ width: `${percent}%` }} />
          </div>
        </div>
      ) : null}
      {error ? (
        <Alert tone="danger" live>
          {error}
        </Alert>
      ) : null}
      <ImportResults results={results} title={importedAt ? t('imports.resultsAt', { date: formatDateTime(importedAt) }) : t('imports.results')} />
    </Card>
  );
}
