import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { Loading } from '../../components/loading';
import { formatMonth } from '../../i18n/dates';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { apiErrorMessage } from '../../i18n/messages';
import { formatMilli } from '../../../../shared/format/numbers';
import { hoursText } from '../../i18n/counts';
import { unitName } from '../usage/usage-model';

/** The municipality's home: this month's figures, what is not yet sent, quick actions. */
export function MunicipalitySummary({ recoveryNeeded = false }: { recoveryNeeded?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const summary = useApiQuery('home.summary', {});
  const catalogue = useApiQuery('catalogue.list', {});
  // Before the consortium's identity is imported and confirmed nothing can be sent: say so, not "all sent".
  const peers = useApiQuery('peers.list', {});
  const hubPeer = peers.data?.find((p) => p.kind === 'hub');
  const hubLink = peers.data ? (hubPeer ? hubPeer.status : 'none') : 'unknown';
  const byCode = new Map((catalogue.data ?? []).map((s) => [s.code, s]));
  const s = summary.data;
  return (
    <>
      <Card title={t('homeMunicipality.actionsTitle')} id="home-actions">
        <div className="cst-quick-actions">
          <a href="#/usage" className="btn btn-primary btn-lg">
            {t('homeMunicipality.recordUsage')}
          </a>
          <a href="#/training/participations" className="btn btn-primary btn-lg">
            {t('homeMunicipality.recordTraining')}
          </a>
          <a href="#/proposals/new" className="btn btn-primary btn-lg">
            {t('homeMunicipality.newProposal')}
          </a>
        </div>
      </Card>
      {summary.state === 'error' ? <Alert tone="danger">{apiErrorMessage(summary.error, t, lang)}</Alert> : null}
      {!s && summary.state === 'loading' ? <Loading /> : null}
      {s ? (
        <div className="cst-card-grid">
          <Card title={t('homeMunicipality.monthTitle', { month: formatMonth(s.month, lang) })} id="home-month">
            <p className="cst-big-number">{t('homeMunicipality.monthEntries', { count: s.usageEntries, formatted: formatNumber(s.usageEntries) })}</p>
            {s.usage.length === 0 ? (
              <p>{t('homeMunicipality.monthEmpty')}</p>
            ) : (
              <ul className="cst-plain-list">
                {s.usage.map((u) => {
                  const svc = byCode.get(u.service);
                  return (
                    <li key={u.service}>
                      {svc ? (lang === 'en' ? svc.nameEn : svc.nameIt) : u.service}: <strong>{formatMilli(u.quantityMilli)}</strong> {svc ? unitName(svc, lang, u.quantityMilli) : u.unit}
                    </li>
                  );
                })}
              </ul>
            )}
            <p>{t('homeMunicipality.monthTraining', { hours: hoursText(t, s.trainingHoursMilli), participations: s.participations })}</p>
            <p>{t('homeMunicipality.proposalsLine', s.proposals)}</p>
          </Card>
          <Card title={t('homeMunicipality.syncTitle')} id="home-sync">
            {recoveryNeeded ? (
              <p className="cst-big-number">{t('recovery.syncWaits')}</p>
            ) : hubLink === 'none' || hubLink === 'pending' ? (
              <>
                <p className="cst-big-number">{t(hubLink === 'none' ? 'homeMunicipality.hubUnknown' : 'homeMunicipality.hubToConfirm')}</p>
                <p>{t(hubLink === 'none' ? 'homeMunicipality.hubUnknownNext' : 'homeMunicipality.hubToConfirmNext')}</p>
                {s.unsentEvents > 0 ? <p>{t('homeMunicipality.unsent', { count: s.unsentEvents, formatted: formatNumber(s.unsentEvents) })}</p> : null}
              </>
            ) : (
              <p className="cst-big-number">{t('homeMunicipality.unsent', { count: s.unsentEvents, formatted: formatNumber(s.unsentEvents) })}</p>
            )}
            <p>{s.lastExportAt ? t('homeMunicipality.lastExport', { when: formatDateTime(s.lastExportAt) }) : t('homeMunicipality.lastExportNever')}</p>
            <p>
              {hubLink === 'none' || hubLink === 'pending' ? (
                <a href="#/bundles/identities">{t('homeMunicipality.hubLink')}</a>
              ) : (
                <a href="#/bundles">{t('bundles.homeLink')}</a>
              )}
            </p>
          </Card>
        </div>
      ) : null}
    </>
  );
}
