import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { SubNav } from '../../components/sub-nav';
import { todayIso } from '../../i18n/dates';
import { apiErrorMessage } from '../../i18n/messages';
import { CsvExportButton } from '../csv/csv-export';
import { CsvImport } from '../csv/csv-import';
import { filtersInput, useUsageStore } from './store';
import { UsageDeleteDialog, UsageEditDialog } from './usage-edit-dialog';
import { UsageEntryForm } from './usage-entry-form';
import { UsageList } from './usage-list';
import { UsageMonthly } from './usage-monthly';
import { UsageTrend } from './usage-trend';
import { DeletedLink } from '../history/deleted-link';

/** "Utilizzo servizi": quick entry and list, monthly table, 12-month charts, CSV. */
export function UsagePage({ view }: { view: string }) {
  const { t, i18n } = useTranslation();
  const catalogue = useApiQuery('catalogue.list', {});
  const services = catalogue.data ?? [];
  const filters = useUsageStore((s) => s.filters);
  const changed = useUsageStore((s) => s.changed);
  const current = view === 'monthly' || view === 'trend' || view === 'csv' ? view : '';
  const hasFilters = Object.keys(filtersInput(filters)).length > 0;
  return (
    <>
      <PageTitle>{t('usage.title')}</PageTitle>
      <p className="cst-lead">{t('usage.intro')}</p>
      <SubNav
        label={t('usage.views')}
        currentPath={current ? `/usage/${current}` : '/usage'}
        items={[
          { path: '/usage', label: t('usage.viewEntry') },
          { path: '/usage/monthly', label: t('usage.viewMonthly') },
          { path: '/usage/trend', label: t('usage.viewTrend') },
          { path: '/usage/csv', label: t('usage.viewCsv') },
        ]}
      />
      {catalogue.state === 'error' ? (
        <Alert tone="danger" live>
          {apiErrorMessage(catalogue.error, t, i18n.language)}
        </Alert>
      ) : null}
      {!catalogue.data && catalogue.state === 'loading' ? <Loading /> : null}
      {catalogue.data ? (
        <>
          {current === '' ? (
            <>
              <UsageEntryForm services={services} />
              <UsageList services={services} />
              <UsageEditDialog services={services} />
              <UsageDeleteDialog services={services} />
              <DeletedLink kind="usage" />
            </>
          ) : null}
          {current === 'monthly' ? <UsageMonthly services={services} currentYear={Number(todayIso().slice(0, 4))} /> : null}
          {current === 'trend' ? <UsageTrend services={services} /> : null}
          {current === 'csv' ? (
            <>
              <Card title={t('usage.csvImportTitle')} id="usage-csv-import">
                <p>{t('usage.csvImportIntro')}</p>
                <p className="cst-hint">{t('usage.csvColumns')}</p>
                <CsvImport kind="usage" onImported={changed} />
              </Card>
              <Card title={t('usage.csvExportTitle')} id="usage-csv-export">
                <p>{t('usage.csvExportIntro', { filters: hasFilters ? t('usage.csvExportFiltered') : t('usage.csvExportAll') })}</p>
                <CsvExportButton input={{ list: 'usage', ...(hasFilters ? { usageFilters: filtersInput(filters) } : {}) }} />
              </Card>
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}
