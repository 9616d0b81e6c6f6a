import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/use-api-query';
import { Card } from '../../components/card';
import { formatNumber } from '../../i18n/format';

/** Hub home: what needs the office's attention in the exchange (late members, files waiting, conflicts). */
export function ExchangeSummary() {
  const { t } = useTranslation();
  const overview = useApiQuery('hub.members.overview', {});
  const pending = useApiQuery('bundle.pending', {});
  const forks = useApiQuery('bundle.forks', {});
  // A backend without these views: the home shows the rest, not an error.
  if (!overview.data || !pending.data || !forks.data) return null;
  const stale = overview.data.members.filter((m) => m.stale).length;
  const openForks = forks.data.filter((f) => !f.resolution).length;
  return (
    <Card title={t('imports.homeTitle')} id="home-exchange">
      <ul className="cst-plain-list">
        <li>{t('imports.homeStale', { count: stale, n: formatNumber(stale), days: overview.data.staleDays })}</li>
        <li>{t('imports.homeWaiting', { count: pending.data.length, n: formatNumber(pending.data.length) })}</li>
        <li>{t('imports.homeForks', { count: openForks, n: formatNumber(openForks) })}</li>
      </ul>
      <a href="#/imports" className="cst-link-strong">
        {t('imports.homeLink')}
      </a>
    </Card>
  );
}
