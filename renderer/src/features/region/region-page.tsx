import { useTranslation } from 'react-i18next';
import type { ProvinceSummary } from '../../../../shared/domain/federation';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import { DataTable, type Column } from '../../components/data-table';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { apiErrorMessage } from '../../i18n/messages';
import { Breadcrumb } from './breadcrumb';
import { MunicipalityView } from './municipality-view';
import { ProvinceView } from './province-view';
import { RosterView } from './roster-view';
import { useRegionStore, yearInput } from './region-store';
import { UsageTotalsTable, YearSelect } from './usage-totals';
import './region.css';

/** The sub-paths of "Regione": `` the provinces; `CST-PU` one province; `CST-PU/garanti` who vouches; `CST-PU/041067` one municipality. */
export function parseRegionPath(sub: string): { province?: string; municipality?: string; roster?: boolean } {
  const [province, rest] = sub.split('/');
  if (!province) return {};
  if (rest === 'garanti') return { province, roster: true };
  if (rest && /^\d{6}$/.test(rest)) return { province, municipality: rest };
  return { province };
}

/**
 * Regional hub, "Regione" (docs/federation.md, issue 12): the confirmed provinces and the region's
 * totals; a province's municipalities (one page, searched on the server) and totals; a
 * municipality by service and month; who vouches for each municipality. Read-only.
 */
export function RegionPage({ sub }: { sub: string }) {
  const { t, i18n } = useTranslation();
  const provinces = useApiQuery('federation.provinces', {});
  const where = parseRegionPath(sub);
  if (provinces.state === 'error') {
    return (
      <>
        <PageTitle>{t('region.title')}</PageTitle>
        <Alert tone="danger" live>
          {apiErrorMessage(provinces.error, t, i18n.language)}
        </Alert>
      </>
    );
  }
  if (!provinces.data) return <Loading />;
  const province = where.province ? provinces.data.find((p) => p.id === where.province) : undefined;
  if (where.province && !province) {
    return (
      <>
        <PageTitle>{t('region.title')}</PageTitle>
        <Breadcrumb trail={[]} />
        <Alert tone="warning">{t('region.provinceUnknown', { id: where.province })}</Alert>
      </>
    );
  }
  if (province && where.municipality) return <MunicipalityView province={province} istat={where.municipality} />;
  if (province && where.roster) return <RosterView province={province} />;
  if (province) return <ProvinceView province={province} />;
  return <RegionOverview provinces={provinces.data} />;
}

function RegionOverview({ provinces }: { provinces: ProvinceSummary[] }) {
  const { t, i18n } = useTranslation();
  const year = useRegionStore((s) => s.year);
  // The totals alone: the municipalities are listed a page at a time, on a province's page.
  const usage = useApiQuery('federation.usage', { ...yearInput(year), totalsOnly: true });
  const confirmed = provinces.filter((p) => p.status === 'confirmed');
  const pending = provinces.length - confirmed.length;
  const columns: Column<ProvinceSummary>[] = [
    {
      key: 'name',
      header: t('region.colProvince'),
      rowHeader: true,
      cell: (p) => (p.status === 'confirmed' ? <a href={`#/region/${p.id}`}>{`${p.name} (${p.id})`}</a> : `${p.name} (${p.id})`),
    },
    { key: 'status', header: t('region.colStatus'), cell: (p) => <Badge tone={p.status === 'confirmed' ? 'success' : 'warning'}>{t(p.status === 'confirmed' ? 'region.statusConfirmed' : 'region.statusPending')}</Badge> },
    // The roster's serial is a large number only a machine compares: the clerk reads its date.
    { key: 'roster', header: t('region.colRoster'), cell: (p) => (p.rosterAt ? formatDateTime(p.rosterAt) : t('region.noRoster')) },
    { key: 'members', header: t('region.colMembers'), numeric: true, cell: (p) => formatNumber(p.members) },
    { key: 'withData', header: t('region.colWithData'), numeric: true, cell: (p) => formatNumber(p.membersWithData) },
    { key: 'events', header: t('region.colEvents'), numeric: true, cell: (p) => formatNumber(p.eventsReceived) },
    { key: 'last', header: t('region.colLastReceived'), cell: (p) => (p.lastReceivedAt ? formatDateTime(p.lastReceivedAt) : t('region.never')) },
  ];
  return (
    <>
      <PageTitle>{t('region.title')}</PageTitle>
      <p className="cst-lead">{t('region.intro')}</p>
      {confirmed.length === 0 ? <Alert tone="info">{t('region.empty')}</Alert> : null}
      {pending > 0 ? <Alert tone="warning">{t('region.pendingNote', { count: pending })}</Alert> : null}
      {provinces.length > 0 ? (
        <section aria-labelledby="region-provinces-title">
          <h2 className="cst-subtitle" id="region-provinces-title">
            {t('region.provincesTitle')}
          </h2>
          <DataTable caption={t('region.provincesCaption')} columns={columns} rows={provinces} rowKey={(p) => p.id} empty={t('region.empty')} />
        </section>
      ) : null}
      {confirmed.length > 0 ? (
        <section aria-labelledby="region-totals-title">
          <h2 className="cst-subtitle" id="region-totals-title">
            {year === null ? t('region.totalsTitle') : t('region.totalsTitleYear', { year })}
          </h2>
          <YearSelect id="region-year" />
          {usage.state === 'error' ? (
            <Alert tone="danger" live>
              {apiErrorMessage(usage.error, t, i18n.language)}
            </Alert>
          ) : null}
          {usage.data ? <UsageTotalsTable totals={usage.data.region} caption={t('region.totalsCaption')} over="municipalities" /> : <Loading />}
        </section>
      ) : null}
    </>
  );
}
