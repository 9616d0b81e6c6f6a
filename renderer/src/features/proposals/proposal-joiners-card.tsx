import { useTranslation } from 'react-i18next';
import type { Proposal } from '../../../../shared/domain/proposals';
import { useApiQuery } from '../../app/use-api-query';
import { Card } from '../../components/card';
import { JoinersList } from './joiners-list';

/** The proposer's view: the other members that joined this proposal (as the hub relayed them). */
export function ProposalJoinersCard({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const joiners = useApiQuery('joins.ofProposal', { proposalId: proposal.id });
  // A draft was never published: nobody can have joined it.
  if (proposal.status === 'draft' && proposal.version === 0) return null;
  return (
    <Card title={t('joins.joinersTitle')} id="proposal-joiners">
      <p className="cst-hint">{t('joins.proposerIntro')}</p>
      {joiners.data ? <JoinersList joiners={joiners.data} label={t('joins.joinersTitle')} /> : null}
    </Card>
  );
}
