import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupRestorePreview, BackupRestoreResult, BackupRestoreSource } from '../../../../shared/domain/backup';
import { useApi } from '../../app/api-context';
import { Alert } from '../../components/alert';
import { FileField } from '../../components/file-field';
import { Modal } from '../../components/modal';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { apiErrorMessage } from '../../i18n/messages';
import { readFileAsBase64 } from '../../platform/read-file';
import { reloadWithNotice } from '../../platform/reload';

/**
 * Restoring a backup from the window (issue 13, item 12): a copy of the list (its "Ripristina"
 * button) or a file chosen here (a copy kept elsewhere, sent as bytes: the window never names a
 * path). The backend checks it as `cst backup restore` does and says what it holds; the
 * confirmation says what will happen; then the backend saves the current data as a backup,
 * puts the copy in place and reopens its store, and the page reloads.
 */
export function useBackupRestore() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [asked, setAsked] = useState<{ source: BackupRestoreSource; preview: BackupRestorePreview } | null>(null);
  const [busy, setBusy] = useState<'checking' | 'restoring' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const ask = async (source: BackupRestoreSource) => {
    if (busy) return;
    setBusy('checking');
    setError(null);
    const r = await api.call('backup.restorePreview', source);
    setBusy(null);
    if (r.ok) setAsked({ source, preview: r.value });
    else setError(apiErrorMessage(r.error, t, i18n.language));
  };

  const confirm = async () => {
    if (!asked || busy) return;
    setBusy('restoring');
    const r = await api.call('backup.restore', asked.source);
    if (r.ok) {
      reloadWithNotice(r.value);
      return;
    }
    setBusy(null);
    setAsked(null);
    setError(apiErrorMessage(r.error, t, i18n.language));
  };

  const dialog = <RestoreDialog asked={asked?.preview ?? null} busy={busy === 'restoring'} onConfirm={() => void confirm()} onCancel={() => setAsked(null)} />;
  return { ask, busy, error, dialog };
}

function RestoreDialog({ asked, busy, onConfirm, onCancel }: { asked: BackupRestorePreview | null; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const p = asked;
  const when = p?.takenAt ? formatDateTime(p.takenAt) : null;
  const lost = p ? p.current.events - p.copy.events : 0;
  return (
    <Modal
      open={p !== null}
      title={when ? t('backup.confirmTitle', { when }) : t('backup.confirmTitleFile', { name: p?.source.kind === 'file' ? p.source.fileName : '' })}
      onClose={onCancel}
      actions={
        <>
          {/* "Annulla" first: the safe choice is the one a hurried Enter takes. */}
          <button type="button" className="btn btn-outline-primary" onClick={onCancel} autoFocus disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="button" className="btn btn-danger" onClick={onConfirm} disabled={busy}>
            {busy ? t('backup.restoring') : t('backup.confirmRestore')}
          </button>
        </>
      }
    >
      {p ? (
        <ul className="cst-restore-facts">
          <li>{t(p.installation.role === 'hub' ? 'backup.confirmWhoHub' : 'backup.confirmWho', { name: p.installation.name, id: p.installation.id })}</li>
          <li>
            {t('backup.confirmCopy', { n: formatNumber(p.copy.events) })}
            {p.copy.lastEventAt ? ` ${t('backup.confirmLast', { when: formatDateTime(p.copy.lastEventAt) })}` : '.'}
          </li>
          <li>
            {t('backup.confirmCurrent', { n: formatNumber(p.current.events) })}
            {p.current.lastEventAt ? ` ${t('backup.confirmLast', { when: formatDateTime(p.current.lastEventAt) })}` : '.'}
            {lost > 0 ? ` ${t('backup.confirmLost', { count: lost, n: formatNumber(lost) })}` : ''}
          </li>
          <li>{t('backup.confirmSavedFirst')}</li>
          <li>{t(p.installation.role === 'hub' ? 'backup.confirmAfterHub' : 'backup.confirmAfter')}</li>
        </ul>
      ) : null}
    </Modal>
  );
}

/** "Ripristina da un file": a copy kept elsewhere (a USB stick), read by the page and sent as bytes. */
export function RestoreFromFile({ onPicked, disabled }: { onPicked: (source: BackupRestoreSource) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const inputId = useId();
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const picked = await readFileAsBase64(file);
    onPicked({ fileName: picked.name, contentBase64: picked.contentBase64 });
  };
  return <FileField id={inputId} label={t('backup.fromFile')} hint={t('backup.fromFileHint')} accept=".sqlite" disabled={disabled} onFiles={(files) => void onFile(files[0])} />;
}

/** After the reload: what was restored, where the data of before are, what to do next. */
export function RestoredNotice({ done }: { done: BackupRestoreResult }) {
  const { t } = useTranslation();
  return (
    <Alert tone="success" live title={done.takenAt ? t('backup.restoredTitle', { when: formatDateTime(done.takenAt) }) : t('backup.restoredTitleFile', { name: done.restored })}>
      <p>{done.savedFirst ? t('backup.restoredSavedFirst', { name: done.savedFirst }) : t('backup.restoredDamagedAside', { name: done.movedAside ?? '' })}</p>
      <p className="mb-0">{t(done.role === 'hub' ? 'backup.restoredNextHub' : 'backup.restoredNext')}</p>
    </Alert>
  );
}
