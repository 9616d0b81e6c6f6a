import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { formatNumber } from '../../i18n/format';
import { formatBytes } from '../../../../shared/format/numbers';
import { DeliveryHint } from './delivery-hint';
import { SavedWhere } from './saved-where';
import { useBundleExport } from './use-bundle-export';

/**
 * "Invia al consorzio": one action that prepares a bundle with every event the hub has not
 * acknowledged (or everything from the start), encrypted to the hub, saves it (a download, or
 * Electron's save dialog), then says in words what to do with the file.
 */
export function SendCard({ waiting, onSent }: { waiting: number | null; onSent: () => void }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const { run, busy, error, sent } = useBundleExport();
  const done = sent[0] ?? null;

  const onSend = async () => {
    if (await run({ all })) onSent();
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
      <DeliveryHint />
      <button type="button" className="btn btn-primary btn-lg cst-big-action" onClick={() => void onSend()} disabled={busy}>
        {busy ? t('bundles.sending') : t('bundles.send')}
      </button>
      {error ? (
        <Alert tone="danger" live>
          {error}
        </Alert>
      ) : null}
      {done?.saved?.kind === 'cancelled' ? (
        <Alert tone="warning" live>
          {t('bundles.saveCancelled')}
        </Alert>
      ) : done ? (
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
          <SavedWhere file={done} />
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
