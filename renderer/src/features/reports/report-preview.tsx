import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportDocument, ReportTable } from '../../../../shared/domain/report-document';
import { isNumericCell } from '../../../../shared/domain/report-document';
import { printPage } from './print-page';
import './reports.css';

/**
 * The plan document or a statement shown inside the app, from the same data the PDF is printed
 * from (report.document), with class-based markup and the stylesheet beside this file: nothing
 * inline, so it renders under the app's `style-src 'self'`. Its @media print rules print only the
 * document, so "Stampa" works even where no PDF can be made. The document stays in Italian.
 */
export function ReportPreview({ doc, onClose }: { doc: ReportDocument; onClose: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [doc]);
  return (
    <section className="cst-report-preview" aria-label={t('reportDocs.previewLabel')}>
      <div className="cst-gov-toolbar cst-report-tools">
        <button type="button" className="btn btn-primary btn-sm" onClick={printPage}>
          {t('reportDocs.print')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onClose}>
          {t('reportDocs.closePreview')}
        </button>
      </div>
      <article className="cst-report-doc" lang="it">
        <h3 className="cst-report-title" tabIndex={-1} ref={heading}>
          {doc.title}
        </h3>
        <p className="cst-report-meta">{doc.meta}</p>
        {doc.sections.map((s, i) => (
          <section key={i} className="cst-report-section">
            {s.heading ? <h4 className="cst-report-heading">{s.heading}</h4> : null}
            {s.table ? <PreviewTable table={s.table} caption={s.heading ?? doc.title} /> : null}
            {(s.paragraphs ?? []).map((p, j) => (
              <p key={j}>{p}</p>
            ))}
          </section>
        ))}
        <p className="cst-report-footer">{doc.footer}</p>
      </article>
    </section>
  );
}

function PreviewTable({ table, caption }: { table: ReportTable; caption: string }) {
  return (
    <div className="cst-report-scroll">
      <table className="cst-report-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c, i) => (
              <th key={i} scope="col" className={c.numeric ? 'cst-report-n' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => (
            <tr key={i} className={r.total ? 'cst-report-total' : undefined}>
              {r.cells.map((c, j) => (
                <td key={j} colSpan={c.span && c.span > 1 ? c.span : undefined} className={isNumericCell(table.columns, r, j) ? 'cst-report-n' : undefined}>
                  {c.text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
