import { useEffect, useRef } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import type { WindowApi } from '../../../shared/api/call';
import { Alert } from '../components/alert';
import { Loading } from '../components/loading';
import { PageTitle } from '../components/page-title';
import { HelpPage } from '../features/help/help-page';
import { SetupPage } from '../features/setup/setup-page';
import { useSetupStore } from '../features/setup/store';
import { toLocale } from '../i18n';
import { apiErrorMessage } from '../i18n/messages';
import { ApiProvider, useApi } from './api-context';
import { Layout } from './layout';
import { Shell } from './shell';
import { StatusContext } from './status-context';
import { useApiQuery } from './use-api-query';
import { useHashPath } from './use-hash-path';

/** The whole UI for one `WindowApi` and one i18n instance (tests pass fakes of both). */
export function Root({ api, i18n }: { api: WindowApi; i18n: I18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <ApiProvider api={api}>
        <App />
      </ApiProvider>
    </I18nextProvider>
  );
}

/** First run (no installation) shows the setup; afterwards the shell. */
export function App() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const status = useApiQuery('app.status', {});
  const setupStep = useSetupStore((s) => s.step);
  const leaving = useSetupStore((s) => s.leaving);
  const resetSetup = useSetupStore((s) => s.reset);
  const localeApplied = useRef(false);
  const path = useHashPath();
  const installed = Boolean(status.data?.installation);

  // The saved language applies once, at start; afterwards the switch rules.
  useEffect(() => {
    if (!status.data || localeApplied.current) return;
    localeApplied.current = true;
    if (toLocale(i18n.language) !== status.data.locale) void i18n.changeLanguage(status.data.locale);
  }, [status.data, i18n]);

  // Leaving the setup: the language chosen before setup (not savable then) is saved now.
  useEffect(() => {
    if (!installed || !leaving) return;
    resetSetup();
    const locale = toLocale(i18n.language);
    if (status.data && status.data.locale !== locale) void api.call('settings.setLocale', { locale });
  }, [installed, leaving, resetSetup, i18n, api, status.data]);

  if (!status.data) {
    return (
      <Layout showHelp={false}>
        {status.state === 'error' ? (
          <>
            <PageTitle>{t('app.loadFailedTitle')}</PageTitle>
            <Alert tone="danger" live>
              {apiErrorMessage(status.error, t, i18n.language)}
            </Alert>
            <button type="button" className="btn btn-primary btn-lg" onClick={status.reload}>
              {t('app.retry')}
            </button>
          </>
        ) : (
          <Loading />
        )}
      </Layout>
    );
  }

  const installation = status.data.installation;
  const showSetup = !installation || (setupStep === 'done' && !leaving);
  return (
    <StatusContext.Provider value={{ status: status.data, reloadStatus: status.reload }}>
      {showSetup || !installation ? (
        <Layout>
          {/* The guide answers before the setup too; the setup keeps its state meanwhile (its store). */}
          {path === '/help' || path.startsWith('/help/') ? <HelpPage role={null} term={path.slice('/help/'.length)} /> : <SetupPage />}
        </Layout>
      ) : (
        <Shell installation={installation} />
      )}
    </StatusContext.Provider>
  );
}

/** The browser shell opened without its launch address: say how to get in, nothing else. */
export function NoAccess({ i18n }: { i18n: I18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <NoAccessBody />
    </I18nextProvider>
  );
}

function NoAccessBody() {
  const { t } = useTranslation();
  return (
    <main className="container-xxl cst-main cst-main-narrow" id="main-content">
      <PageTitle>{t('app.noAccessTitle')}</PageTitle>
      <Alert tone="warning">{t('app.noAccessText')}</Alert>
    </main>
  );
}
