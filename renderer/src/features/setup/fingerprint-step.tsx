import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../shared/domain/ids';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Fingerprint } from '../../components/fingerprint';
import { Loading } from '../../components/loading';
import { apiErrorMessage } from '../../i18n/messages';
import { GlossaryLink } from '../help/glossary-link';

/** After setup: the new identity's fingerprint, to be read over the phone, then on to the home. */
export function FingerprintStep({ role, onContinue }: { role: Role; onContinue: () => void }) {
  const { t, i18n } = useTranslation();
  const identity = useApiQuery('identity.show', {});
  return (
    <div className="cst-fingerprint-step">
      <h2 className="cst-step-title" id="setup-step-title" tabIndex={-1}>
        {t('setup.done.fingerprintTitle')}
      </h2>
      <p className="cst-lead">{role === 'hub' ? t('setup.done.hubText') : t('setup.done.municipalityText')}</p>
      {identity.state === 'loading' && !identity.data ? <Loading /> : null}
      {identity.data ? <Fingerprint value={identity.data.fingerprint} id="setup-fingerprint" /> : null}
      {identity.state === 'error' ? (
        <Alert tone="danger" live>
          {apiErrorMessage(identity.error, t, i18n.language)}
        </Alert>
      ) : null}
      <p>{t('setup.done.whereLater')}</p>
      <p>
        <GlossaryLink term="impronta" />
      </p>
      <button type="button" className="btn btn-primary btn-lg cst-submit" onClick={onContinue}>
        {t('setup.done.continue')}
      </button>
    </div>
  );
}
