import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../../shared/api/contract';
import type { ProposalTrackView } from '../../../../shared/domain/gov-plan';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import { Card } from '../../components/card';
import { SelectField } from '../../components/form-field';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { useToastStore } from '../../components/toast-store';
import { formatDate, formatEuroCents } from '../../i18n/format';
import { govErrorMessage } from '../governance/gov-text';
import { formatBytes, formatHundredths } from '../../../../shared/format/numbers';
import { todayIso, trackTone } from '../governance/gov-format';
import { ProposalTimeline } from '../governance/timeline';
import { saveFile } from '../../platform/save-file';
import { EvaluationForm } from './evaluation-form';
import { StateActions } from './state-actions';
import { JoinersList } from '../proposals/joiners-list';

/** One received proposal: its content (read-only), group, scores, state actions, timeline. */
export function ProposalEvaluation({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const toast = useToastStore((s) => s.show);
  // One call: content, attachments, versions, the evaluation track and the criteria to score with.
  const detail = useApiQuery('gov.proposals.get', { id });
  const groups = useApiQuery('hub.groups.list', {});
  const [busy, setBusy] = useState(false);
  const [scoreError, setScoreError] = useState<string>();
  const [actError, setActError] = useState<string>();

  if (detail.state === 'error') return <Alert tone="danger">{govErrorMessage(detail.error, t, i18n.language)}</Alert>;
  if (!detail.data) return <Loading />;
  const p = detail.data.data;
  const track: ProposalTrackView = detail.data.track ?? emptyTrack(id, p.title, detail.data.proposal.member);
  // What the screen says and offers comes from the one state (withdrawal included), never from the track alone.
  const state = detail.data.proposal.state;

  const act = async (action: Input<'gov.proposals.act'>['action'], onError: (m: string) => void, meetingId?: string) => {
    setBusy(true);
    const res = await api.call('gov.proposals.act', { id, action, ...(meetingId ? { meetingId } : {}) });
    setBusy(false);
    if (!res.ok) return onError(govErrorMessage(res.error, t, i18n.language));
    onError('');
    toast('success', { key: 'evaluation.saved', params: { state: res.value.status } });
    detail.reload();
  };
  const assign = async (groupId: string) => {
    const res = await api.call('gov.proposals.assign', { id, groupId: groupId || null });
    if (!res.ok) return toast('danger', { fallback: govErrorMessage(res.error, t, i18n.language) });
    toast('success', { key: 'evaluation.groupSaved' });
    detail.reload();
  };
  const criteria = detail.data.criteria;
  const download = async (sha256: string) => {
    const r = await api.call('hub.attachments.get', { sha256 });
    if (!r.ok) return toast('danger', { fallback: govErrorMessage(r.error, t, i18n.language) });
    await saveFile({ fileName: r.value.name, contentBase64: r.value.contentBase64 });
  };

  return (
    <>
      <p>
        <a href="#/proposals">{t('evaluation.back')}</a>
      </p>
      <PageTitle>{p.title}</PageTitle>
      <p>
        {t('evaluation.fromMember', { name: detail.data.proposal.memberName ?? detail.data.proposal.member })} {t('evaluation.versionOf', { version: detail.data.proposal.version })}{' '}
        <Badge tone={trackTone(state.stage)}>{t(`gov.state.${state.stage}`)}</Badge>
        {track.evaluation ? ` ${t('evaluation.totalIs', { total: formatHundredths(track.evaluation.total_hundredths) })}` : ''}
      </p>
      {state.stage === 'withdrawn' ? <Alert tone="warning">{t('gov.withdrawnNotice', { date: formatDate(state.withdrawnOn ?? '') })}</Alert> : null}
      <div className="row">
        <div className="col-xl-7">
          <Card title={t('evaluation.contentTitle')} id="gov-content">
            <dl className="cst-dl">
              <dt>{t('evaluation.problem')}</dt>
              <dd className="cst-prewrap">{p.problem || '—'}</dd>
              <dt>{t('evaluation.solution')}</dt>
              <dd className="cst-prewrap">{p.solution || '—'}</dd>
              <dt>{t('evaluation.benefits')}</dt>
              <dd className="cst-prewrap">{p.benefits || '—'}</dd>
              <dt>{t('evaluation.costs')}</dt>
              <dd>{t('evaluation.costsText', { oneOff: formatEuroCents(p.one_off_cents), yearly: formatEuroCents(p.yearly_cents) })}</dd>
            </dl>
            <h3 className="cst-subtitle">{t('evaluation.attachmentsTitle')}</h3>
            {detail.data.attachments.length === 0 ? (
              <p>{t('evaluation.noAttachments')}</p>
            ) : (
              <ul>
                {detail.data.attachments.map((a) => (
                  <li key={a.sha256}>
                    {a.available ? (
                      <button type="button" className="btn btn-link p-0" onClick={() => void download(a.sha256)}>
                        {t('evaluation.download', { name: a.name, size: formatBytes(a.bytes) })}
                      </button>
                    ) : (
                      t('evaluation.notArrived', { name: a.name })
                    )}
                  </li>
                ))}
              </ul>
            )}
            {state.officeActions.includes('assign') ? (
              <SelectField
                id="gov-group"
                label={t('evaluation.group')}
                value={track.group_id ?? ''}
                onChange={(v) => void assign(v)}
                options={[{ value: '', label: t('evaluation.noGroup') }, ...(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))]}
              />
            ) : (
              <p>
                {t('evaluation.group')}: {detail.data.groupName ?? t('evaluation.noGroup')}
              </p>
            )}
          </Card>
          <Card title={t('joins.joinersTitle')} id="gov-joiners">
            <p className="cst-hint">{t('joins.evalIntro')}</p>
            <JoinersList joiners={detail.data.joiners} label={t('joins.joinersTitle')} />
          </Card>
          {state.officeActions.includes('evaluate') ? (
            <Card title={t('evaluation.scoresTitle')} id="gov-scores">
              <EvaluationForm
                criteria={criteria}
                initial={track.evaluation?.scores ?? null}
                hints={{ members_benefiting: t('joins.criterionHint', { beneficiaries: p.beneficiaries.length, joiners: detail.data.joiners.length }) }}
                busy={busy}
                formError={scoreError}
                meetings={detail.data.meetings}
                // Scores given at a meeting carry that meeting's date: a step never precedes the meeting that decided it.
                onSubmit={(scores, meeting) => void act({ type: 'evaluate', date: meeting?.date ?? todayIso(), by: t('evaluation.committee'), scores }, setScoreError, meeting?.id)}
              />
            </Card>
          ) : null}
          <Card title={t('evaluation.actionsTitle')} id="gov-actions">
            <StateActions key={`${state.stage}-${state.steps.length}`} track={track} state={state} evaluated={track.evaluation !== null} busy={busy} apiError={actError} meetings={detail.data.meetings} onAct={(a, meetingId) => void act(a, setActError, meetingId)} />
          </Card>
        </div>
        <div className="col-xl-5">
          <Card id="gov-timeline">
            <ProposalTimeline state={state} />
          </Card>
        </div>
      </div>
    </>
  );
}

function emptyTrack(id: string, title: string, owner: string): ProposalTrackView {
  return {
    id,
    proposal_id: id,
    owner,
    title,
    group_id: null,
    status: 'received',
    evaluation: null,
    criteria: [],
    max_score: 10,
    reason: null,
    notes: null,
    plan: null,
    progress: null,
    start_date: null,
    expected_end_date: null,
    completed_date: null,
    steps: [],
    updated_by: '',
    updatedAt: '',
  } as unknown as ProposalTrackView;
}
