import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Installation } from '../../../shared/domain/installation';
import { PAGE_TITLE_ID } from '../components/page-title';
import { SideNav } from '../components/side-nav';
import { GroupsPage } from '../features/groups/groups-page';
import { HubCommitteePage, MunicipalityCommitteePage } from '../features/committee/committee-page';
import { HistoryDialog } from '../features/history/history-dialog';
import { HomePage } from '../features/home/home-page';
import { ProposalsPage } from '../features/proposals/proposals-page';
import { TrainingPage } from '../features/training/training-page';
import { UsagePage } from '../features/usage/usage-page';
import { MembersPage } from '../features/members/members-page';
import { BundlesPage } from '../features/bundles/bundles-page';
import { ImportsPage } from '../features/imports/imports-page';
import { CataloguePage } from '../features/hub-records/catalogue-page';
import { SettingsPage } from '../features/settings/settings-page';
import { EvaluationPage } from '../features/evaluation/evaluation-page';
import { PlanPage } from '../features/plan/plan-page';
import { DashboardsPage } from '../features/dashboards/dashboards-page';
import { RegionPage } from '../features/region/region-page';
import { useRegionalMenu } from '../features/region/use-regional-menu';
import { MySharePage } from '../features/my-share/my-share-page';
import { HelpPage } from '../features/help/help-page';
import { DeletedPage } from '../features/history/deleted-page';
import { useNotices } from '../features/home/use-notices';
import { SYNC_SECTION_ID } from '../features/sync/network-sync-card';
import { SyncIndicator } from '../features/sync/sync-indicator';
import { StoreDamageAlert } from '../features/store-health/store-damage-alert';
import { useNetworkSync } from '../features/sync/use-network-sync';
import { focusElementById } from '../platform/document';
import { useToastStore } from '../components/toast-store';
import { installationTitle, stationLabel } from './installation-label';
import { Layout } from './layout';
import { navItemsFor, sectionFor, sectionPath, subPath, type Section } from './nav-items';
import { useHashPath } from './use-hash-path';

/** The app after setup: header, the role's menu, the current section. */
export function Shell({ installation }: { installation: Installation }) {
  const { t } = useTranslation();
  const path = useHashPath();
  const section = sectionFor(installation.role, path);
  const firstRender = useRef(true);
  const clearToasts = useToastStore((s) => s.clear);
  const badges = useNotices(installation.role, section, path);
  const shown = useRegionalMenu(installation.role);
  useNetworkSync();
  const anchor = anchorOf(section, subPath(section, path));

  // Another section or view: the last confirmation belonged to the previous one. A proposal
  // saved on "new" opens its own page, which keeps the confirmation.
  const view = section === 'proposals' ? section : path.split('/').slice(0, 3).join('/');
  useEffect(() => clearToasts(), [view, clearToasts]);

  // After a page change the new page's title takes focus (announced, keyboard starts there);
  // a link to one section of a page (the sync indicator) focuses that section's heading.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      if (!anchor) return;
    }
    focusElementById(anchor ?? PAGE_TITLE_ID);
  }, [section, anchor]);

  return (
    <Layout
      installationName={installationTitle(installation, t)}
      roleLabel={stationLabel(installation.role, t)}
      headerStatus={<SyncIndicator />}
      nav={<SideNav label={t('nav.label')} items={navItemsFor(installation.role, t, badges, shown)} currentPath={sectionPath(section)} />}
    >
      <StoreDamageAlert />
      <SectionPage section={section} sub={subPath(section, path)} installation={installation} />
      <HistoryDialog />
    </Layout>
  );
}

/** The heading a sub-path names inside its page (`/settings/sync`), or null for the page's top. */
function anchorOf(section: Section, sub: string): string | null {
  if (section !== 'settings') return null;
  if (sub === 'sync') return `${SYNC_SECTION_ID}-title`;
  // The store damage alert's link (features/store-health/store-damage-alert.tsx).
  return sub === 'backup' ? 'settings-backup-title' : null;
}

function SectionPage({ section, sub, installation }: { section: Section; sub: string; installation: Installation }) {
  const municipality = installation.role === 'municipality';
  switch (section) {
    case 'home':
      return <HomePage installation={installation} />;
    case 'settings':
      return <SettingsPage />;
    case 'members':
      return <MembersPage view={sub} />;
    case 'usage':
      return <UsagePage view={sub} />;
    case 'training':
      return <TrainingPage view={sub} />;
    case 'groups':
      return <GroupsPage />;
    case 'committee':
      return municipality ? <MunicipalityCommitteePage /> : <HubCommitteePage />;
    case 'proposals':
      if (municipality) return <ProposalsPage sub={sub} />;
      return <EvaluationPage sub={sub} />;
    case 'bundles':
      return <BundlesPage view={sub} />;
    case 'imports':
      return <ImportsPage view={sub} />;
    case 'catalogue':
      return <CataloguePage view={sub} />;
    case 'plan':
      return <PlanPage sub={sub} />;
    case 'dashboards':
      return <DashboardsPage />;
    case 'region':
      return <RegionPage sub={sub} />;
    case 'share':
      return <MySharePage />;
    case 'help':
      return <HelpPage role={installation.role} term={sub} />;
    case 'deleted':
      return <DeletedPage kind={sub} />;
  }
}
