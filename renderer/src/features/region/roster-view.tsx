import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProvinceSummary, VouchedMember } from '../../../../shared/domain/federation';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import { DataTable, type Column } from '../../components/data-table';
import { splitGroups } from '../../components/fingerprint';
import { MunicipalitySearch } from './municipality-search';
import { Loading } from '../../components/loading';
import { MEMBERS_PER_PAGE } from '../../components/member-filter';
import { Pager } from '../../components/pager';
import { PageTitle } from '../../components/page-title';
import { formatNumber } from '../../i18n/format';
import { apiErrorMessage } from '../../i18n/messages';
import { Breadcrumb } from './breadcrumb';
import { ProvinceViews } from './province-view';

/**
 * Who vouches: the municipalities a province lists in its signed roster, with key id and
 * fingerprint in groups of five digits (to read over the phone), one page at a time.
 */
export function RosterView({ province }: { province: ProvinceSummary }) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const roster = useApiQuery('federation.roster.page', { province: province.id, page, pageSize: MEMBERS_PER_PAGE, ...(search.trim() ? { search: search.trim() } : {}) });
  const columns: Column<VouchedMember>[] = [
    { key: 'name', header: t('region.colMunicipality'), rowHeader: true, cell: (m) => <a href={`#/region/${province.id}/${m.istat}`}>{m.name}</a> },
    { key: 'istat', header: t('region.colIstat'), cell: (m) => m.istat },
    { key: 'keyId', header: t('region.colKeyId'), cell: (m) => <span className="cst-code">{m.keyId}</span> },
    {
      key: 'fingerprint',
      header: t('region.colFingerprint'),
      // Groups of five digits; a screen reader hears them digit by digit, as on the phone.
      cell: (m) => (
        <>
          <span className="cst-code" aria-hidden="true">
            {splitGroups(m.fingerprint).join(' ')}
          </span>
          <span className="visually-hidden">{t('fingerprint.spokenDigits', { digits: splitGroups(m.fingerprint).map((g) => g.split('').join(' ')).join(', ') })}</span>
        </>
      ),
    },
    { key: 'events', header: t('region.colEvents'), numeric: true, cell: (m) => formatNumber(m.eventsReceived) },
    { key: 'vouched', header: t('region.colVouched'), cell: (m) => <Badge tone={m.vouched ? 'success' : 'warning'}>{t(m.vouched ? 'region.vouchedYes' : 'region.vouchedNo')}</Badge> },
  ];
  const title = `${province.name} (${province.id})`;
  return (
    <>
      <PageTitle>{t('region.rosterTitle', { name: title })}</PageTitle>
      <Breadcrumb trail={[{ label: title, href: `#/region/${province.id}` }, { label: t('region.viewRoster') }]} />
      <ProvinceViews province={province} current="roster" />
      <div className="cst-region-explain">
        <p>{t('region.rosterExplain')}</p>
        <p>{t('region.rosterPhone')}</p>
      </div>
      {province.members === 0 ? (
        <Alert tone="info">{t('region.noMunicipalitiesYet')}</Alert>
      ) : (
        <>
          <MunicipalitySearch
            id="roster-search"
            value={search}
            onSearch={(v) => {
              setSearch(v);
              setPage(1);
            }}
          />
          {roster.state === 'error' ? (
            <Alert tone="danger" live>
              {apiErrorMessage(roster.error, t, i18n.language)}
            </Alert>
          ) : null}
          {roster.data ? (
            <>
              <Pager id="roster-pager" page={roster.data.page} onPage={setPage} />
              <DataTable caption={t('region.rosterCaption')} columns={columns} rows={roster.data.members} rowKey={(m) => m.istat} empty={t('region.noMunicipalities')} />
            </>
          ) : (
            <Loading />
          )}
        </>
      )}
    </>
  );
}
