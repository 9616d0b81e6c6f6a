import { useTranslation } from 'react-i18next';
import type { PendingBundle } from '../../../../shared/domain/bundles';
import { Badge } from '../../components/badge';
import { DataTable, type Column } from '../../components/data-table';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { messageText } from '../../i18n/messages';
import { useSenderNames } from './sender-names';

/** Bundles waiting: for missing events (the range named) or for a fingerprint to be confirmed. */
export function PendingQueue({ pending }: { pending: readonly PendingBundle[] }) {
  const { t, i18n } = useTranslation();
  const senderName = useSenderNames();
  const range = (r: { first: number; last: number } | null) =>
    r ? t('bundles.rangeText', { first: formatNumber(r.first), last: formatNumber(r.last) }) : '—';
  const columns: Column<PendingBundle>[] = [
    { key: 'file', header: t('imports.colFile'), cell: (p) => <span className="cst-code">{p.file}</span>, rowHeader: true },
    { key: 'sender', header: t('imports.colSender'), cell: (p) => senderName(p.sender) },
    { key: 'received', header: t('imports.colReceived'), cell: (p) => formatDateTime(p.receivedAt) },
    { key: 'range', header: t('imports.colRange'), cell: (p) => range(p.range) },
    {
      key: 'why',
      header: t('imports.colWhy'),
      cell: (p) =>
        p.outcome === 'pending' ? (
          <>
            <Badge tone="warning">{t('imports.outcome.pending')}</Badge>{' '}
            {p.missing ? t('imports.missing', { first: formatNumber(p.missing.first), last: formatNumber(p.missing.last) }) : null}
          </>
        ) : (
          <>
            <Badge tone="warning">{t('imports.outcome.kept')}</Badge> {messageText({ key: 'imports.keptWhy', italian: p.message }, t, i18n.language)}
          </>
        ),
    },
  ];
  return (
    <>
      <p className="cst-lead">{t('imports.pendingIntro')}</p>
      <DataTable caption={t('imports.pendingCaption')} columns={columns} rows={pending} rowKey={(p) => p.sha256} empty={t('imports.pendingEmpty')} />
    </>
  );
}
