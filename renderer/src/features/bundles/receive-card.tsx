import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleImportResult } from '../../../../shared/domain/bundles';
import { useApi } from '../../app/api-context';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { apiErrorMessage } from '../../i18n/messages';
import type { PickedFile } from '../../platform/read-file';
import { ImportResults } from '../imports/import-results';
import { FileDrop } from './file-drop';

/** Reading the file the consortium sent (catalogue, courses, groups, its acknowledgement). */
export function ReceiveCard({ onReceived }: { onReceived: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [results, setResults] = useState<BundleImportResult[]>([]);

  const onFiles = async (files: PickedFile[]) => {
    if (files.length === 0) return;
    setBusy(true);
    setError(null);
    const result = await api.call('bundle.import', { files: files.map((f) => ({ name: f.name, contentBase64: f.contentBase64 })) });
    setBusy(false);
    if (!result.ok) return setError(apiErrorMessage(result.error, t, i18n.language));
    setResults(result.value);
    onReceived();
  };

  return (
    <Card title={t('bundles.receiveTitle')} id="receive">
      <p>{t('bundles.receiveIntro')}</p>
      <FileDrop label={t('bundles.receivePick')} hint={t('bundles.receiveDrop')} accept=".cstb" multiple disabled={busy} onFiles={(f) => void onFiles(f)} />
      {busy ? <p role="status">{t('bundles.receiving')}</p> : null}
      {error ? (
        <Alert tone="danger" live>
          {error}
        </Alert>
      ) : null}
      <ImportResults results={results} title={t('bundles.receiveResults')} />
    </Card>
  );
}
