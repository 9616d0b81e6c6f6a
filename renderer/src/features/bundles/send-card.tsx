import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleExportResult } from '../../../../shared/domain/bundles';
import { useApi } from '../../app/api-context';
import { useAppStatus } from '../../app/status-context';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { formatNumber } from '../../i18n/format';
import { apiErrorMessage, apiErrorToMessage, messageText } from '../../i18n/messages';
import { formatBytes } from './sizes';
import { DestinationField } from './destination-field';
import { destinationOf, useDestinationStore } from './destination';

/**
 * "Invia al consorzio": one action that writes a bundle with every event the hub has not
 * acknowledged (or everything from the start), encrypted to the hub, then says in words what
 * to do with the file.
 */
export function SendCard({ waiting, onSent }: { waiting: number | null; onSent: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { status } = useAppStatus();
  const folderTyped = useDestinationStore((st) => st.folder);
  const [folderError, setFolderError] = useState<string | undefined>();
  const [all, setAll] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<BundleExportResult | null>(null);

  const onSend = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setFolderError(undefined);
    setDone(null);
    const result = await api.call('bundle.export', { dir: destinationOf(folderTyped, status.dataDir), all });
    setBusy(false);
    if (!result.ok) {
      // The folder's own sentence ("La cartella E:\ non esiste…") says more than the generic one.
      const message =
        result.error.code === 'E_IO'
          ? messageText({ ...apiErrorToMessage(result.error), italian: result.error.message }, t, i18n.language)
          : apiErrorMessage(result.error, t, i18n.language);
      return result.error.code === 'E_IO' ? setFolderError(message) : setError(message);
    }
    const first = result.value[0];
    if (first) setDone(first);
    onSent();
  };

  return (
    <Card title={t('bundles.sendTitle')} id="send">
      <p>{waiting === null ? t('bundles.sendIntro') : waiting > 0 ? t('bundles.waitingCount', { count: waiting }) : t('bundles.nothingWaiting')}</p>
      <div className="form-check mb-3">
        <input className="form-check-input" type="checkbox" id="send-all" checked={all} onChange={(e) => setAll(e.target.checked)} aria-describedby="send-all-hint" />
        <label className="form-check-label" htmlFor="send-all">
          {t('bundles.sendAll')}
        </label>
        <p className="cst-hint" id="send-all-hint">
          {t('bundles.sendAllHint')}
        </p>
      </div>
      <DestinationField dataDir={status.dataDir} error={folderError} />
      <button type="button" className="btn btn-primary btn-lg cst-big-action" onClick={() => void onSend()} disabled={busy}>
        {busy ? t('bundles.sending') : t('bundles.send')}
      </button>
      {error ? (
        <Alert tone="danger" live>
          {error}
        </Alert>
      ) : null}
      {done ? (
        <Alert tone="success" live title={t('bundles.sentTitle')}>
          <p>
            {t('bundles.sentWhat', {
              fileName: done.fileName,
              count: done.events,
              first: formatNumber(done.range.first),
              last: formatNumber(done.range.last),
              size: formatBytes(done.bytes),
            })}
          </p>
          <p className="mb-1">{t('bundles.sentWhere')}</p>
          <p>
            <span className="cst-path">{done.path}</span>
          </p>
          <p className="mb-1">{t('bundles.sentNext')}</p>
          <ol className="cst-steps">
            <li>{t('bundles.sentStepUsb')}</li>
            <li>{t('bundles.sentStepMail')}</li>
          </ol>
          <p className="mb-0">{t('bundles.sentAfter')}</p>
        </Alert>
      ) : null}
    </Card>
  );
}
