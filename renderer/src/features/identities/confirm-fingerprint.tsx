import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Peer } from '../../../../shared/domain/bundles';
import { useApi } from '../../app/api-context';
import { Fingerprint } from '../../components/fingerprint';
import { TextField } from '../../components/form-field';
import { normalizeFingerprint } from '../../../../shared/domain/fingerprint';
import { apiErrorToMessage, messageText, type Message } from '../../i18n/messages';

/** "52680 40966…", "52680-40966…" and "5268040966…" are the same fingerprint (as the backend compares it). */
export function fingerprintDigits(text: string): string {
  return normalizeFingerprint(text);
}

/**
 * The confirmation step: the person types the digits the other side reads over the phone.
 * There is no "yes" button that works on its own: a wrong or partial fingerprint is refused here,
 * next to the field, and the backend checks it again.
 */
export function ConfirmFingerprint({ peer, onConfirmed, onCancel }: { peer: Peer; onConfirmed: (peer: Peer, applied: number) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [typed, setTyped] = useState('');
  // A catalogue reference, not text: the error follows a language switch made while it shows.
  const [error, setError] = useState<Message | undefined>();
  const [busy, setBusy] = useState(false);
  const fieldId = `fp-confirm-${peer.kind}-${peer.id}`;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const digits = fingerprintDigits(typed);
    const expected = fingerprintDigits(peer.fingerprint);
    if (digits.length === 0) return setError({ key: 'peers.typeRequired' });
    if (/\D/.test(digits)) return setError({ key: 'peers.typeOnlyDigits' });
    if (digits.length !== expected.length) return setError({ key: 'peers.typeLength', params: { count: digits.length, expected: expected.length } });
    if (digits !== expected) return setError({ key: 'peers.typeMismatch' });
    setBusy(true);
    const result = await api.call('identity.confirm', { id: peer.id, fingerprint: typed.trim() });
    setBusy(false);
    if (!result.ok) return setError(apiErrorToMessage(result.error));
    onConfirmed(result.value.peer, result.value.applied.filter((r) => r.outcome === 'applied').length);
  };

  return (
    <section className="cst-confirm-box" aria-labelledby={`${fieldId}-title`}>
      <h3 className="cst-subtitle" id={`${fieldId}-title`}>
        {t('peers.confirmTitle', { name: peer.name, id: peer.id })}
      </h3>
      <p>{t('peers.fingerprintOf', { name: peer.name })}</p>
      <Fingerprint value={peer.fingerprint} />
      <ol className="cst-steps">
        <li>{t('peers.step1')}</li>
        <li>{t('peers.step2')}</li>
        <li>{t('peers.step3')}</li>
      </ol>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <TextField
          id={fieldId}
          label={t('peers.typeLabel')}
          hint={t('peers.typeHint')}
          value={typed}
          onChange={(v) => {
            setTyped(v);
            if (error) setError(undefined);
          }}
          error={error ? messageText(error, t, i18n.language) : undefined}
          required
          maxLength={100}
          spellCheck={false}
          className="cst-code"
        />
        <div className="cst-actions">
          <button type="submit" className="btn btn-primary btn-lg" disabled={busy}>
            {t('peers.confirmButton')}
          </button>
          <button type="button" className="btn btn-outline-secondary btn-lg" onClick={onCancel}>
            {t('peers.notNow')}
          </button>
        </div>
      </form>
    </section>
  );
}
