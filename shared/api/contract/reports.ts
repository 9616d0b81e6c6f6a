import { method } from '../define';
import { type CsvFile } from '../../domain/csv';
import { GovCsvInput, ReportDocInput, ReportPdfInput, ReportGetInput, ReportYearInput, type Benchmark, type ConsortiumReport } from '../../domain/gov-plan';
import type { ReportDocument, ReportPdf } from '../../domain/report-document';

/** Reports: the consortium report, the plan and statement documents (preview, HTML, PDF), CSV of governance tables. */
export const reportMethods = {
  /** The consortium report (condivisione), published to every member. */
  'report.publish': method(ReportYearInput)<ConsortiumReport>(),
  'report.get': method(ReportGetInput)<{ report: ConsortiumReport | null }>(),
  /** Municipality: where it stands among members of its size class. */
  'report.benchmark': method(ReportYearInput)<Benchmark>(),
  /** The plan document or a member's statement as data, for the in-app preview (no inline style). */
  'report.document': method(ReportDocInput)<ReportDocument>(),
  /** The same as self-contained HTML with a print stylesheet (a file to open in a browser and print). */
  'report.html': method(ReportDocInput)<{ title: string; html: string }>(),
  /**
   * The same printed to PDF (Electron: printToPDF in the main process; CLI and browser shell: a
   * local Chromium/Chrome/Edge, headless). With `out` written there (`path`), else returned as
   * `contentBase64` for the renderer to download or save.
   */
  'report.pdf': method(ReportPdfInput)<ReportPdf>(),
  /** CSV of a governance table (Italian Excel conventions). */
  'gov.csv': method(GovCsvInput)<CsvFile>(),
} as const;
