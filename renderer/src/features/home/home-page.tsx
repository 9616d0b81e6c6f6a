import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Installation } from '../../../../shared/domain/installation';
import { sectionPath, visibleSections } from '../../app/nav-items';
import { useRegionalMenu } from '../region/use-regional-menu';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { ExchangeSummary } from '../imports/exchange-summary';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { formatNumber } from '../../i18n/format';
import { apiErrorMessage } from '../../i18n/messages';
import { RecoveryBanner } from '../recovery/recovery-banner';
import { identityCounts } from '../members/identity-status';
import { MunicipalitySummary } from './municipality-summary';
import { NewsCard } from './news-card';

/** The role's welcome: what this workstation is for, where to go next. */
export function HomePage({ installation }: { installation: Installation }) {
  const { t } = useTranslation();
  const hub = installation.role === 'hub';
  const shown = useRegionalMenu(installation.role);
  // Bumped after a recovery: the summary below is read again (its figures came back).
  const [recoveries, setRecoveries] = useState(0);
  // A restore from an old backup lost data the consortium holds: the banner, and writes wait (read on the hub too, unused).
  const recovery = useApiQuery('recovery.status', {}, recoveries);
  return (
    <>
      <PageTitle>{t('home.welcome')}</PageTitle>
      {hub ? null : <RecoveryBanner status={recovery.data} onRecovered={() => setRecoveries((n) => n + 1)} />}
      <p className="cst-lead">{hub ? t('home.hubIntro') : t('home.municipalityIntro')}</p>
      {installation.operator ? <p>{t('home.operator', { name: installation.operator })}</p> : null}
      <NewsCard role={installation.role} />
      {hub ? null : <MunicipalitySummary key={recoveries} recoveryNeeded={recovery.data?.needed === true} />}
      <div className="cst-card-grid">
        {hub ? <MembersSummary /> : null}
        {hub ? <ExchangeSummary /> : null}
        <Card title={t('home.nextTitle')} id="home-next">
          <ul className="cst-next-list">
            {visibleSections(installation.role, shown)
              .filter((section) => section !== 'home' && section !== 'settings')
              .map((section) => (
                <li key={section}>
                  <a href={`#${sectionPath(section)}`} className="cst-link-strong" aria-describedby={`home-next-${section}`}>
                    {t(`nav.${section}`)}
                  </a>
                  <p id={`home-next-${section}`}>{sectionText(section, hub, t)}</p>
                </li>
              ))}
          </ul>
        </Card>
        <Card title={t('home.identityTitle')} id="home-identity">
          <p>{t('home.identityText')}</p>
          <a href="#/settings" className="cst-link-strong">
            {t('home.identityLink')}
          </a>
        </Card>
      </div>
    </>
  );
}

/** Sections whose one-line description differs on the hub (it receives and evaluates proposals, it does not write them). */
const HUB_SECTION_TEXT = new Set<string>(['proposals', 'committee']);

function sectionText(section: string, hub: boolean, t: TFunction): string {
  return hub && HUB_SECTION_TEXT.has(section) ? t(`sectionsHub.${section}`) : t(`sections.${section}`);
}

function MembersSummary() {
  const { t, i18n } = useTranslation();
  const members = useApiQuery('members.list', {});
  // The same overview and the same function as the members' list: the two screens count alike.
  const overview = useApiQuery('hub.members.overview', {});
  const list = members.data ?? [];
  const counts = identityCounts(list, new Map((overview.data?.members ?? []).map((m) => [m.istat, m])));
  return (
    <Card title={t('home.membersTitle')} id="home-members">
      {members.state === 'loading' && !members.data ? <Loading /> : null}
      {members.state === 'error' ? <Alert tone="danger">{apiErrorMessage(members.error, t, i18n.language)}</Alert> : null}
      {members.data ? (
        <>
          <p className="cst-big-number">{t('home.membersCount', { count: list.length, formatted: formatNumber(list.length) })}</p>
          <ul className="cst-plain-list">
            <li>{t('home.membersConfirmed', { count: counts.confirmed, formatted: formatNumber(counts.confirmed) })}</li>
            <li>{t('home.membersToConfirm', { count: counts.pending, formatted: formatNumber(counts.pending) })}</li>
            <li>{t('home.membersNoIdentity', { count: counts.none, formatted: formatNumber(counts.none) })}</li>
          </ul>
          <a href="#/members" className="cst-link-strong">
            {t('home.membersLink')}
          </a>
        </>
      ) : null}
    </Card>
  );
}
