import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleFork, ForkDecision as Decision } from '../../../../shared/domain/bundles';
import { useApi } from '../../app/api-context';
import { Alert } from '../../components/alert';
import { TextAreaField } from '../../components/fields';
import { Modal } from '../../components/modal';
import { useToastStore } from '../../components/toast-store';
import { formatNumber } from '../../i18n/format';
import { apiErrorToMessage, messageText } from '../../i18n/messages';
import { forkKey, type ForkSide } from './fork-side';

/**
 * The two choices on an open fork, each behind a dialog that says exactly what will happen and
 * asks why (kept in the history). Accepting is offered only when the file carries the sender's
 * version from the disputed event on; otherwise the screen says what to ask for.
 */
export function ForkDecision({ fork, side, onDecided }: { fork: BundleFork; side: ForkSide; onDecided: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const toast = useToastStore((s) => s.show);
  const [asking, setAsking] = useState<Decision | null>(null);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const name = fork.sender.name;
  const count = Math.max(0, fork.appliedSeq - fork.seq + 1);
  const params = {
    name,
    file: fork.file.name,
    seq: formatNumber(fork.seq),
    last: formatNumber(fork.appliedSeq),
    fileLast: formatNumber(fork.file.range?.last ?? fork.seq),
    count,
  };

  const close = () => {
    setAsking(null);
    setNote('');
    setNoteError(undefined);
    setError(null);
  };

  const decide = async () => {
    if (!asking || busy) return;
    if (!note.trim()) return setNoteError(t('imports.forkNoteRequired'));
    setBusy(true);
    const r = await api.call('bundle.resolveFork', { forkNo: fork.forkNo, decision: asking, note: note.trim() });
    setBusy(false);
    if (!r.ok) {
      setError(messageText({ ...apiErrorToMessage(r.error), italian: r.error.message }, t, i18n.language));
      return;
    }
    const res = r.value.fork.resolution;
    toast(
      'success',
      asking === 'keep'
        ? { key: 'imports.forkToastKeep', params: { name } }
        : { key: 'imports.forkToastAccept', params: { name, applied: formatNumber(res?.eventsApplied ?? 0), removed: formatNumber(res?.eventsRemoved ?? 0) } },
    );
    if (r.value.alsoApplied.length > 0) toast('info', { key: 'imports.forkAlsoApplied', params: { count: r.value.alsoApplied.length } });
    close();
    onDecided();
  };

  return (
    <>
      <p className="mt-3">{fork.canAccept ? t(forkKey('forkWhatAccept', side), params) : t(forkKey('forkCannotAccept', side), params)}</p>
      <div className="cst-actions cst-fork-actions">
        <button type="button" className="btn btn-outline-primary" onClick={() => setAsking('keep')}>
          {t('imports.forkKeep')}
        </button>
        <button type="button" className="btn btn-primary" onClick={() => setAsking('accept')} disabled={!fork.canAccept}>
          {t(forkKey('forkAccept', side))}
        </button>
      </div>
      <Modal
        open={asking !== null}
        title={asking === 'accept' ? t('imports.forkAcceptTitle', params) : t('imports.forkKeepTitle', params)}
        onClose={close}
        actions={
          <>
            <button type="button" className={asking === 'accept' ? 'btn btn-danger' : 'btn btn-primary'} onClick={() => void decide()} disabled={busy}>
              {asking === 'accept' ? t(forkKey('forkAccept', side)) : t('imports.forkKeep')}
            </button>
            <button type="button" className="btn btn-outline-primary" onClick={close} data-initial-focus>
              {t('common.cancel')}
            </button>
          </>
        }
      >
        <p>{asking === 'accept' ? t(forkKey('forkAcceptText', side), params) : t(forkKey('forkKeepText', side), params)}</p>
        <TextAreaField id={`fork-note-${fork.forkNo}`} label={t('imports.forkNoteLabel')} hint={t('imports.forkNoteHint')} value={note} onChange={setNote} error={noteError} required maxLength={2000} />
        {error ? (
          <Alert tone="danger" live>
            {error}
          </Alert>
        ) : null}
      </Modal>
    </>
  );
}
