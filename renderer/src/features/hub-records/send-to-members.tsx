import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { formatNumber } from '../../i18n/format';
import { formatBytes } from '../../../../shared/format/numbers';
import { DeliveryHint } from '../bundles/delivery-hint';
import { useMembersSend, type MemberFile } from './use-members-send';

/**
 * "Invia ai membri": one bundle per confirmed member, each encrypted to it and named by its
 * town; one ZIP downloaded (browser shell) or the files written in a folder chosen in
 * Electron's own dialog.
 */
export function SendToMembers() {
  const { t } = useTranslation();
  const { run, busy, error, sent } = useMembersSend();

  const line = (r: MemberFile) =>
    t('catalogue.sentLine', { member: r.recipientName, fileName: r.fileName, count: r.events, n: formatNumber(r.events), size: formatBytes(r.bytes) });

  return (
    <Card title={t('catalogue.sendTitle')} id="send-members">
      <p>{t('catalogue.sendIntro')}</p>
      <DeliveryHint />
      <button type="button" className="btn btn-primary btn-lg cst-big-action" onClick={() => void run()} disabled={busy}>
        {busy ? t('bundles.sending') : t('catalogue.send')}
      </button>
      {error ? (
        <Alert tone="danger" live>
          {error}
        </Alert>
      ) : null}
      {sent?.kind === 'cancelled' ? (
        <Alert tone="warning" live>
          {t('catalogue.folderCancelled')}
        </Alert>
      ) : null}
      {sent && sent.kind !== 'cancelled' ? (
        <Alert
          tone="success"
          live
          title={sent.kind === 'zip' ? t('catalogue.zipTitle', { count: sent.files.length, fileName: sent.zipName }) : t('catalogue.folderTitle', { count: sent.files.length })}
        >
          {sent.kind === 'zip' ? <p>{t('catalogue.zipSaved', { fileName: sent.zipName, readme: sent.readme })}</p> : <p>{t('catalogue.folderSaved', { folder: sent.folder })}</p>}
          <ul>
            {sent.files.map((r) => (
              <li key={r.bundleId}>{line(r)}</li>
            ))}
          </ul>
          <p className="mb-0">{sent.kind === 'zip' ? t('catalogue.zipNext') : t('catalogue.sentNext')}</p>
        </Alert>
      ) : null}
    </Card>
  );
}
