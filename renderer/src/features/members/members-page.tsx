import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberOverview } from '../../../../shared/domain/hub-views';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { TextField } from '../../components/form-field';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { SubNav } from '../../components/sub-nav';
import { apiErrorMessage } from '../../i18n/messages';
import { IdentitiesPanel } from '../identities/identities-panel';
import { BulkEnrolment } from '../identities/bulk-enrolment';
import { HubTrainingView } from '../hub-views/hub-training-view';
import { HubUsageView } from '../hub-views/hub-usage-view';
import { HubProposalsView } from '../hub-views/hub-proposals-view';
import { MemberDetail } from './member-detail';
import { MembersTable } from './members-table';
import { matchesFilter, useMembersStore } from './store';
import { identityStatusCell, syncColumns } from './sync-columns';

/** Hub, "Membri": the list with each member's exchange, identities, and the members' records. */
export function MembersPage({ view = '' }: { view?: string }) {
  const { t, i18n } = useTranslation();
  const members = useApiQuery('members.list', {});
  // An older backend without the overview still shows the registry (the sync columns are left out).
  const overview = useApiQuery('hub.members.overview', {});
  const filter = useMembersStore((s) => s.filter);
  const setFilter = useMembersStore((s) => s.setFilter);
  const all = members.data ?? [];
  const shown = filter.trim() ? all.filter((m) => matchesFilter(m.name, filter)) : all;
  const [path, query] = view.split('?');
  const memberParam = new URLSearchParams(query ?? '').get('member') ?? undefined;
  const byIstat = new Map<string, MemberOverview>((overview.data?.members ?? []).map((m) => [m.istat, m]));
  const detail = /^\d{6}$/.test(path ?? '') ? all.find((m) => m.istat === path) : undefined;
  const items = [
    { path: '/members', label: t('hubMembers.viewList') },
    { path: '/members/usage', label: t('hubMembers.viewUsage') },
    { path: '/members/training', label: t('hubMembers.viewTraining') },
    { path: '/members/proposals', label: t('hubMembers.viewProposals') },
    { path: '/members/identities', label: t('hubMembers.viewIdentities') },
  ];
  const current = ['usage', 'training', 'proposals', 'identities'].includes(path ?? '') ? `/members/${path}` : '/members';
  const [bulkSteps, setBulkSteps] = useState(0);
  const reload = () => {
    members.reload();
    overview.reload();
  };
  return (
    <>
      <PageTitle>{detail ? t('hubMembers.detailTitle', { name: detail.name }) : t('members.title')}</PageTitle>
      {detail ? null : <SubNav label={t('hubMembers.viewsLabel')} items={items} currentPath={current} />}
      {members.state === 'error' ? (
        <Alert tone="danger" live>
          {apiErrorMessage(members.error, t, i18n.language)}
        </Alert>
      ) : null}
      {members.state === 'loading' && !members.data ? <Loading /> : null}
      {detail ? <MemberDetail member={detail} overview={byIstat.get(detail.istat)} onSaved={reload} /> : null}
      {!detail && current === '/members' && members.data ? (
        <>
          <p className="cst-lead">{t('members.intro')}</p>
          {overview.data ? <p>{t('hubMembers.staleRule', { days: overview.data.staleDays })}</p> : null}
          <div className="cst-toolbar">
            <TextField id="members-filter" label={t('members.filterLabel')} value={filter} onChange={setFilter} />
            <p className="cst-count" role="status">
              {t('members.shown', { count: shown.length, total: all.length })}
            </p>
          </div>
          <MembersTable
            members={shown}
            linkToDetail
            extra={overview.data ? syncColumns(byIstat, overview.data.staleDays, t) : []}
            {...(overview.data ? { statusCell: identityStatusCell(byIstat, t) } : {})}
          />
        </>
      ) : null}
      {/* A new key after a bulk step: the panel reads the identities again (thousands changed at once). */}
      {current === '/members/identities' ? <IdentitiesPanel key={bulkSteps} onChanged={reload} /> : null}
      {current === '/members/identities' ? (
        <BulkEnrolment
          onChanged={() => {
            reload();
            setBulkSteps((n) => n + 1);
          }}
        />
      ) : null}
      {current === '/members/usage' ? <HubUsageView member={memberParam} /> : null}
      {current === '/members/training' ? <HubTrainingView member={memberParam} /> : null}
      {current === '/members/proposals' ? <HubProposalsView member={memberParam} /> : null}
    </>
  );
}
