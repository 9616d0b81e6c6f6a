import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/form-field';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import { Card } from '../../components/card';
import { DataTable } from '../../components/data-table';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { SubNav } from '../../components/sub-nav';
import { useApiQuery } from '../../app/use-api-query';
import { govErrorMessage } from '../governance/gov-text';
import { formatEuroCents } from '../../i18n/format';
import type { GovProposalRow } from '../../../../shared/domain/gov-plan';
import { formatHundredths } from '../../../../shared/format/numbers';
import { PROPOSAL_TRACK_STATES, trackTone } from '../governance/gov-format';
import { GovCsvButton } from '../governance/csv-button';
import { CriteriaSettings } from './criteria-settings';
import { CommitteeSettings } from '../approvals/committee-settings';
import { ProposalEvaluation } from './proposal-evaluation';
import { MeetingsView } from '../meetings/meetings-page';
import { TcRulesSettings } from '../meetings/tc-rules-settings';

/** Hub — Proposte: received proposals, their evaluation and state; the Technical Committee's meetings; the criteria. */
export function EvaluationPage({ sub }: { sub: string }) {
  const { t } = useTranslation();
  const meetings = sub === 'meetings' || sub.startsWith('meetings/');
  if (sub && sub !== 'criteria' && !meetings) return <ProposalEvaluation id={sub} />;
  if (sub.startsWith('meetings/')) return <MeetingsView sub={sub} />;
  return (
    <>
      <PageTitle>{t('evaluation.title')}</PageTitle>
      <SubNav
        label={t('evaluation.viewsLabel')}
        currentPath={sub ? `/proposals/${sub}` : '/proposals'}
        items={[
          { path: '/proposals', label: t('evaluation.viewList') },
          { path: '/proposals/meetings', label: t('meetings.view') },
          { path: '/proposals/criteria', label: t('evaluation.viewCriteriaAndBodies') },
        ]}
      />
      {sub === 'criteria' ? (
        <>
          <CriteriaSettings />
          <CommitteeSettings />
          <TcRulesSettings />
        </>
      ) : meetings ? (
        <MeetingsView sub={sub} />
      ) : (
        <ReceivedList />
      )}
    </>
  );
}

function ReceivedList() {
  const { t, i18n } = useTranslation();
  const list = useApiQuery('gov.proposals.list', {});
  const ranking = useApiQuery('gov.proposals.ranking', {});
  // '' = every state; else only the proposals in that state (counted on the whole list).
  const [stage, setStage] = useState('');
  if (list.state === 'error') return <Alert tone="danger">{govErrorMessage(list.error, t, i18n.language)}</Alert>;
  if (!list.data) return <Loading />;
  const position = new Map((ranking.data ?? []).map((r) => [r.id, r.position]));
  const counts = new Map<string, number>();
  for (const r of list.data) counts.set(r.state.stage, (counts.get(r.state.stage) ?? 0) + 1);
  const present = PROPOSAL_TRACK_STATES.filter((s) => counts.has(s));
  const shown = stage && counts.has(stage) ? stage : '';
  const rows = list.data.filter((r) => !shown || r.state.stage === shown).sort((a, b) => (position.get(a.id) ?? 1e9) - (position.get(b.id) ?? 1e9));
  return (
    <Card title={t('evaluation.receivedTitle')} id="gov-received">
      <p className="cst-hint">{t('evaluation.receivedIntro')}</p>
      <ul className="cst-gov-counts" aria-label={t('evaluation.countsLabel')}>
        {present.map((s) => (
          <li key={s}>
            <Badge tone={trackTone(s)}>{t(`gov.state.${s}`)}</Badge> {counts.get(s)}
          </li>
        ))}
      </ul>
      {present.length > 1 ? (
        <div className="cst-gov-filter">
          <SelectField
            id="gov-received-stage"
            label={t('evaluation.filterState')}
            value={shown}
            onChange={setStage}
            options={[
              { value: '', label: t('evaluation.filterAll', { count: list.data.length }) },
              ...present.map((s) => ({ value: s, label: t('evaluation.filterOption', { state: t(`gov.state.${s}`), count: counts.get(s) ?? 0 }) })),
            ]}
          />
        </div>
      ) : null}
      <DataTable<GovProposalRow>
        caption={shown ? t('evaluation.receivedCaptionState', { state: t(`gov.state.${shown}`) }) : t('evaluation.receivedTitle')}
        captionHidden
        rows={rows}
        rowKey={(r) => r.id}
        empty={t('evaluation.none')}
        columns={[
          { key: 'pos', header: t('evaluation.colPosition'), numeric: true, cell: (r) => position.get(r.id) ?? '—' },
          { key: 'title', header: t('evaluation.colTitle'), rowHeader: true, cell: (r) => <a href={`#/proposals/${r.id}`}>{r.title}</a> },
          { key: 'owner', header: t('evaluation.colMember'), cell: (r) => r.ownerName ?? r.owner },
          { key: 'state', header: t('evaluation.colState'), cell: (r) => <Badge tone={trackTone(r.state.stage)}>{t(`gov.state.${r.state.stage}`)}</Badge> },
          { key: 'total', header: t('evaluation.colTotal'), numeric: true, cell: (r) => (r.track?.evaluation ? formatHundredths(r.track.evaluation.total_hundredths) : '—') },
          { key: 'cost', header: t('evaluation.colCost'), numeric: true, cell: (r) => `${formatEuroCents(r.oneOffCents)} + ${formatEuroCents(r.yearlyCents)}${t('evaluation.perYear')}` },
        ]}
      />
      {ranking.data?.length ? <GovCsvButton table="ranking" year={new Date().getFullYear()} label={t('reportDocs.csv.ranking')} /> : null}
    </Card>
  );
}
