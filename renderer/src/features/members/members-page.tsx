import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberOverview } from '../../../../shared/domain/hub-views';
import type { Member } from '../../../../shared/domain/installation';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { MemberFilterBar, memberQueryInput } from '../../components/member-filter';
import { Pager } from '../../components/pager';
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
import { useMembersStore } from './store';
import { identityStatusCell, syncColumns } from './sync-columns';

/** Hub, "Membri": the list with each member's exchange, identities, and the members' records. */
export function MembersPage({ view = '' }: { view?: string }) {
  const { t, i18n } = useTranslation();
  const members = useApiQuery('members.list', {});
  const query = useMembersStore((s) => s.query);
  const setQuery = useMembersStore((s) => s.setQuery);
  const [path, search] = view.split('?');
  const memberParam = new URLSearchParams(search ?? '').get('member') ?? undefined;
  const all = members.data ?? [];
  const detail = /^\d{6}$/.test(path ?? '') ? all.find((m) => m.istat === path) : undefined;
  // One page of the members the filters select (never the thousands of a national hub at once);
  // a member's page asks the overview of that member alone. An older backend without the
  // overview still shows the registry's first page (the sync columns are left out).
  const overview = useApiQuery('hub.members.overview', detail ? { page: 1, pageSize: 1, search: detail.istat } : memberQueryInput(query));
  const byIstat = new Map<string, MemberOverview>((overview.data?.members ?? []).map((m) => [m.istat, m]));
  const shown: Member[] = overview.data
    ? overview.data.members.map((m) => ({ istat: m.istat, name: m.name, province: m.province, population: m.population, populationYear: m.populationYear, status: m.status === 'confirmed' ? 'confirmed' : 'pending' }))
    : all.slice(0, 50);
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
          <MemberFilterBar id="members" query={query} onChange={setQuery} />
          <Pager id="members-pager" page={overview.data?.page} onPage={(page) => setQuery({ page })} />
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
