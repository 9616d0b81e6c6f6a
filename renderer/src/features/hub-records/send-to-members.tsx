import { useTranslation } from 'react-i18next';
import { useAppStatus } from '../../app/status-context';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { formatNumber } from '../../i18n/format';
import { formatBytes } from '../bundles/sizes';
import { DestinationField } from '../bundles/destination-field';
import { useBundleExport } from '../bundles/use-bundle-export';

/** "Invia ai membri": one bundle per confirmed member, each encrypted to it, saved (downloads) or in one folder. */
export function SendToMembers() {
  const { t } = useTranslation();
  const { status } = useAppStatus();
  const { run, busy, error, folderError, sent: done, folder } = useBundleExport();

  const onSend = async () => {
    await run({ allMembers: true });
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
          {done[0]?.saved ? null : (
            <>
              <p className="mb-1">{t('bundles.sentWhere')}</p>
              <p>
                <span className="cst-path">{folder}</span>
              </p>
            </>
          )}
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
