import { useTranslation } from 'react-i18next';
import type { PlanView } from '../../../../shared/domain/gov-plan';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { DataTable } from '../../components/data-table';
import { Loading } from '../../components/loading';
import { formatEuroCents } from '../../i18n/format';
import { govErrorMessage } from '../governance/gov-text';
import { formatBasisPoints } from '../../../../shared/format/numbers';
import { GovCsvButton } from '../governance/csv-button';
import { ReportButtons } from '../reports/report-buttons';
import { PublishReport } from '../reports/publish-report';

/** Economies of scale: what members would pay alone against their shares; documents; the report. */
export function SavingsView({ plan }: { plan: PlanView }) {
  const { t, i18n } = useTranslation();
  const sav = useApiQuery('plan.savings', { year: plan.year, version: plan.version });
  const names = new Map(plan.items.map((i) => [i.code, i.description]));
  return (
    <>
      <Card title={t('savings.title')} id="plan-savings">
        {sav.state === 'error' ? (
          <Alert tone="info">{govErrorMessage(sav.error, t, i18n.language)}</Alert>
        ) : !sav.data ? (
          <Loading />
        ) : (
          <>
            {/* Nothing comparable yet because a quantity is missing: only the reason, no "0,00 €". */}
            {sav.data.services.length > 0 || !sav.data.notComputed?.length ? (
              <>
                <p className="cst-gov-summary">
                  {t('savings.summary', {
                    cost: formatEuroCents(sav.data.costCents),
                    alone: formatEuroCents(sav.data.standAloneCents),
                    savings: formatEuroCents(sav.data.savingsCents),
                    percent: formatBasisPoints(sav.data.savingsBasisPoints),
                  })}
                </p>
                <DataTable
                  caption={t('savings.title')}
                  captionHidden
                  rows={sav.data.services}
                  rowKey={(s) => s.code}
                  empty={t('savings.none')}
                  columns={[
                    { key: 'n', header: t('plan.item.description'), rowHeader: true, cell: (s) => names.get(s.code) ?? s.code },
                    { key: 'm', header: t('savings.members'), numeric: true, cell: (s) => s.members },
                    { key: 'c', header: t('savings.cost'), numeric: true, cell: (s) => formatEuroCents(s.costCents) },
                    { key: 'a', header: t('savings.alone'), numeric: true, cell: (s) => formatEuroCents(s.standAloneCents) },
                    { key: 's', header: t('savings.savings'), numeric: true, cell: (s) => `${formatEuroCents(s.savingsCents)} (${formatBasisPoints(s.savingsBasisPoints)})` },
                  ]}
                />
              </>
            ) : null}
            {sav.data.notComputed?.length ? (
              <Alert tone="warning">{t('savings.notComputed', { count: sav.data.notComputed.length, items: sav.data.notComputed.map((n) => names.get(n.code) ?? n.code).join(', ') })}</Alert>
            ) : null}
            <GovCsvButton table="savings" year={plan.year} label={t('savings.exportCsv')} />
          </>
        )}
      </Card>
      <ReportButtons year={plan.year} />
      {plan.state === 'approved_by_assembly' ? <PublishReport year={plan.year} /> : null}
    </>
  );
}
