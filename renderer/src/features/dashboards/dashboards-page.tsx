import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/form-field';
import { formatMonthShort, formatMonthLong } from './months';
import { useApiQuery } from '../../app/use-api-query';
import { BarChart, isCurrentMonth } from '../../components/bar-chart';
import { Card } from '../../components/card';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { formatEuroCents, formatNumber } from '../../i18n/format';
import { formatMilli } from '../../../../shared/format/numbers';
import { PROPOSAL_TRACK_STATES } from '../governance/gov-format';

/** Hub dashboards: proposals pipeline, the latest plan's cost by category and its savings, training hours. */
export function DashboardsPage() {
  const { t } = useTranslation();
  const proposals = useApiQuery('gov.proposals.list', {});
  const plans = useApiQuery('plan.list', {});
  const latest = [...(plans.data ?? [])].sort((a, b) => b.year - a.year || b.version - a.version)[0];
  return (
    <>
      <PageTitle>{t('dashboards.title')}</PageTitle>
      <div className="row">
        <div className="col-xl-6">
          <Card title={t('dashboards.pipeline')} id="dash-pipeline">
            {proposals.data ? <Pipeline rows={proposals.data.map((p) => p.state.stage)} /> : <Loading />}
          </Card>
        </div>
        <div className="col-xl-6">{latest ? <PlanCharts year={latest.year} /> : <Card title={t('dashboards.plan')}>{t('plan.none')}</Card>}</div>
        <div className="col-xl-6">
          <UsageTrend />
        </div>
        <div className="col-xl-6">
          <TrainingChart />
        </div>
      </div>
    </>
  );
}

function Pipeline({ rows }: { rows: string[] }) {
  const { t } = useTranslation();
  const data = PROPOSAL_TRACK_STATES.map((s) => {
    const n = rows.filter((r) => r === s).length;
    return { label: String(PROPOSAL_TRACK_STATES.indexOf(s) + 1), longLabel: t(`gov.state.${s}`), value: n, display: formatNumber(n) };
  });
  return (
    <>
      <BarChart
        title={t('dashboards.pipeline')}
        summary={t('dashboards.pipelineSummary', { total: rows.length, list: data.map((d) => `${d.longLabel} ${d.display}`).join(', ') })}
        data={data}
        valueHeader={t('dashboards.count')}
        periodHeader={t('dashboards.state')}
        maxDisplay={formatNumber(Math.max(0, ...data.map((d) => d.value)))}
      />
      <ol className="cst-chart-legend">
        {data.map((d) => (
          <li key={d.label}>
            {d.longLabel}: {d.display}
          </li>
        ))}
      </ol>
    </>
  );
}

function PlanCharts({ year }: { year: number }) {
  const { t } = useTranslation();
  const plan = useApiQuery('plan.get', { year });
  const savings = useApiQuery('plan.savings', { year });
  if (!plan.data) return <Loading />;
  const data = plan.data.byCategory.map((c) => ({ label: t(`plan.categoryShort.${c.category}`), longLabel: t(`plan.category.${c.category}`), value: c.cents, display: formatEuroCents(c.cents) }));
  return (
    <Card title={t('dashboards.plan')} id="dash-plan">
      <BarChart
        title={t('dashboards.planCost', { year })}
        summary={t('dashboards.planSummary', { total: formatEuroCents(plan.data.totalCents), list: data.map((d) => `${d.longLabel} ${d.display}`).join(', ') })}
        data={data}
        valueHeader={t('plan.colCost')}
        periodHeader={t('plan.item.category')}
        maxDisplay={formatEuroCents(Math.max(0, ...data.map((d) => d.value)))}
        note={t('plan.totalIs', { total: formatEuroCents(plan.data.totalCents) })}
      />
      {savings.data ? (
        <p className="cst-gov-figure">
          {t('dashboards.savings', { savings: formatEuroCents(savings.data.savingsCents), alone: formatEuroCents(savings.data.standAloneCents) })}
        </p>
      ) : null}
    </Card>
  );
}

function TrainingChart() {
  const { t } = useTranslation();
  // The twelve members with most hours, ranked by the server (a national hub has thousands).
  const page = useApiQuery('hub.training.page', { page: 1, pageSize: 12, order: 'hours' });
  const rows = { data: page.data?.rows };
  if (!rows.data) return <Loading />;
  // Hours per member over every year the hub holds (a member appears once per course year).
  const byMember = new Map<string, { name: string; milli: number }>();
  for (const r of rows.data) {
    const cur = byMember.get(r.member) ?? { name: r.name, milli: 0 };
    cur.milli += r.hoursMilli;
    byMember.set(r.member, cur);
  }
  const data = [...byMember.values()]
    .sort((a, b) => b.milli - a.milli)
    .slice(0, 12)
    // The whole name: the chart slants the labels that do not fit, never cuts them to four letters.
    .map((m) => ({ label: m.name, longLabel: m.name, value: m.milli, display: formatNumber(Math.round(m.milli / 1000)) }));
  return (
    <Card title={t('dashboards.training')} id="dash-training">
      <BarChart
        title={t('dashboards.training')}
        summary={t('dashboards.trainingSummary', { count: data.length })}
        data={data}
        valueHeader={t('dashboards.hours')}
        periodHeader={t('dashboards.member')}
        maxDisplay={`${data[0]?.display ?? '0'} h`}
      />
      <ol className="cst-chart-legend">
        {data.map((d) => (
          <li key={d.longLabel}>
            {d.longLabel}: {d.display} h
          </li>
        ))}
      </ol>
    </Card>
  );
}

/** Monthly usage of one service across all members (quantities of one service share a unit). */
function UsageTrend() {
  const { t, i18n } = useTranslation();
  // Last year and this one, whole years: the months' totals from the aggregates, one member's cells at most.
  const year = new Date().getFullYear();
  const usage = useApiQuery('hub.usage.byMember', { limit: 1, page: 1, pageSize: 1, from: `${year - 1}-01`, to: `${year}-12` });
  const [service, setService] = useState('');
  if (!usage.data) return <Loading />;
  const services = usage.data.services;
  const chosen = service || services[0]?.code || '';
  const info = services.find((s) => s.code === chosen);
  const name = info ? (i18n.language === 'en' ? info.nameEn : info.nameIt) : chosen;
  const unit = info ? (i18n.language === 'en' ? info.unitEn : info.unitIt) : '';
  const data = usage.data.byServiceMonth
    .filter((r) => r.service === chosen)
    .sort((a, b) => (a.month < b.month ? -1 : 1))
    .slice(-12)
    .map((r) => ({ label: formatMonthShort(r.month, i18n.language), longLabel: formatMonthLong(r.month, i18n.language), value: r.quantityMilli, display: formatMilli(r.quantityMilli), inProgress: isCurrentMonth(r.month) }));
  const max = data.reduce((m, d) => (d.value > m.value ? d : m), data[0] ?? { value: 0, display: '0', longLabel: '' });
  return (
    <Card title={t('dashboards.usage')} id="dash-usage">
      <SelectField id="dash-service" label={t('dashboards.service')} value={chosen} onChange={setService} options={services.map((s) => ({ value: s.code, label: i18n.language === 'en' ? s.nameEn : s.nameIt }))} />
      {data.length ? (
        <BarChart
          title={t('dashboards.usageOf', { name, unit })}
          summary={t('dashboards.usageSummary', { name, months: data.length, max: max.display, month: max.longLabel, unit })}
          data={data}
          valueHeader={unit}
          periodHeader={t('dashboards.month')}
          maxDisplay={max.display}
        />
      ) : (
        <p>{t('dashboards.noUsage')}</p>
      )}
    </Card>
  );
}
