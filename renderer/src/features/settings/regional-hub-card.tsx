import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/use-api-query';
import { Card } from '../../components/card';
import { Fingerprint } from '../../components/fingerprint';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format';

/**
 * Hub, Impostazioni: the regional hub this consortium reports to (docs/federation.md), its
 * fingerprint to read over the phone, and the last forwarding. Linking and forwarding are done
 * from the CLI (the window never chooses a folder); the card says which command.
 */
export function RegionalHubCard() {
  const { t } = useTranslation();
  const status = useApiQuery('federation.regional.show', {});
  if (!status.data) return null;
  const { regional, forwarded } = status.data;
  return (
    <Card title={t('regional.title')} id="settings-regional">
      {regional ? (
        <>
          <p>{t('regional.intro')}</p>
          <dl className="cst-details">
            <div className="cst-detail">
              <dt>{t('regional.name')}</dt>
              <dd>{`${regional.name} (${regional.id})`}</dd>
            </div>
            <div className="cst-detail">
              <dt>{t('regional.status')}</dt>
              <dd>{regional.status === 'confirmed' && regional.confirmedAt ? t('regional.confirmed', { date: formatDate(regional.confirmedAt) }) : t('regional.pending')}</dd>
            </div>
            <div className="cst-detail">
              <dt>{t('regional.lastForwarded')}</dt>
              <dd>{forwarded.lastAt ? t('regional.forwardedFiles', { count: forwarded.files, formatted: formatNumber(forwarded.files), date: formatDateTime(forwarded.lastAt) }) : t('regional.neverForwarded')}</dd>
            </div>
            {forwarded.notForRegion > 0 && (
              <div className="cst-detail">
                <dt>{t('regional.notForRegion')}</dt>
                <dd>{t('regional.notForRegionFiles', { count: forwarded.notForRegion, formatted: formatNumber(forwarded.notForRegion) })}</dd>
              </div>
            )}
          </dl>
          <h3 className="cst-subtitle" id="settings-regional-fingerprint">
            {t('regional.fingerprint')}
          </h3>
          <Fingerprint value={regional.fingerprint} />
        </>
      ) : (
        <p>{t('regional.none')}</p>
      )}
    </Card>
  );
}
