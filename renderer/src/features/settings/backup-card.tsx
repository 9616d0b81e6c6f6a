import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupAttempt, BackupEntry, BackupRestoreResult } from '../../../../shared/domain/backup';
import { takeReloadNotice } from '../../platform/reload';
import { RestoredNotice, RestoreFromFile, useBackupRestore } from './restore-backup';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import { Card } from '../../components/card';
import { DataTable, type Column } from '../../components/data-table';
import { Loading } from '../../components/loading';
import { useToastStore } from '../../components/toast-store';
import { formatDateTime } from '../../i18n/format';
import { apiErrorMessage, apiErrorToMessage, messageText, type Message } from '../../i18n/messages';
import { formatDecimal } from '../../../../shared/format/numbers';

/** Binary megabytes with one decimal: "12,0 MB". */
const sizeMb = (bytes: number) => formatDecimal(bytes / (1024 * 1024), 1, { minDecimals: 1 });

/**
 * Settings › Copie di sicurezza: the verified copies, a button to make one now, the last failure
 * in words a clerk can act on, and restoring a copy (of the list or from a file: restore-backup.tsx).
 */
export function BackupCard() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const overview = useApiQuery('backup.list', {});
  const restore = useBackupRestore();
  // Read once: after a restore the page reloaded, and says here what was done.
  const [restored] = useState(() => takeReloadNotice<BackupRestoreResult>());
  const [busy, setBusy] = useState(false);
  const [nowError, setNowError] = useState<Message | null>(null);
  const showToast = useToastStore((s) => s.show);

  const onNow = async () => {
    if (busy) return;
    setBusy(true);
    setNowError(null);
    const r = await api.call('backup.now', {});
    setBusy(false);
    overview.reload();
    if (r.ok) showToast('success', { key: 'backup.done', params: { name: r.value.name } });
    // A failed backup is shown once, in the "last attempt" box the reload brings; other refusals here.
    else if (r.error.code !== 'E_IO' && r.error.code !== 'E_DISK_FULL' && r.error.code !== 'E_DB_CORRUPT') setNowError(apiErrorToMessage(r.error));
  };

  const data = overview.data;
  const columns: Column<BackupEntry>[] = [
    { key: 'when', header: t('backup.colWhen'), cell: (b) => formatDateTime(b.takenAt), rowHeader: true },
    { key: 'name', header: t('backup.colName'), cell: (b) => <span className="cst-code">{b.name}</span> },
    { key: 'size', header: t('backup.colSize'), cell: (b) => t('backup.sizeMb', { size: sizeMb(b.sizeBytes) }), numeric: true },
    { key: 'state', header: t('backup.colState'), cell: (b) => (b.ok ? <Badge tone="success">{t('backup.stateOk')}</Badge> : <Badge tone="warning">{t('backup.stateNoKeys')}</Badge>) },
    {
      key: 'restore',
      header: t('backup.colRestore'),
      cell: (b) => (
        <button type="button" className="btn btn-outline-primary btn-sm" aria-label={t('backup.restoreRowLabel', { when: formatDateTime(b.takenAt) })} onClick={() => void restore.ask({ name: b.name })} disabled={restore.busy !== null}>
          {t('backup.restoreRow')}
        </button>
      ),
    },
  ];
  const last = data?.lastAttempt;
  const newest = data?.backups[0]?.name;
  return (
    <Card title={t('backup.title')} id="settings-backup" focusableTitle>
      <p>{t('backup.intro')}</p>
      {restored ? <RestoredNotice done={restored} /> : null}
      {overview.state === 'loading' && !data ? <Loading /> : null}
      {overview.state === 'error' ? (
        <Alert tone="danger" live>
          {apiErrorMessage(overview.error, t, i18n.language)}
        </Alert>
      ) : null}
      {last && !last.ok ? (
        <Alert tone="danger" live title={t('backup.lastFailedTitle', { when: formatDateTime(last.at) })} id="settings-backup-failure">
          {messageText(failureMessage(last, data?.folder ?? ''), t, i18n.language)}
        </Alert>
      ) : null}
      {nowError ? (
        <Alert tone="danger" live>
          {messageText(nowError, t, i18n.language)}
        </Alert>
      ) : null}
      {data ? (
        <>
          <dl className="cst-details">
            <div className="cst-detail">
              <dt>{t('backup.folder')}</dt>
              <dd className="cst-code">{data.folder}</dd>
            </div>
          </dl>
          <DataTable caption={t('backup.caption')} columns={columns} rows={data.backups} rowKey={(b) => b.name} empty={t('backup.none')} />
        </>
      ) : null}
      <div className="cst-actions">
        <button type="button" className="btn btn-primary" onClick={onNow} disabled={busy || data?.running === true}>
          {busy || data?.running ? t('backup.running') : t('backup.now')}
        </button>
      </div>
      <h3 className="cst-subtitle">{t('backup.restoreTitle')}</h3>
      <p>{t('backup.restoreText')}</p>
      <RestoreFromFile onPicked={(source) => void restore.ask(source)} disabled={restore.busy !== null} />
      {restore.busy === 'checking' ? <p role="status">{t('backup.checking')}</p> : null}
      {restore.error ? (
        <Alert tone="danger" live>
          {restore.error}
        </Alert>
      ) : null}
      {restore.dialog}
      <p>{t('backup.restoreCliText')}</p>
      <p className="cst-code">{t('backup.restoreCommand', { name: newest ?? t('backup.fileName') })}</p>
    </Card>
  );
}

/** The failure in the page's language: the backend's own sentence in Italian, by its reason in English. */
function failureMessage(attempt: BackupAttempt, folder: string): Message {
  const e = attempt.error;
  const reason = String(e?.params?.reason ?? e?.code ?? '');
  const key =
    reason === 'ENOSPC' || reason === 'SQLITE_FULL'
      ? 'backup.failNoSpace'
      : ['EACCES', 'EPERM', 'EROFS', 'SQLITE_READONLY', 'SQLITE_CANTOPEN'].includes(reason)
        ? 'backup.failReadOnly'
        : reason === 'EEXIST' || reason === 'ENOTDIR'
          ? 'backup.failNotAFolder'
          : reason === 'quick_check'
            ? 'backup.failCorrupt'
            : 'backup.failOther';
  return { key, params: { folder: String(e?.params?.folder ?? folder), reason }, ...(e?.message ? { italian: e.message } : {}) };
}
