import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkSyncStatus } from '../../../../shared/domain/network-sync';
import { useApi } from '../../app/api-context';
import { useAppStatus } from '../../app/status-context';
import { useFormErrors } from '../../app/use-form-errors';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { TextField } from '../../components/form-field';
import { Loading } from '../../components/loading';
import { useToastStore } from '../../components/toast-store';
import { formatDateTime } from '../../i18n/format';
import { apiErrorToMessage, messageText, type Message } from '../../i18n/messages';
import { nativeChooseSyncFolder } from '../../platform/api';
import { ProgressBar } from '../csv/task-progress';
import { useSyncStore } from './sync-store';
import { retryText, syncMessageText, transferText } from './sync-words';
import './sync.css';

/** The section's id: its heading (`settings-sync-title`) takes focus when the indicator leads here. */
export const SYNC_SECTION_ID = 'settings-sync';
const MAILBOX_FIELD = 'sync-mailbox';

/**
 * Settings › Sincronizzazione di rete: where sync stands (in words, with what waits and the
 * transfer's progress), "Sincronizza ora", the server's address (checked by the core; empty
 * removes it) and the shared folder (chosen with Electron's own dialog only).
 */
export function NetworkSyncCard() {
  const { t } = useTranslation();
  const { status: app } = useAppStatus();
  const status = useSyncStore((s) => s.status);
  const hub = app.installation?.role === 'hub';
  return (
    <Card title={t('netSync.title')} id={SYNC_SECTION_ID} focusableTitle>
      <p>{t(hub ? 'netSync.introHub' : 'netSync.intro')}</p>
      {status ? (
        <>
          <SyncStatusBlock status={status} hub={hub} />
          <MailboxForm status={status} />
          <SharedFolder status={status} />
        </>
      ) : (
        <Loading />
      )}
    </Card>
  );
}

function SyncStatusBlock({ status, hub }: { status: NetworkSyncStatus; hub: boolean }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const update = useSyncStore((s) => s.update);
  const syncingNow = useSyncStore((s) => s.syncingNow);
  const setSyncingNow = useSyncStore((s) => s.setSyncingNow);
  const [nowError, setNowError] = useState<Message | null>(null);
  const showToast = useToastStore((s) => s.show);
  const now = new Date().toISOString();
  const running = syncingNow || status.state === 'syncing';
  const off = status.state === 'off';

  const onNow = async () => {
    if (running || off) return;
    setSyncingNow(true);
    setNowError(null);
    const r = await api.call('sync.now', {});
    setSyncingNow(false);
    if (!r.ok) {
      setNowError(apiErrorToMessage(r.error));
      return;
    }
    update(r.value);
    // Offline or refused, the status above says why; a toast "done" would contradict it.
    if (r.value.state === 'idle') showToast('success', { key: 'netSync.nowDone' });
  };

  const stateText = status.state === 'idle' && !status.lastSuccessAt ? t('netSync.state.waiting') : t(`netSync.state.${status.state}`);
  const retry = retryText(status, t, now);
  const problem = status.state === 'offline' || status.state === 'error';
  return (
    <div className="cst-sync-status">
      <h3 className="cst-subtitle">{t('netSync.statusTitle')}</h3>
      {running ? (
        // One line while it runs: the transfer's bytes when there is one, else that it runs.
        status.transfer ? (
          <ProgressBar id="sync-progress" text={transferText(status.transfer, t)} done={status.transfer.done} total={status.transfer.total} />
        ) : (
          <ProgressBar id="sync-progress" text={t('netSync.nowRunning')} />
        )
      ) : problem ? (
        // The agent's own words first ("Il server del consorzio non risponde."), then when it tries again.
        <Alert tone={status.state === 'error' ? 'danger' : 'warning'} title={status.lastError ? syncMessageText(status.lastError, i18n.language) : stateText}>
          {retry || status.state === 'offline' ? <p className="mb-0">{[retry, status.state === 'offline' ? t('netSync.reassure') : null].filter(Boolean).join(' ')}</p> : null}
        </Alert>
      ) : (
        <p className="cst-sync-state">{stateText}</p>
      )}
      {off ? null : (
        <dl className="cst-details">
          <Detail term={t('netSync.lastSuccess')}>{status.lastSuccessAt ? formatDateTime(status.lastSuccessAt) : t('netSync.never')}</Detail>
          {status.nextAttemptAt && !running && !retry ? <Detail term={t('netSync.nextAttempt')}>{formatDateTime(status.nextAttemptAt)}</Detail> : null}
          <Detail term={t('netSync.toSend')}>{status.eventsToSend > 0 ? t('netSync.eventsToSend', { count: status.eventsToSend }) : t('netSync.toSendNothing')}</Detail>
          {status.bundlesToApply > 0 ? (
            <Detail term={t('netSync.toApply')}>{t(hub ? 'netSync.bundlesToApplyHub' : 'netSync.bundlesToApply', { count: status.bundlesToApply })}</Detail>
          ) : null}
          {status.lastRound ? (
            <Detail term={t('netSync.lastRound')}>
              {t('netSync.lastRoundText', {
                when: formatDateTime(status.lastRound.at),
                sent: status.lastRound.sent,
                received: status.lastRound.received,
                applied: status.lastRound.applied,
              })}
            </Detail>
          ) : null}
        </dl>
      )}
      {nowError ? (
        <Alert tone="danger" live>
          {messageText(nowError, t, i18n.language)}
        </Alert>
      ) : null}
      {/* Off, there is nothing to sync with: the sentence above says to write the address below. */}
      {off ? null : (
        <div className="cst-actions">
          <button type="button" className="btn btn-primary btn-lg" onClick={() => void onNow()} disabled={running}>
            {t('netSync.now')}
          </button>
        </div>
      )}
    </div>
  );
}

function MailboxForm({ status }: { status: NetworkSyncStatus }) {
  const { t } = useTranslation();
  const api = useApi();
  const update = useSyncStore((s) => s.update);
  const showToast = useToastStore((s) => s.show);
  const errors = useFormErrors({ mailbox: MAILBOX_FIELD });
  // The hub's announced address is shown beside the field, not in it: the field is this PC's own.
  const own = status.mailboxFromHub ? '' : (status.mailbox ?? '');
  const [typed, setTyped] = useState(own);
  const [saving, setSaving] = useState(false);
  const shownFor = useRef(own);
  // The address changed elsewhere (the CLI, another window) while the field was untouched.
  useEffect(() => {
    const before = shownFor.current;
    shownFor.current = own;
    setTyped((current) => (current === before ? own : current));
  }, [own]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    const value = typed.trim();
    if (value === own) {
      errors.reset();
      showToast('info', { key: 'netSync.unchanged' });
      return;
    }
    setSaving(true);
    const r = await api.call('sync.configure', { mailbox: value === '' ? null : value });
    setSaving(false);
    if (!r.ok) {
      errors.showApiError(r.error);
      return;
    }
    errors.reset();
    const saved = r.value.mailboxFromHub ? '' : (r.value.mailbox ?? '');
    shownFor.current = saved;
    setTyped(saved);
    update(r.value);
    showToast('success', { key: value === '' ? 'netSync.removed' : 'netSync.saved' });
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <h3 className="cst-subtitle">{t('netSync.settingsTitle')}</h3>
      {status.mailboxFromHub && status.mailbox ? <p>{t('netSync.mailboxFromHub', { url: status.mailbox })}</p> : null}
      <TextField
        id={MAILBOX_FIELD}
        label={t('netSync.mailbox')}
        hint={t('netSync.mailboxHint')}
        value={typed}
        onChange={(v) => {
          setTyped(v);
          errors.clear('mailbox');
        }}
        error={errors.text('mailbox')}
        autoComplete="url"
        spellCheck={false}
        maxLength={300}
      />
      {errors.formText ? (
        <Alert tone="danger" live>
          {errors.formText}
        </Alert>
      ) : null}
      <div className="cst-actions">
        <button type="submit" className="btn btn-outline-primary btn-lg" disabled={saving}>
          {saving ? t('netSync.saving') : t('netSync.save')}
        </button>
      </div>
    </form>
  );
}

function SharedFolder({ status }: { status: NetworkSyncStatus }) {
  const { t } = useTranslation();
  const update = useSyncStore((s) => s.update);
  const showToast = useToastStore((s) => s.show);
  const [choosing, setChoosing] = useState(false);
  const choose = nativeChooseSyncFolder();

  const onChoose = async () => {
    if (!choose || choosing) return;
    setChoosing(true);
    const r = await choose();
    setChoosing(false);
    if (r.chosen) {
      update(r.status);
      showToast('success', { key: 'netSync.folderChosen', params: { folder: r.folder } });
    } else if (r.error) {
      showToast('danger', { key: 'netSync.folderFailed', params: { reason: r.error } });
    }
  };

  return (
    <>
      <h3 className="cst-subtitle">{t('netSync.folder')}</h3>
      <p className={status.folder ? 'cst-code' : undefined}>{status.folder ?? t('netSync.folderNone')}</p>
      <p className="cst-hint" id="sync-folder-hint">
        {t('netSync.folderHint')} {choose ? null : t('netSync.folderHintBrowser')}
      </p>
      {choose ? (
        <div className="cst-sync-folder-actions">
          <button type="button" className="btn btn-outline-primary" onClick={() => void onChoose()} disabled={choosing} aria-describedby="sync-folder-hint">
            {t('netSync.chooseFolder')}
          </button>
        </div>
      ) : null}
    </>
  );
}

function Detail({ term, children, code = false }: { term: string; children: ReactNode; code?: boolean }) {
  return (
    <div className="cst-detail">
      <dt>{term}</dt>
      <dd className={code ? 'cst-code' : undefined}>{children}</dd>
    </div>
  );
}
