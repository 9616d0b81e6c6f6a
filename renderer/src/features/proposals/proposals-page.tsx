import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title';
import { navigateTo } from '../../platform/hash-location';
import { ProposalDetail } from './proposal-detail';
import { ProposalForm } from './proposal-form';
import { ProposalsList } from './proposals-list';
import { SharedProposals } from './shared-proposals';
import { SubNav } from '../../components/sub-nav';
import { DeletedLink } from '../history/deleted-link';
import { useProposalsStore } from './store';
import { MyCommitteeMeetings } from '../meetings/my-meetings';

/** "Proposte": the list, a new proposal (`/proposals/new`), one proposal (`/proposals/<id>`), the other members' (`/proposals/others`). */
export function ProposalsPage({ sub }: { sub: string }) {
  const { t } = useTranslation();
  const changed = useProposalsStore((s) => s.changed);
  const setEditingSubmitted = useProposalsStore((s) => s.setEditingSubmitted);
  // Another proposal (or the list) never opens in the middle of an edit.
  useEffect(() => setEditingSubmitted(false), [sub, setEditingSubmitted]);
  const back = (
    <p>
      <a href="#/proposals" className="cst-link-strong">
        {t('proposals.backToList')}
      </a>
    </p>
  );
  if (sub === 'new') {
    return (
      <>
        <PageTitle>{t('proposals.newTitle')}</PageTitle>
        {back}
        <ProposalForm
          onSaved={(p) => {
            changed();
            navigateTo(`/proposals/${p.id}`);
          }}
        />
      </>
    );
  }
  const views = (
    <SubNav
      label={t('joins.viewsLabel')}
      currentPath={sub === 'others' ? '/proposals/others' : '/proposals'}
      items={[
        { path: '/proposals', label: t('joins.viewOurs') },
        { path: '/proposals/others', label: t('joins.viewOthers') },
      ]}
    />
  );
  if (sub === 'others') {
    return (
      <>
        <PageTitle>{t('joins.othersTitle')}</PageTitle>
        {views}
        <p className="cst-lead">{t('joins.othersIntro')}</p>
        <SharedProposals />
      </>
    );
  }
  if (sub) {
    return (
      <>
        {back}
        <ProposalDetail id={sub} />
      </>
    );
  }
  return (
    <>
      <PageTitle>{t('proposals.title')}</PageTitle>
      {views}
      <p className="cst-lead">{t('proposals.intro')}</p>
      <ProposalsList />
      <DeletedLink kind="proposal" />
      <MyCommitteeMeetings />
    </>
  );
}
