import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableProps } from './data-table';
import { Pager } from './pager';

/**
 * A DataTable that renders one page of its rows (50 by default): a list of thousands (every
 * municipality of Italy) stays quick to render and to read with a screen reader, which hears
 * which page of how many it is on. The pager is the one of the server-paged lists (pager.tsx).
 * Back to the first page when the rows change.
 */
export function PagedTable<T>({ pageSize = 50, ...table }: DataTableProps<T> & { pageSize?: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [table.rows]);
  const total = table.rows.length;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(page, pages);
  const from = (current - 1) * pageSize;
  return (
    <>
      <DataTable {...table} rows={table.rows.slice(from, from + pageSize)} />
      {pages > 1 ? <Pager page={{ page: current, pageSize, total, pages }} onPage={setPage} counting="rows" label={t('pager.label', { what: table.caption })} /> : null}
    </>
  );
}
