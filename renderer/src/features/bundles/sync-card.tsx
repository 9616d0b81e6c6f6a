import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/domain/hub-views';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format';

/** Where this municipality stands with its hub, in words: "Sincronizzato fino al …" and what waits. */
export function SyncCard({ sync }: { sync: SyncStatus }) {
  const { t } = useTranslation();
  const syncedAt = sync.hubSeqAppliedAt ?? sync.lastImportAt;
  return (
    <Card title={t('bundles.syncTitle')} id="sync">
      {!sync.hub ? (
        <Alert tone="warning">{t('bundles.noHub')}</Alert>
      ) : !sync.hub.confirmed ? (
        <Alert tone="warning">{t('bundles.hubNotConfirmed', { name: sync.hub.name })}</Alert>
      ) : null}
      <p className="cst-lead" id="sync-headline">
        {syncedAt ? t('bundles.syncedUntil', { date: formatDate(syncedAt) }) : t('bundles.neverSynced')}
      </p>
      <dl className="cst-details">
        {sync.hub ? (
          <>
            <dt>{t('bundles.hubLabel')}</dt>
            <dd>
              {sync.hub.name} ({sync.hub.id})
            </dd>
          </>
        ) : null}
        <dt>{t('bundles.lastImport')}</dt>
        <dd>{sync.lastImportAt ? formatDateTime(sync.lastImportAt) : t('bundles.never')}</dd>
        <dt>{t('bundles.lastExport')}</dt>
        <dd>{sync.lastExportAt ? formatDateTime(sync.lastExportAt) : t('bundles.never')}</dd>
        <dt>{t('bundles.notAcknowledged')}</dt>
        <dd>{sync.waiting === 0 ? t('bundles.allAcknowledged') : t('bundles.eventsCount', { count: sync.waiting, n: formatNumber(sync.waiting) })}</dd>
        <dt>{t('bundles.pendingBundles')}</dt>
        <dd>{sync.pendingBundles === 0 ? t('bundles.none') : formatNumber(sync.pendingBundles)}</dd>
        <dt>{t('bundles.received')}</dt>
        <dd>
          {t('bundles.receivedText', {
            services: sync.received.services,
            courses: sync.received.courses,
            groups: sync.received.groups,
            members: sync.received.members,
          })}
        </dd>
      </dl>
      {sync.ackProblem ? <Alert tone="danger">{t(`bundles.ackProblem.${sync.ackProblem}`)}</Alert> : null}
    </Card>
  );
}
