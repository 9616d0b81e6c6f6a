import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/api-context';
import { stationLabel } from '../../app/installation-label';
import { useAppStatus } from '../../app/status-context';
import { useApiQuery } from '../../app/use-api-query';
import { useLocale } from '../../app/use-locale';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { Fingerprint } from '../../components/fingerprint';
import { LanguageSwitch } from '../../components/language-switch';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { useToastStore } from '../../components/toast-store';
import { formatDateTime } from '../../i18n/format';
import { apiErrorMessage } from '../../i18n/messages';
import { BackupCard } from './backup-card';
import { exportIdentity } from './export-identity';
import { useSettingsStore } from './store';
import { GlossaryLink } from '../help/glossary-link';
import { NetworkSyncCard } from '../sync/network-sync-card';
import { RegionalHubCard } from './regional-hub-card';

/** The workstation's identity (and its export), the language, the backups, the data folder and version. */
export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { status } = useAppStatus();
  const identity = useApiQuery('identity.show', {});
  const { locale, setLocale } = useLocale();
  const { exporting, setExporting } = useSettingsStore();
  const showToast = useToastStore((s) => s.show);
  // The hub sends its identity to the members, a municipality to the consortium: the words follow the role.
  const hub = status.installation?.role === 'hub';

  const onExport = async () => {
    if (exporting) return;
    setExporting(true);
    const outcome = await exportIdentity(api);
    setExporting(false);
    if (outcome) showToast(outcome.tone, outcome.message);
  };

  const id = identity.data;
  return (
    <>
      <PageTitle>{t('settings.title')}</PageTitle>
      <Card title={t('settings.identityTitle')} id="settings-identity">
        <p>{t(hub ? 'settings.identityIntroHub' : 'settings.identityIntro')}</p>
        <p>
          <GlossaryLink term="identita" />
        </p>
        {identity.state === 'loading' && !id ? <Loading /> : null}
        {identity.state === 'error' ? (
          <Alert tone="danger" live>
            {apiErrorMessage(identity.error, t, i18n.language)}
          </Alert>
        ) : null}
        {id ? (
          <>
            <h3 className="cst-subtitle" id="settings-fingerprint-label">
              {t('settings.fingerprint')}
            </h3>
            <Fingerprint value={id.fingerprint} id="settings-fingerprint" />
            <dl className="cst-details">
              <Detail term={t('settings.name')}>{id.name}</Detail>
              <Detail term={t('settings.id')}>{id.id}</Detail>
              <Detail term={t('settings.role')}>{stationLabel(id.kind, t)}</Detail>
              <Detail term={t('settings.createdAt')}>{formatDateTime(id.createdAt)}</Detail>
              <Detail term={t('settings.keyId')} code>
                {id.keyId}
              </Detail>
              <Detail term={t('settings.signingKey')} code>
                {id.signingKey}
              </Detail>
              <Detail term={t('settings.ageRecipient')} code>
                {id.ageRecipient}
              </Detail>
            </dl>
            <div className="cst-actions">
              <button type="button" className="btn btn-primary btn-lg" onClick={onExport} disabled={exporting} aria-describedby="settings-export-hint">
                {exporting ? t('settings.exporting') : t('settings.export')}
              </button>
              <p className="cst-hint" id="settings-export-hint">
                {t(hub ? 'settings.exportHintHub' : 'settings.exportHint')}
              </p>
            </div>
          </>
        ) : null}
      </Card>
      <NetworkSyncCard />
      {hub ? <RegionalHubCard /> : null}
      <Card title={t('settings.languageTitle')} id="settings-language">
        <LanguageSwitch current={locale} onChange={(l) => void setLocale(l)} variant="large" />
      </Card>
      <BackupCard />
      <Card title={t('settings.aboutTitle')} id="settings-about">
        <dl className="cst-details">
          <Detail term={t('settings.version')}>{status.version}</Detail>
          <Detail term={t('settings.dataDir')} code>
            {status.dataDir}
          </Detail>
        </dl>
      </Card>
    </>
  );
}

function Detail({ term, children, code = false }: { term: string; children: string; code?: boolean }) {
  return (
    <div className="cst-detail">
      <dt>{term}</dt>
      <dd className={code ? 'cst-code' : undefined}>{children}</dd>
    </div>
  );
}
