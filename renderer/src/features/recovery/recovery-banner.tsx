import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryApplyResult, RecoveryStatus } from '../../../../shared/domain/recovery';
import { useApi } from '../../app/api-context';
import { Alert } from '../../components/alert';
import { formatNumber } from '../../i18n/format';
import { apiErrorMessage } from '../../i18n/messages';
import type { PickedFile } from '../../platform/read-file';
import { FileDrop } from '../bundles/file-drop';
import './recovery.css';

/**
 * The municipality's Home when a restore from an old backup lost events the consortium already
 * holds (docs/design.md "Restores"): a red banner saying exactly what to do, with the file picker for
 * the consortium's recovery bundle. Writes are refused (E_RECOVERY_NEEDED) until it is applied.
 * `status` is recovery.status, read by the page (which reads it again after `onRecovered`).
 */
export function RecoveryBanner({ status: s, onRecovered }: { status: RecoveryStatus | undefined; onRecovered: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<RecoveryApplyResult | null>(null);

  const onFiles = async (files: PickedFile[]) => {
    const file = files[0];
    if (!file) return;
    setBusy(true);
    setError(null);
    const result = await api.call('recovery.apply', { name: file.name, contentBase64: file.contentBase64 });
    setBusy(false);
    if (!result.ok) return setError(apiErrorMessage(result.error, t, i18n.language));
    setDone(result.value);
    onRecovered();
  };

  if (done) {
    const r = done.recovered;
    return (
      <Alert tone="success" live id="recovery-done">
        {r
          ? t('recovery.recovered', { count: r.last - r.first + 1, first: formatNumber(r.first), last: formatNumber(r.last) })
          : t('recovery.nothingToRecover')}
        {done.missingAttachments > 0 ? ` ${t('recovery.missingFiles', { count: done.missingAttachments })}` : ''}
      </Alert>
    );
  }
  if (!s?.needed) return null;
  return (
    <section className="alert alert-danger cst-alert cst-recovery-banner" aria-labelledby="recovery-banner-title" id="recovery-banner">
      <h2 className="cst-recovery-title" id="recovery-banner-title">
        {t('recovery.bannerTitle')}
      </h2>
      <p>{t('recovery.bannerText', { hub: s.hub?.name ?? s.hub?.id ?? '', count: s.missing })}</p>
      <p className="cst-recovery-counts">{t('recovery.bannerCounts', { ours: formatNumber(s.ourLastSeq), hubs: formatNumber(s.hubAckedSeq ?? 0) })}</p>
      <p className="cst-recovery-steps-title">{t('recovery.bannerStepsTitle')}</p>
      <ol>
        <li>{t('recovery.bannerStep1')}</li>
        <li>{t('recovery.bannerStep2')}</li>
        <li>{t('recovery.bannerStep3')}</li>
      </ol>
      <FileDrop label={t('recovery.pick')} hint={t('recovery.drop')} accept=".cstb" disabled={busy} onFiles={(f) => void onFiles(f)} />
      {busy ? <p role="status">{t('recovery.applying')}</p> : null}
      {error ? (
        <Alert tone="danger" live>
          {error}
        </Alert>
      ) : null}
    </section>
  );
}
