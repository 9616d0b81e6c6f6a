import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../../shared/domain/installation';
import { Badge } from '../../components/badge';
import { DataTable, type Column } from '../../components/data-table';
import { formatNumber } from '../../i18n/format';

/** The hub's members: name, province, population (Fonte: ISTAT, with its year), status. */
export interface MembersTableProps {
  members: readonly Member[];
  /** Columns after the status (the hub's exchange figures). */
  extra?: Column<Member>[];
  linkToDetail?: boolean;
  /** A finer status (no identity yet / to confirm / confirmed) when the hub's overview is known. */
  statusCell?: (m: Member) => ReactNode;
}

export function MembersTable({ members, extra = [], linkToDetail = false, statusCell }: MembersTableProps) {
  const { t } = useTranslation();
  const columns: Column<Member>[] = [
    {
      key: 'name',
      header: t('members.colName'),
      cell: (m) => (linkToDetail ? <a href={`#/members/${m.istat}`}>{m.name}</a> : m.name),
      rowHeader: true,
    },
    { key: 'province', header: t('members.colProvince'), cell: (m) => m.province },
    {
      key: 'population',
      header: t('members.colPopulation'),
      numeric: true,
      cell: (m) =>
        m.population === null ? (
          t('format.notAvailable')
        ) : (
          <>
            {formatNumber(m.population)}
            {m.populationYear ? <span className="cst-muted"> {t('members.populationYear', { year: m.populationYear })}</span> : null}
          </>
        ),
    },
    {
      key: 'status',
      header: t('members.colStatus'),
      cell: (m) =>
        statusCell ? (
          statusCell(m)
        ) : m.status === 'confirmed' ? (
          <Badge tone="success">{t('members.statusConfirmed')}</Badge>
        ) : (
          <Badge tone="warning">{t('members.statusPending')}</Badge>
        ),
    },
    ...extra,
  ];
  return (
    <>
      <DataTable
        caption={t('members.caption')}
        captionHidden
        columns={columns}
        rows={members}
        rowKey={(m) => m.istat}
        empty={t('members.empty')}
      />
      {members.length > 0 ? <p className="cst-credit">{t('members.populationNote')}</p> : null}
    </>
  );
}
