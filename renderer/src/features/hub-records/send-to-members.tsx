import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { formatNumber } from '../../i18n/format';
import { formatBytes } from '../../../../shared/format/numbers';
import { DeliveryHint } from '../bundles/delivery-hint';
import { useBundleExport } from '../bundles/use-bundle-export';

/** "Invia ai membri": one bundle per confirmed member, each encrypted to it, saved one after the other (downloads or save dialogs). */
export function SendToMembers() {
  const { t } = useTranslation();
  const { run, busy, error, sent: done } = useBundleExport();

  const onSend = async () => {
    await run({ allMembers: true });
  };

  return (
    <Card title={t('catalogue.sendTitle')} id="send-members">
      <p>{t('catalogue.sendIntro')}</p>
      <DeliveryHint />
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
          <ul>
            {done.map((r) => (
              <li key={r.bundleId}>
                {t('catalogue.sentLine', { member: r.recipient.id, fileName: r.fileName, count: r.events, n: formatNumber(r.events), size: formatBytes(r.bytes) })}
                {r.saved?.kind === 'saved' ? ` — ${r.saved.path}` : r.saved?.kind === 'cancelled' ? ` — ${t('bundles.saveCancelled')}` : ''}
              </li>
            ))}
          </ul>
          {done[0]?.saved?.kind === 'downloaded' ? <p>{t('bundles.savedDownloadedMany')}</p> : null}
          <p className="mb-0">{t('catalogue.sentNext')}</p>
        </Alert>
      ) : null}
    </Card>
  );
}
