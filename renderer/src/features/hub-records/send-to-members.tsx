import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleExportResult } from '../../../../shared/domain/bundles';
import { useApi } from '../../app/api-context';
import { useAppStatus } from '../../app/status-context';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { formatNumber } from '../../i18n/format';
import { apiErrorMessage } from '../../i18n/messages';
import { exportFolder, formatBytes } from '../bundles/sizes';

/** "Invia ai membri": one bundle per confirmed member, each encrypted to it, in one folder. */
export function SendToMembers() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { status } = useAppStatus();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<BundleExportResult[]>([]);
  const folder = exportFolder(status.dataDir);

  const onSend = async () => {
    setBusy(true);
    setError(null);
    setDone([]);
    const result = await api.call('bundle.export', { allMembers: true, dir: folder });
    setBusy(false);
    if (!result.ok) return setError(apiErrorMessage(result.error, t, i18n.language));
    setDone(result.value);
  };

  return (
    <Card title={t('catalogue.sendTitle')} id="send-members">
      <p>{t('catalogue.sendIntro')}</p>
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
            <span className="cst-path">{folder}</span>
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
