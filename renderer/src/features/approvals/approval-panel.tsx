import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/errors';
import type { PlanView } from '../../../../shared/domain/gov-plan';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import { Card } from '../../components/card';
import { DateField, TextAreaField } from '../../components/fields';
import { TextField } from '../../components/form-field';
import { Loading } from '../../components/loading';
import { useToastStore } from '../../components/toast-store';
import { formatDate } from '../../i18n/format';
import { govErrorMessage, stepByText, stepNoteText } from '../governance/gov-text';
import { GovCsvButton } from '../governance/csv-button';
import { todayIso } from '../governance/gov-format';
import { usePlanStore } from '../plan/store';
import { ApprovalForm, type Voter } from './approval-form';

/** Asked for when the plan has no quota item: its answer is then not read (no quota weights). */
const QUOTA_CODE = 'QUOTA';

/** The next step of the approval flow for this version, and the steps and votes recorded. */
export function ApprovalPanel({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  return (
    <>
      {plan.supersededBy ? null : <NextStep plan={plan} />}
      <Card title={t('approval.historyTitle')} id="plan-history">
        {plan.steps.length === 0 ? (
          <p>{t('approval.noSteps')}</p>
        ) : (
          <ol className="cst-timeline-list">
            {plan.steps.map((s, i) => (
              <li key={i} className="cst-timeline-step">
                <p className="cst-timeline-head">
                  <strong>{formatDate(s.date)}</strong> — {t(`plan.state.${s.to}`)}
                </p>
                <p className="cst-timeline-meta">{t('gov.stepBy', { by: stepByText(s.by, t) })}</p>
                {s.note ? <p className="cst-timeline-note">{stepNoteText(s, t)}</p> : null}
              </li>
            ))}
          </ol>
        )}
        {plan.approvals.map((a, i) => {
          const tally = a.tally as { outcome?: string; forCount?: number; againstCount?: number; abstainCount?: number; presentMembers?: number };
          return (
            <p key={i}>
              {t('approval.recorded', {
                body: t(`approval.body.${a.body}`),
                date: formatDate(a.date),
                minutes: a.minutesRef,
                outcome: t(`approval.outcomeWord.${tally.outcome ?? 'approved'}`),
                present: tally.presentMembers ?? a.present.length,
                forCount: tally.forCount ?? 0,
                againstCount: tally.againstCount ?? 0,
                abstainCount: tally.abstainCount ?? 0,
              })}
            </p>
          );
        })}
        {plan.steps.length ? (
          <div className="cst-gov-toolbar">
            <GovCsvButton table="approvals" year={plan.year} version={plan.version} label={t('reportDocs.csv.approvals')} />
            {plan.approvals.length ? <GovCsvButton table="ballots" year={plan.year} version={plan.version} label={t('reportDocs.csv.ballots')} /> : null}
          </div>
        ) : null}
      </Card>
    </>
  );
}

function NextStep({ plan }: { plan: PlanView }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const changed = usePlanStore((s) => s.changed);
  const toast = useToastStore((s) => s.show);
  const members = useApiQuery('members.list', {});
  const settings = useApiQuery('gov.settings.get', {});
  // The quota item's shares alone (the quota weighting): never every item × every member.
  const quotaCode = plan.items.find((i) => i.category === 'quota')?.code;
  const allocation = useApiQuery('plan.allocate', { year: plan.year, version: plan.version, item: quotaCode ?? QUOTA_CODE });
  const [busy, setBusy] = useState(false);
  const [apiError, setApiError] = useState<ApiError>();
  const [date, setDate] = useState(todayIso());
  const [by, setBy] = useState('');
  const [byError, setByError] = useState<string>();
  const [committee, setCommittee] = useState('');

  if (plan.state === 'approved_by_assembly') {
    return (
      <Card title={t('approval.doneTitle')} id="plan-next">
        <p>{t('approval.doneText')}</p>
      </Card>
    );
  }
  const step = plan.state === 'draft' ? 'propose' : plan.state === 'approved_by_executive' ? 'submit' : null;
  if (step) {
    const run = async () => {
      if (!by.trim()) return setByError(t('evaluation.byRequired'));
      setByError(undefined);
      setBusy(true);
      const res = await api.call('plan.step', { year: plan.year, version: plan.version, step, date, by: by.trim() });
      setBusy(false);
      if (!res.ok) return setApiError(res.error);
      setApiError(undefined);
      toast('success', { key: 'approval.stepDone', params: { state: res.value.state } });
      changed();
    };
    return (
      <Card title={t(`approval.step.${step}`)} id="plan-next">
        <p className="cst-hint">{t(`approval.stepHint.${step}`)}</p>
        <form
          className="cst-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <DateField id="step-date" label={t('approval.date')} value={date} onChange={setDate} required />
          <TextField id="step-by" label={t('evaluation.by')} hint={t('evaluation.byHint')} value={by} onChange={setBy} error={byError} required />
          {apiError ? (
            <p className="cst-field-error" role="alert">
              {govErrorMessage(apiError, t, i18n.language)}
            </p>
          ) : null}
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t(`approval.step.${step}`)}
          </button>
        </form>
      </Card>
    );
  }
  const body = plan.state === 'proposed_by_executive' ? 'executive_committee' : 'assembly';
  if (!members.data || !settings.data) return <Loading />;
  // The Executive Committee: its components from the settings (pre-filled as present, counted by
  // the hub on them only); while not recorded, the people typed here. The Assembly: every member.
  const seats = settings.data.executiveCommittee.members;
  const configured = body === 'executive_committee' && seats.length > 0;
  const voters: Voter[] =
    body === 'executive_committee'
      ? configured
        ? members.data.filter((m) => seats.includes(m.istat))
        : [...new Set(committee.split('\n').map((l) => l.trim()).filter(Boolean))].map((n) => ({ istat: n, name: n }))
      : members.data;
  const quota = new Map((allocation.data?.items.find((i) => i.code === quotaCode)?.shares ?? []).map((s) => [s.istat, s.cents]));
  return (
    <Card title={t('approval.voteTitle', { body: t(`approval.body.${body}`) })} id="plan-next">
      {configured ? <p className="cst-hint">{t('approval.committeePrefilled', { count: voters.length })}</p> : null}
      {body === 'executive_committee' && !configured ? (
        <>
          <p className="cst-hint">{t('approval.committeeNotSet')}</p>
          <TextAreaField id="ap-committee" label={t('approval.committee')} hint={t('approval.committeeHint')} value={committee} onChange={setCommittee} rows={4} />
        </>
      ) : null}
      <ApprovalForm
        key={body}
        body={body}
        explicitElectorate={body === 'executive_committee' && !configured}
        initialPresent={configured ? voters.map((v) => v.istat) : []}
        members={voters}
        rules={settings.data.voting[body]}
        quota={quota}
        busy={busy}
        apiError={apiError}
        onSave={async (input) => {
          setBusy(true);
          const res = await api.call('plan.approve', { year: plan.year, version: plan.version, ...input });
          setBusy(false);
          if (!res.ok) return setApiError(res.error);
          setApiError(undefined);
          toast(res.value.outcome === 'approved' ? 'success' : 'warning', { key: `approval.saved.${res.value.outcome}`, params: { body } });
          changed();
        }}
      />
    </Card>
  );
}
