import { useTranslation } from 'react-i18next';
import type { BundleHistory } from '../../../../shared/domain/bundles';
import { Badge } from '../../components/badge';
import { DataTable, type Column } from '../../components/data-table';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { formatBytes } from '../../../../shared/format/numbers';

type ExportRow = BundleHistory['exports'][number];

/** The bundles written by this installation: when, which events, how big, acknowledged or not. */
export function ExportHistory({ exports, showRecipient = false }: { exports: readonly ExportRow[]; showRecipient?: boolean }) {
  const { t } = useTranslation();
  const columns: Column<ExportRow>[] = [
    { key: 'when', header: t('bundles.colWhen'), cell: (e) => formatDateTime(e.createdAt), rowHeader: true },
    ...(showRecipient ? [{ key: 'to', header: t('bundles.colRecipient'), cell: (e: ExportRow) => e.recipient.id }] : []),
    { key: 'range', header: t('bundles.colRange'), cell: (e) => t('bundles.rangeText', { first: formatNumber(e.range.first), last: formatNumber(e.range.last) }) },
    { key: 'events', header: t('bundles.colEvents'), numeric: true, cell: (e) => formatNumber(e.events) },
    { key: 'size', header: t('bundles.colSize'), numeric: true, cell: (e) => formatBytes(e.bytes) },
    { key: 'file', header: t('bundles.colFile'), cell: (e) => <span className="cst-code">{e.fileName}</span> },
    {
      key: 'ack',
      header: t('bundles.colAck'),
      cell: (e) =>
        e.acknowledged ? (
          <Badge tone="success">{e.acknowledgedAt ? t('bundles.ackAt', { date: formatDateTime(e.acknowledgedAt) }) : t('bundles.ackYes')}</Badge>
        ) : (
          <Badge tone="warning">{t('bundles.ackNo')}</Badge>
        ),
    },
  ];
  return (
    <DataTable
      caption={t('bundles.historyCaption')}
      columns={columns}
      rows={[...exports].sort((a, b) => b.createdAt.localeCompare(a.createdAt))}
      rowKey={(e) => e.bundleId}
      empty={t('bundles.historyEmpty')}
    />
  );
}
