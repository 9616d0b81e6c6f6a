import { useTranslation } from 'react-i18next';
import type { Proposal } from '../../../../shared/domain/proposals';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import type { ProposalStateView } from '../../../../shared/governance/proposal-state';
import { trackTone } from '../governance/gov-format';
import { DataTable, type Column } from '../../components/data-table';
import { Loading } from '../../components/loading';
import { formatDateTime, formatEuroCents } from '../../i18n/format';
import { apiErrorMessage } from '../../i18n/messages';
import { CsvExportButton } from '../csv/csv-export';
import { useProposalsStore } from './store';

/** The proposal's one state (shared/governance/proposal-state.ts): the hub's, once its bundles said it. */
export function StatusBadge({ state }: { state: ProposalStateView }) {
  const { t } = useTranslation();
  return <Badge tone={trackTone(state.stage)}>{t(`gov.state.${state.stage}`)}</Badge>;
}

/** The municipality's proposals with their status, newest change first. */
export function ProposalsList() {
  const { t, i18n } = useTranslation();
  const version = useProposalsStore((s) => s.version);
  const list = useApiQuery('proposals.list', {}, version);
  const columns: Column<Proposal>[] = [
    {
      key: 'title',
      header: t('proposals.colTitle'),
      rowHeader: true,
      cell: (p) => (
        <a href={`#/proposals/${p.id}`} className="cst-link-strong">
          {p.title}
        </a>
      ),
    },
    { key: 'status', header: t('proposals.colStatus'), cell: (p) => <StatusBadge state={p.state} /> },
    { key: 'version', header: t('proposals.colVersion'), numeric: true, cell: (p) => (p.status === 'draft' ? '—' : String(p.version)) },
    { key: 'costs', header: t('proposals.colCosts'), cell: (p) => t('proposals.costs', { oneOff: formatEuroCents(p.oneOffCents), yearly: formatEuroCents(p.yearlyCents) }) },
    { key: 'updated', header: t('proposals.colUpdated'), cell: (p) => formatDateTime(p.updatedAt) },
  ];
  const rows = [...(list.data ?? [])].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return (
    <>
      <div className="cst-actions">
        <a href="#/proposals/new" className="btn btn-primary btn-lg">
          {t('proposals.new')}
        </a>
      </div>
      {list.state === 'error' ? <Alert tone="danger">{apiErrorMessage(list.error, t, i18n.language)}</Alert> : null}
      {!list.data ? <Loading /> : <DataTable caption={t('proposals.caption')} columns={columns} rows={rows} rowKey={(p) => p.id} empty={t('proposals.empty')} />}
      {list.data && list.data.length > 0 ? (
        <div className="cst-actions">
          <CsvExportButton input={{ list: 'proposals' }} />
        </div>
      ) : null}
    </>
  );
}
