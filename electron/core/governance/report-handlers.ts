import type { HandlerGroup } from '../platform/api/handler-table';
import { govCsv } from './gov-csv';
import { buildReportDocument, renderReportHtml } from './report-html';
import { printReportPdf } from './report-pdf';
import { benchmark, getReport, publishReport } from './report-service';

/** Issue 5: the consortium report, the plan and statement documents, CSV of governance tables. */
export const reportHandlers = {
  'report.publish': publishReport,
  'report.get': (ctx, input) => ({ report: getReport(ctx, input) }),
  'report.benchmark': benchmark,
  'report.document': (ctx, input) => buildReportDocument(ctx, input),
  'report.html': (ctx, input) => renderReportHtml(ctx, input),
  'report.pdf': (ctx, input) => printReportPdf(ctx, input),
  'gov.csv': govCsv,
} satisfies HandlerGroup;
