import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../components/app-header';
import { LanguageSwitch } from '../components/language-switch';
import { ToastRegion } from '../components/toast';
import { focusElementById } from '../platform/document';
import { useLocale } from './use-locale';

export const MAIN_ID = 'main-content';

export interface LayoutProps {
  installationName?: string | undefined;
  roleLabel?: string | undefined;
  nav?: ReactNode;
  /** The header's "Guida" link; off only where no page can answer it (loading, a failed start). */
  showHelp?: boolean;
  /** A short live status in the header, before the guide (the network sync's indicator). */
  headerStatus?: ReactNode;
  children: ReactNode;
}

/** Header, optional menu, main region, toasts: the frame of every screen. */
export function Layout({ installationName, roleLabel, nav, showHelp = true, headerStatus, children }: LayoutProps) {
  const { locale, setLocale } = useLocale();
  const { t } = useTranslation();
  return (
    <div className="cst-app">
      <AppHeader
        installationName={installationName}
        roleLabel={roleLabel}
        tools={
          <>
            {headerStatus}
            {showHelp ? (
              <a href="#/help" className="cst-help-link">
                {t('help.headerLink')}
              </a>
            ) : null}
            <LanguageSwitch current={locale} onChange={(l) => void setLocale(l)} />
          </>
        }
        onSkipToContent={() => focusElementById(MAIN_ID)}
      />
      <div className="container-xxl cst-body">
        {nav ? (
          <div className="row">
            <div className="col-lg-3 cst-nav-column">{nav}</div>
            <main id={MAIN_ID} className="col-lg-9 cst-main" tabIndex={-1}>
              {children}
            </main>
          </div>
        ) : (
          <main id={MAIN_ID} className="cst-main cst-main-narrow" tabIndex={-1}>
            {children}
          </main>
        )}
      </div>
      <footer className="cst-footer">
        <div className="container-xxl">
          <p>{t('app.name')} — {t('app.tagline')}</p>
        </div>
      </footer>
      <ToastRegion />
    </div>
  );
}
