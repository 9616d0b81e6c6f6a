import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { setDocumentTitle } from '../platform/document';

export const PAGE_TITLE_ID = 'page-title';

/**
 * The page's h1, also the window title. It takes focus after a page change (tabIndex -1), so
 * a screen reader announces the new page and the keyboard starts from its top.
 */
export function PageTitle({ children }: { children: string }) {
  const { t } = useTranslation();
  useEffect(() => setDocumentTitle(t('app.pageTitle', { page: children })), [children, t]);
  return (
    <h1 id={PAGE_TITLE_ID} tabIndex={-1} className="cst-page-title">
      {children}
    </h1>
  );
}
