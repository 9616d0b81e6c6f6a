import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableProps } from './data-table';

/**
 * A DataTable that renders one page of its rows (50 by default): a list of thousands (every
 * municipality of Italy) stays quick to render and to read with a screen reader, which hears
 * which rows of how many the page holds. Back to the first page when the rows change.
 */
export function PagedTable<T>({ pageSize = 50, ...table }: DataTableProps<T> & { pageSize?: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(0);
  useEffect(() => setPage(0), [table.rows]);
  const total = table.rows.length;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(page, pages - 1);
  const from = current * pageSize;
  const rows = table.rows.slice(from, from + pageSize);
  return (
    <>
      <DataTable {...table} rows={rows} />
      {pages > 1 ? (
        <nav className="cst-pager" aria-label={t('pager.label', { what: table.caption })}>
          <button type="button" className="btn btn-outline-primary" onClick={() => setPage(current - 1)} disabled={current === 0}>
            {t('common.previousPage')}
          </button>
          <span className="cst-pager-page" role="status">
            {t('pager.rowsShown', { from: from + 1, to: from + rows.length, total })}
          </span>
          <button type="button" className="btn btn-outline-primary" onClick={() => setPage(current + 1)} disabled={current >= pages - 1}>
            {t('common.nextPage')}
          </button>
        </nav>
      ) : null}
    </>
  );
}
