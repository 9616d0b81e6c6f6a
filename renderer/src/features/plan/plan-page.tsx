import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanView } from '../../../../shared/domain/gov-plan';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import { Card } from '../../components/card';
import { NumberTextField } from '../../components/fields';
import { SelectField, TextField } from '../../components/form-field';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { SubNav } from '../../components/sub-nav';
import { useToastStore } from '../../components/toast-store';
import { formatEuroCents } from '../../i18n/format';
import { govErrorMessage } from '../governance/gov-text';
import { ApprovalPanel } from '../approvals/approval-panel';
import { AllocationView } from '../allocation/allocation-view';
import { SavingsView } from '../allocation/savings-view';
import { todayIso } from '../governance/gov-format';
import { PlanItems } from './plan-items';
import { PlanStepper } from './plan-stepper';
import { usePlanStore } from './store';

/** Hub — Piano tecnico: the yearly plan, its versions and approvals, allocation and savings. */
export function PlanPage({ sub }: { sub: string }) {
  const { t, i18n } = useTranslation();
  const { year, version, rev, select } = usePlanStore();
  const list = useApiQuery('plan.list', {}, rev);
  const years = [...new Set((list.data ?? []).map((p) => p.year))].sort((a, b) => b - a);
  useEffect(() => {
    if (year === null && years[0] !== undefined) select(years[0]);
  }, [year, years, select]);

  if (list.state === 'error') return <Alert tone="danger">{govErrorMessage(list.error, t, i18n.language)}</Alert>;
  if (!list.data) return <Loading />;
  return (
    <>
      <PageTitle>{year ? t('plan.titleYear', { year }) : t('plan.title')}</PageTitle>
      <div className="row">
        {years.length > 0 ? (
          <div className="col-md-4">
            <SelectField id="plan-year" label={t('plan.year')} value={String(year ?? '')} onChange={(v) => select(Number(v))} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
          </div>
        ) : null}
        <div className="col-md-8">
          <CreatePlan existing={years} />
        </div>
      </div>
      {year !== null ? <PlanOfYear year={year} version={version} sub={sub} /> : <p>{t('plan.none')}</p>}
    </>
  );
}

function CreatePlan({ existing }: { existing: number[] }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { select, changed } = usePlanStore();
  const [text, setText] = useState(String((existing[0] ?? new Date().getFullYear()) + 1));
  const [error, setError] = useState<string>();
  const create = async () => {
    const y = Number(text.trim());
    if (!/^\d{4}$/.test(text.trim())) return setError(t('plan.yearInvalid'));
    if (existing.includes(y)) return setError(t('plan.yearExists', { year: y }));
    const res = await api.call('plan.create', { year: y, date: todayIso() });
    if (!res.ok) return setError(govErrorMessage(res.error, t, i18n.language));
    setError(undefined);
    select(y);
    changed();
  };
  return (
    <form
      className="cst-inline-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <NumberTextField id="plan-new-year" label={t('plan.newYear')} value={text} onChange={setText} decimals={false} error={error} />
      <button type="submit" className="btn btn-outline-primary">
        {t('plan.create')}
      </button>
    </form>
  );
}

function PlanOfYear({ year, version, sub }: { year: number; version: number | null; sub: string }) {
  const { t, i18n } = useTranslation();
  const { rev, select } = usePlanStore();
  const plan = useApiQuery('plan.get', { year, ...(version ? { version } : {}) }, rev);
  if (plan.state === 'error') return <Alert tone="danger">{govErrorMessage(plan.error, t, i18n.language)}</Alert>;
  if (!plan.data) return <Loading />;
  const p = plan.data;
  return (
    <>
      <PlanStepper state={p.state} />
      <p className="cst-gov-summary">
        {t('plan.versionLine', { version: p.version, total: formatEuroCents(p.totalCents) })}{' '}
        <Badge tone={p.locked ? 'success' : 'neutral'}>{p.locked ? t('plan.locked') : t(`plan.state.${p.state}`)}</Badge>
        {p.supersededBy ? ` ${t('plan.superseded', { version: p.supersededBy })}` : ''}
      </p>
      {p.versions.length > 1 ? (
        <div className="col-md-4">
          <SelectField
            id="plan-version"
            label={t('plan.versionPick')}
            value={String(p.version)}
            onChange={(v) => select(year, Number(v))}
            options={p.versions.map((v) => ({ value: String(v.version), label: t('plan.versionOption', { version: v.version, state: t(`plan.state.${v.state}`) }) }))}
          />
        </div>
      ) : null}
      {p.locked && !p.supersededBy ? <NewVersion plan={p} /> : null}
      <SubNav
        label={t('plan.viewsLabel')}
        currentPath={sub ? `/plan/${sub}` : '/plan'}
        items={[
          { path: '/plan', label: t('plan.viewItems') },
          { path: '/plan/approvals', label: t('plan.viewApprovals') },
          { path: '/plan/allocation', label: t('plan.viewAllocation') },
          { path: '/plan/savings', label: t('plan.viewSavings') },
        ]}
      />
      {sub === 'approvals' ? <ApprovalPanel plan={p} /> : sub === 'allocation' ? <AllocationView plan={p} /> : sub === 'savings' ? <SavingsView plan={p} /> : <PlanItems plan={p} />}
    </>
  );
}

function NewVersion({ plan }: { plan: PlanView }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { select, changed } = usePlanStore();
  const toast = useToastStore((s) => s.show);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [by, setBy] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async () => {
    const e: Record<string, string> = {};
    if (!reason.trim()) e.reason = t('plan.reasonRequired');
    if (!by.trim()) e.by = t('evaluation.byRequired');
    setErrors(e);
    if (Object.keys(e).length) return;
    const res = await api.call('plan.newVersion', { year: plan.year, date: todayIso(), by: by.trim(), reason: reason.trim() });
    if (!res.ok) return setErrors({ reason: govErrorMessage(res.error, t, i18n.language) });
    toast('success', { key: 'plan.newVersionDone', params: { version: res.value.version } });
    setOpen(false);
    select(plan.year, res.value.version);
    changed();
  };
  return (
    <Card id="plan-locked">
      <p>{t('plan.lockedText')}</p>
      {open ? (
        <form
          className="cst-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <TextField id="nv-reason" label={t('plan.reason')} value={reason} onChange={setReason} error={errors.reason} required />
          <TextField id="nv-by" label={t('evaluation.by')} hint={t('evaluation.byHint')} value={by} onChange={setBy} error={errors.by} required />
          <button type="submit" className="btn btn-primary">
            {t('plan.newVersion')}
          </button>
        </form>
      ) : (
        <button type="button" className="btn btn-outline-primary" onClick={() => setOpen(true)}>
          {t('plan.newVersion')}
        </button>
      )}
    </Card>
  );
}
