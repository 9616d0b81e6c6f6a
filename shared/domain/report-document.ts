/**
 * A printable governance document (the plan document, a member's cost statement) as data:
 * headings, tables and sentences already formatted in Italian (they are official documents,
 * in the consortium's language whatever the page's language). The backend renders it to a
 * self-contained HTML page with a print stylesheet (for the PDF and the saved file); the
 * renderer shows the same data inside the app with its own class-based stylesheet, so the
 * preview needs no inline style and works under the app's `style-src 'self'`.
 */
export interface ReportDocument {
  title: string;
  /** The line under the title: consortium, state or member. */
  meta: string;
  sections: ReportSection[];
  /** Closing note: who generated it, data sources (ISTAT), currency. */
  footer: string;
}

export interface ReportSection {
  heading?: string;
  table?: ReportTable;
  paragraphs?: string[];
}

export interface ReportColumn {
  label: string;
  /** Right-aligned, tabular figures (amounts, quantities, percentages). */
  numeric?: boolean;
}

export interface ReportCell {
  text: string;
  /** Columns this cell spans (the label of a total row); 1 when absent. */
  span?: number;
}

export interface ReportRow {
  cells: ReportCell[];
  /** A total: bold, ruled above. */
  total?: boolean;
}

export interface ReportTable {
  columns: ReportColumn[];
  rows: ReportRow[];
}

/** Whether the cell at `index` of `row` falls in a numeric column (spans counted). */
export function isNumericCell(columns: readonly ReportColumn[], row: ReportRow, index: number): boolean {
  let column = 0;
  for (let i = 0; i < index; i++) column += row.cells[i]?.span ?? 1;
  const span = row.cells[index]?.span ?? 1;
  // A spanning label reads left to right even if its last column holds figures.
  return span === 1 && columns[column]?.numeric === true;
}

/**
 * `report.pdf`'s answer: with `out` (the CLI) the file written there and its `path`; without it
 * the bytes (`contentBase64`), for the renderer to download or save through its dialog.
 */
export interface ReportPdf {
  fileName: string;
  bytes: number;
  path?: string;
  contentBase64?: string;
}
