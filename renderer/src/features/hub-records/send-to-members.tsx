import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleExportResult } from '../../../../shared/domain/bundles';
import { useApi } from '../../app/api-context';
import { useAppStatus } from '../../app/status-context';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { formatNumber } from '../../i18n/format';
import { apiErrorMessage, apiErrorToMessage, messageText } from '../../i18n/messages';
import { formatBytes } from '../bundles/sizes';
import { DestinationField } from '../bundles/destination-field';
import { destinationOf, useDestinationStore } from '../bundles/destination';

/** "Invia ai membri": one bundle per confirmed member, each encrypted to it, in one folder. */
export function SendToMembers() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { status } = useAppStatus();
  const folderTyped = useDestinationStore((st) => st.folder);
  const [folderError, setFolderError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<BundleExportResult[]>([]);

  const onSend = async () => {
    setBusy(true);
    setError(null);
    setFolderError(undefined);
    setDone([]);
    const result = await api.call('bundle.export', { allMembers: true, dir: destinationOf(folderTyped, status.dataDir) });
    setBusy(false);
    if (!result.ok) {
      // The folder's own sentence ("La cartella E:\ non esiste…") says more than the generic one.
      const message =
        result.error.code === 'E_IO'
          ? messageText({ ...apiErrorToMessage(result.error), italian: result.error.message }, t, i18n.language)
          : apiErrorMessage(result.error, t, i18n.language);
      return result.error.code === 'E_IO' ? setFolderError(message) : setError(message);
    }
    setDone(result.value);
  };

  return (
    <Card title={t('catalogue.sendTitle')} id="send-members">
      <p>{t('catalogue.sendIntro')}</p>
      <DestinationField dataDir={status.dataDir} error={folderError} />
      <button type="button" className="btn btn-primary btn-lg cst-big-action" onClick={() => void onSend()} disabled={busy}>
        {busy ? t('bundles.sending') : t('catalogue.send')}
      </button>
      {error ? (
        <Alert tone="danger" live>
          {error}
        </Alert>
      ) : null}
      {done.length > 0 ? (
        <Alert tone="success" live title={t('catalogue.sentTitle', { count: done.length })}>
          <p className="mb-1">{t('bundles.sentWhere')}</p>
          <p>
            <span className="cst-path">{destinationOf(folderTyped, status.dataDir)}</span>
          </p>
          <ul>
            {done.map((r) => (
              <li key={r.bundleId}>
                {t('catalogue.sentLine', { member: r.recipient.id, fileName: r.fileName, count: r.events, n: formatNumber(r.events), size: formatBytes(r.bytes) })}
              </li>
            ))}
          </ul>
          <p className="mb-0">{t('catalogue.sentNext')}</p>
        </Alert>
      ) : null}
    </Card>
  );
}
