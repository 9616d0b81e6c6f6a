import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import { Card } from '../../components/card';
import { DataTable } from '../../components/data-table';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { formatEuroCents, formatNumber } from '../../i18n/format';
import type { TFunction } from 'i18next';
import type { Benchmark } from '../../../../shared/domain/gov-plan';
import { govErrorMessage, sizeRangeText } from '../governance/gov-text';
import { StatementTable } from '../allocation/statement-table';
import { trackTone } from '../governance/gov-format';
import { ProposalTimeline } from '../governance/timeline';
import { PlanStepper } from '../plan/plan-stepper';
import { formatBasisPoints, formatMilli } from '../../../../shared/format/numbers';
import { shownMilli } from '../../../../shared/domain/unit-measure';
import { GovCsvButton } from '../governance/csv-button';
import { ReportButtons } from '../reports/report-buttons';

/** Municipality — Piano e quote: the approved plan, its share and savings, its proposals, its peers. */
export function MySharePage() {
  const { t, i18n } = useTranslation();
  const share = useApiQuery('plan.myShare', {});
  if (share.state === 'error') return <Alert tone="danger">{govErrorMessage(share.error, t, i18n.language)}</Alert>;
  if (!share.data) return <Loading />;
  const { year, plan, statement, proposals } = share.data;
  return (
    <>
      <PageTitle>{year ? t('myShare.titleYear', { year }) : t('myShare.title')}</PageTitle>
      {!plan ? <Alert tone="info">{t('myShare.noPlan')}</Alert> : null}
      {plan ? (
        <Card title={t('myShare.planTitle')} id="share-plan">
          <PlanStepper state={plan.state} />
          <p>{t('myShare.planLine', { version: plan.version, total: formatEuroCents(plan.totalCents), state: t(`plan.state.${plan.state}`) })}</p>
        </Card>
      ) : null}
      {statement ? (
        <Card title={t('myShare.shareTitle')} id="share-statement">
          <p className="cst-gov-figure">
            {t('myShare.shareFigure', { total: formatEuroCents(statement.total_cents), savings: formatEuroCents(statement.savings_cents), percent: formatBasisPoints(statement.savings_basis_points) })}
          </p>
          <StatementTable statement={statement} caption={t('myShare.shareCaption', { year: statement.year })} items={plan?.version === statement.version ? plan.items : []} />
          <p className="cst-hint">{t('myShare.consortiumSavings', { savings: formatEuroCents(statement.consortium_savings_cents) })}</p>
          <GovCsvButton table="statement" year={statement.year} istat={statement.istat} label={t('allocation.statementCsv')} />
        </Card>
      ) : plan ? (
        <Alert tone="info">{t('myShare.noStatement')}</Alert>
      ) : null}
      {statement ? <ReportButtons year={statement.year} istat={statement.istat} /> : null}
      <Card title={t('myShare.proposalsTitle')} id="share-proposals">
        {proposals.length === 0 ? <p>{t('myShare.noProposals')}</p> : null}
        {proposals.map((p) => (
          <section key={p.id} className="cst-gov-proposal" aria-labelledby={`sp-${p.id}`}>
            <h3 id={`sp-${p.id}`} className="cst-card-title">
              {p.title} <Badge tone={trackTone(p.state.stage)}>{t(`gov.state.${p.state.stage}`)}</Badge>
            </h3>
            {p.reason ? <p>{t('myShare.reason', { reason: p.reason })}</p> : null}
            {p.notes ? <p>{t('myShare.notes', { notes: p.notes })}</p> : null}
            {p.progress !== null ? <p>{t('myShare.progress', { progress: p.progress })}</p> : null}
            <ProposalTimeline state={p.state} headingLevel={3} />
          </section>
        ))}
      </Card>
      {year ? <BenchmarkCard year={year} /> : null}
    </>
  );
}

/** The consortium report comes out for a past year (the plan is next year's): the latest of the last three. */
function BenchmarkCard({ year }: { year: number }) {
  const { t, i18n } = useTranslation();
  const [back, setBack] = useState(0);
  const b = useApiQuery('report.benchmark', { year: year - back });
  // Not on `back`: right after a step back the query still holds the previous year's error, which
  // would step back once more before the earlier year's answer arrives (and skip a report held).
  useEffect(() => {
    if (b.state === 'error' && b.error.code === 'E_NOT_FOUND') setBack((n) => Math.min(n + 1, 2));
  }, [b.state, b.error]);
  return (
    <Card title={t('myShare.benchmarkTitle')} id="share-benchmark">
      {b.state === 'error' ? (
        <p>{b.error.code === 'E_NOT_FOUND' ? t('myShare.noReport') : govErrorMessage(b.error, t, i18n.language)}</p>
      ) : !b.data ? (
        <Loading />
      ) : (
        <>
          <p>{t('myShare.benchmarkIntro', { size: b.data.sizeRange ? sizeRangeText(b.data.sizeRange, t, formatNumber) : b.data.sizeLabel, peers: b.data.peers, year: b.data.year })}</p>
          <DataTable
            caption={t('myShare.benchmarkTitle')}
            captionHidden
            rows={b.data.measures}
            rowKey={(m) => m.measure}
            empty={t('myShare.noBenchmark')}
            columns={[
              { key: 'l', header: t('myShare.measure'), rowHeader: true, cell: (m) => measureLabel(m, t) },
              { key: 'v', header: t('myShare.value'), numeric: true, cell: (m) => measureValue(m, m.value) },
              { key: 'm', header: t('myShare.median'), numeric: true, cell: (m) => measureValue(m, m.median) },
              { key: 'p', header: t('myShare.position'), numeric: true, cell: (m) => t('myShare.positionOf', { position: m.position, of: m.of }) },
            ]}
          />
        </>
      )}
    </Card>
  );
}

type Measure = Benchmark['measures'][number];
const MEASURE_KEYS = { hours_per_employee: 'myShare.measureHours', groups: 'myShare.measureGroups', usage: 'myShare.measureUsage' } as const;

/** The measure in the page's language (its key and service), hours and usage shown in units. */
function measureLabel(m: Measure, t: TFunction): string {
  // A level held (GB, mailboxes) is the year's monthly average, never a sum: the label says so.
  if (m.labelKey === 'usage' && m.level) return t('myShare.measureUsageLevel', { service: m.service ?? '' });
  return m.labelKey ? t(MEASURE_KEYS[m.labelKey], { service: m.service ?? '' }) : m.label.replace(/\s*\(millesimi[^)]*\)\s*$/, '');
}

function measureValue(m: Measure, value: number): string {
  return (m.milli ?? /\(millesimi/.test(m.label)) ? formatMilli(m.unit ? shownMilli(m.unit, value) : value) : formatNumber(value);
}
