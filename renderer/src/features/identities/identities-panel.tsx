import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Peer } from '../../../../shared/domain/bundles';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import { Card } from '../../components/card';
import type { Column } from '../../components/data-table';
import { PagedTable } from '../../components/paged-table';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { apiErrorMessage, messageText, type Message } from '../../i18n/messages';
import type { PickedFile } from '../../platform/read-file';
import { FileDrop } from '../bundles/file-drop';
import { ConfirmFingerprint } from './confirm-fingerprint';
import { GlossaryLink } from '../help/glossary-link';

/**
 * The other side's identities (.cstid): import, read the fingerprint over the phone, confirm.
 * Nothing is trusted until a person typed the same 30 digits the other side reads out.
 */
export function IdentitiesPanel({ onChanged }: { onChanged?: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const peers = useApiQuery('peers.list', {});
  const [checking, setChecking] = useState<Peer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Message | null>(null);

  const onFiles = async (files: PickedFile[]) => {
    const file = files[0];
    if (!file) return;
    setError(null);
    setDone(null);
    const result = await api.call('identity.import', { contentBase64: file.contentBase64, fileName: file.name });
    if (!result.ok) {
      setError(apiErrorMessage(result.error, t, i18n.language));
      return;
    }
    peers.reload();
    setChecking(result.value.status === 'pending' ? result.value : null);
    if (result.value.status === 'confirmed') setDone({ key: 'peers.alreadyConfirmed', params: { name: result.value.name } });
  };

  const onConfirmed = (peer: Peer, applied: number) => {
    setChecking(null);
    setDone(applied > 0 ? { key: 'peers.confirmedApplied', params: { name: peer.name, count: applied } } : { key: 'peers.confirmed', params: { name: peer.name } });
    peers.reload();
    onChanged?.();
  };

  const columns: Column<Peer>[] = [
    { key: 'name', header: t('peers.colName'), cell: (p) => p.name, rowHeader: true },
    { key: 'id', header: t('peers.colId'), cell: (p) => <span className="cst-code">{p.id}</span> },
    { key: 'kind', header: t('peers.colKind'), cell: (p) => t(`role.${p.kind}`) },
    {
      key: 'status',
      header: t('peers.colStatus'),
      cell: (p) =>
        p.status === 'confirmed' ? (
          <Badge tone="success">{t('peers.statusConfirmed')}</Badge>
        ) : (
          <Badge tone="warning">{t('peers.statusPending')}</Badge>
        ),
    },
    { key: 'when', header: t('peers.colWhen'), cell: (p) => formatDateTime(p.confirmedAt ?? p.importedAt) },
    { key: 'waiting', header: t('peers.colWaiting'), numeric: true, cell: (p) => formatNumber(p.waitingBundles) },
    {
      key: 'action',
      header: t('peers.colAction'),
      cell: (p) =>
        p.status === 'pending' ? (
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setChecking(p)}>
            {t('peers.check', { name: p.name })}
          </button>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Card title={t('peers.title')} id="peers">
      <p>{t('peers.intro')}</p>
      <p>
        <GlossaryLink term="impronta" />
      </p>
      <FileDrop label={t('peers.pick')} hint={t('peers.dropHint')} accept=".cstid" onFiles={(f) => void onFiles(f)} />
      {error ? (
        <Alert tone="danger" live>
          {error}
        </Alert>
      ) : null}
      {done ? (
        <Alert tone="success" live>
          {messageText(done, t, i18n.language)}
        </Alert>
      ) : null}
      {checking ? <ConfirmFingerprint peer={checking} onConfirmed={onConfirmed} onCancel={() => setChecking(null)} /> : null}
      {peers.state === 'error' ? (
        <Alert tone="danger" live>
          {apiErrorMessage(peers.error, t, i18n.language)}
        </Alert>
      ) : null}
      {peers.data ? (
        <PagedTable caption={t('peers.caption')} columns={columns} rows={peers.data} rowKey={(p) => `${p.kind}:${p.id}`} empty={t('peers.empty')} />
      ) : null}
    </Card>
  );
}
