import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface AppHeaderProps {
  /** "Comune di Urbino" / "CST-PU — CST Pesaro-Urbino"; absent before setup. */
  installationName?: string | undefined;
  /** "Postazione del Comune" / "Postazione del consorzio (hub)". */
  roleLabel?: string | undefined;
  /** Right side of the slim band (the language switch). */
  tools?: ReactNode;
  onSkipToContent: () => void;
}

/** bootstrap-italia's two-band header: slim band (tools), blue band (app and installation). */
export function AppHeader({ installationName, roleLabel, tools, onSkipToContent }: AppHeaderProps) {
  const { t } = useTranslation();
  return (
    <header className="it-header-wrapper cst-header">
      <a
        href="#main-content"
        className="visually-hidden-focusable cst-skip-link"
        onClick={(e) => {
          e.preventDefault(); // the hash is the route: do not change it
          onSkipToContent();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <div className="it-header-slim-wrapper">
        <div className="container-xxl">
          <div className="it-header-slim-wrapper-content cst-slim-content">
            <p className="cst-slim-title">{t('app.tagline')}</p>
            <div className="cst-slim-tools">{tools}</div>
          </div>
        </div>
      </div>
      <div className="it-header-center-wrapper it-small-header">
        <div className="container-xxl">
          <div className="it-header-center-content-wrapper cst-center-content">
            <div className="it-brand-wrapper">
              <a href="#/">
                <div className="it-brand-text">
                  <p className="it-brand-title cst-brand-title">{t('app.name')}</p>
                </div>
              </a>
            </div>
            {installationName ? (
              <div className="cst-installation">
                <p className="cst-installation-name">{installationName}</p>
                {roleLabel ? <p className="cst-installation-role">{roleLabel}</p> : null}
              </div>
            ) : null}
          </div>
        </div>
      </div>
    </header>
  );
}
