import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProvinceSummary, RegionUsage } from '../../../../shared/domain/federation';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { DataTable, type Column } from '../../components/data-table';
import { MunicipalitySearch } from './municipality-search';
import { Loading } from '../../components/loading';
import { MEMBERS_PER_PAGE } from '../../components/member-filter';
import { Pager } from '../../components/pager';
import { PageTitle } from '../../components/page-title';
import { SubNav } from '../../components/sub-nav';
import { formatNumber } from '../../i18n/format';
import { apiErrorMessage } from '../../i18n/messages';
import { Breadcrumb } from './breadcrumb';
import { useRegionStore, yearInput } from './region-store';
import { UsageTotalsTable, YearSelect, useServiceText } from './usage-totals';

type Municipality = RegionUsage['provinces'][number]['municipalities'][number];

/** "Comuni e utilizzo" and "Chi garantisce i comuni": the two views of a province. */
export function ProvinceViews({ province, current }: { province: ProvinceSummary; current: 'usage' | 'roster' }) {
  const { t } = useTranslation();
  const base = `/region/${province.id}`;
  return (
    <SubNav
      label={t('region.viewsLabel')}
      items={[
        { path: base, label: t('region.viewUsage') },
        { path: `${base}/garanti`, label: t('region.viewRoster') },
      ]}
      currentPath={current === 'usage' ? base : `${base}/garanti`}
    />
  );
}

/**
 * One province: its totals by service for the year, and its municipalities one page at a time
 * (search by name or ISTAT code on the server), each with its entries by service.
 */
export function ProvinceView({ province }: { province: ProvinceSummary }) {
  const { t, i18n } = useTranslation();
  const year = useRegionStore((s) => s.year);
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const usage = useApiQuery('federation.usage', { ...yearInput(year), province: province.id, page, pageSize: MEMBERS_PER_PAGE, ...(search.trim() ? { search: search.trim() } : {}) });
  const text = useServiceText();
  const data = usage.data?.provinces[0];
  const columns: Column<Municipality>[] = [
    { key: 'name', header: t('region.colMunicipality'), rowHeader: true, cell: (m) => <a href={`#/region/${province.id}/${m.istat}`}>{m.name}</a> },
    { key: 'istat', header: t('region.colIstat'), cell: (m) => m.istat },
    { key: 'entries', header: t('region.colEntries'), numeric: true, cell: (m) => formatNumber(m.totals.entries) },
    {
      key: 'services',
      header: t('region.colService'),
      cell: (m) => (m.totals.byService.length ? m.totals.byService.map((s) => `${text.name(s.service)}: ${text.quantity(s.service, s.quantityMilli, { measure: s.measure, over: 'months' })}`).join('; ') : '—'),
    },
  ];
  const title = `${province.name} (${province.id})`;
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <Breadcrumb trail={[{ label: title }]} />
      <ProvinceViews province={province} current="usage" />
      {usage.state === 'error' ? (
        <Alert tone="danger" live>
          {apiErrorMessage(usage.error, t, i18n.language)}
        </Alert>
      ) : null}
      <section aria-labelledby="province-totals-title">
        <h2 className="cst-subtitle" id="province-totals-title">
          {year === null ? t('region.provinceTotalsTitle', { name: province.name }) : t('region.provinceTotalsTitleYear', { name: province.name, year })}
        </h2>
        <YearSelect id="province-year" />
        {data ? <UsageTotalsTable totals={data.totals} caption={t('region.totalsCaption')} over="municipalities" /> : <Loading />}
      </section>
      <section aria-labelledby="province-municipalities-title">
        <h2 className="cst-subtitle" id="province-municipalities-title">
          {t('region.municipalitiesTitle', { name: province.name })}
        </h2>
        {province.members === 0 ? (
          <Alert tone="info">{t('region.noMunicipalitiesYet')}</Alert>
        ) : (
          <>
            <MunicipalitySearch
              id="province-search"
              value={search}
              onSearch={(v) => {
                setSearch(v);
                setPage(1);
              }}
            />
            {data ? (
              <>
                <Pager id="province-pager" page={usage.data?.page} onPage={setPage} />
                <DataTable caption={t('region.municipalitiesCaption')} columns={columns} rows={data.municipalities} rowKey={(m) => m.istat} empty={t('region.noMunicipalities')} />
              </>
            ) : null}
          </>
        )}
      </section>
    </>
  );
}
