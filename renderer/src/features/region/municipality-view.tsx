import { useTranslation } from 'react-i18next';
import type { MunicipalityUsage, ProvinceSummary } from '../../../../shared/domain/federation';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { DataTable } from '../../components/data-table';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { formatMonth } from '../../i18n/dates';
import { formatNumber } from '../../i18n/format';
import { apiErrorMessage } from '../../i18n/messages';
import { Breadcrumb } from './breadcrumb';
import { useRegionStore, yearInput } from './region-store';
import { UsageTotalsTable, YearSelect, useServiceText } from './usage-totals';

/** One municipality on the regional hub: its usage by service, and by month and service. */
export function MunicipalityView({ province, istat }: { province: ProvinceSummary; istat: string }) {
  const { t, i18n } = useTranslation();
  const year = useRegionStore((s) => s.year);
  const usage = useApiQuery('federation.usage', { ...yearInput(year), province: province.id, municipality: istat });
  const text = useServiceText();
  const m = usage.data?.municipality;
  const provinceLabel = `${province.name} (${province.id})`;
  const name = m ? m.name : istat;
  return (
    <>
      <PageTitle>{t('region.municipalityTitle', { name: m ? `${m.name} (${m.istat})` : istat })}</PageTitle>
      <Breadcrumb trail={[{ label: provinceLabel, href: `#/region/${province.id}` }, { label: name }]} />
      {usage.state === 'error' ? (
        <Alert tone="danger" live>
          {apiErrorMessage(usage.error, t, i18n.language)}
        </Alert>
      ) : null}
      <YearSelect id="municipality-year" />
      {m ? (
        <>
          <section aria-labelledby="municipality-totals-title">
            <h2 className="cst-subtitle" id="municipality-totals-title">
              {year === null ? t('region.provinceTotalsTitle', { name: m.name }) : t('region.provinceTotalsTitleYear', { name: m.name, year })}
            </h2>
            <UsageTotalsTable totals={m.totals} caption={t('region.totalsCaption')} over="months" />
          </section>
          {m.byMonth.length > 0 ? (
            <section aria-labelledby="municipality-months-title">
              <h2 className="cst-subtitle" id="municipality-months-title">
                {t('region.byMonthTitle')}
              </h2>
              <DataTable<MunicipalityUsage['byMonth'][number]>
                caption={t('region.byMonthCaption')}
                columns={[
                  { key: 'month', header: t('region.colMonth'), rowHeader: true, cell: (r) => formatMonth(r.month, i18n.language) },
                  { key: 'service', header: t('region.colService'), cell: (r) => text.name(r.service) },
                  { key: 'entries', header: t('region.colEntries'), numeric: true, cell: (r) => formatNumber(r.entries) },
                  { key: 'quantity', header: t('region.colQuantity'), numeric: true, cell: (r) => text.quantity(r.service, r.quantityMilli) },
                ]}
                rows={m.byMonth}
                rowKey={(r) => `${r.month}-${r.service}`}
                empty={t('region.noUsage')}
              />
            </section>
          ) : null}
        </>
      ) : usage.state === 'loading' ? (
        <Loading />
      ) : null}
    </>
  );
}
