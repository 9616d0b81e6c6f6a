import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Numbers are right-aligned so digits line up. */
  numeric?: boolean;
  /** The column that names the row (rendered as a row header for screen readers). */
  rowHeader?: boolean;
}

export interface DataTableProps<T> {
  caption: string;
  /** Keep the caption for screen readers only when a visible heading says the same. */
  captionHidden?: boolean;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  empty: ReactNode;
}

/** A plain, semantic table: caption, column headers with scope, one row header per row. */
export function DataTable<T>({ caption, captionHidden = false, columns, rows, rowKey, empty }: DataTableProps<T>) {
  if (rows.length === 0) return <p className="cst-empty">{empty}</p>;
  return (
    <div className="table-responsive">
      <table className="table cst-table">
        <caption className={captionHidden ? 'visually-hidden' : 'cst-caption'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'text-end' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) =>
                c.rowHeader ? (
                  <th key={c.key} scope="row" className={c.numeric ? 'text-end' : undefined}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.key} className={c.numeric ? 'text-end' : undefined}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
