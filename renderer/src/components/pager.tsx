import { useTranslation } from 'react-i18next';
import type { PageInfo } from '../../../shared/domain/member-page';
import { formatNumber } from '../i18n/format';

/**
 * The one pager of every paged list, whether the server pages it (the hub's lists of members,
 * `PageInfo` from the API) or the window does (PagedTable): "‹ Pagina precedente", "Pagina 2 di
 * 158 · 7.896 comuni" (or proposals, rows), "Pagina successiva ›". `label` names the list when a
 * screen has more than one.
 */
export function Pager({
  id,
  page,
  onPage,
  counting = 'members',
  label,
}: {
  id?: string | undefined;
  page: PageInfo | undefined;
  onPage: (page: number) => void;
  counting?: 'members' | 'proposals' | 'rows';
  label?: string | undefined;
}) {
  const { t } = useTranslation();
  if (!page) return null;
  const text = counting === 'members' ? 'memberFilter.pageOf' : counting === 'proposals' ? 'memberFilter.pageOfProposals' : 'memberFilter.pageOfRows';
  return (
    <nav className="cst-pager" aria-label={label ?? t('memberFilter.pager')} id={id}>
      <button type="button" className="btn btn-outline-primary btn-sm" disabled={page.page <= 1} onClick={() => onPage(page.page - 1)}>
        {t('memberFilter.previous')}
      </button>
      <p className="cst-count" role="status">
        {t(text, { page: formatNumber(page.page), pages: formatNumber(page.pages), count: page.total, total: formatNumber(page.total) })}
      </p>
      <button type="button" className="btn btn-outline-primary btn-sm" disabled={page.page >= page.pages} onClick={() => onPage(page.page + 1)}>
        {t('memberFilter.next')}
      </button>
    </nav>
  );
}
