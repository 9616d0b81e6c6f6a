import { method } from '../define';
import { type CsvFile } from '../../domain/csv';
import { GovCsvInput, ReportDocInput, ReportPdfInput, ReportYearInput, type Benchmark, type ConsortiumReport } from '../../domain/gov-plan';

/** Reports: the consortium report, the plan and statement documents (HTML, PDF), CSV of governance tables. */
export const reportMethods = {
  /** The consortium report (condivisione), published to every member. */
  'report.publish': method(ReportYearInput)<ConsortiumReport>(),
  'report.get': method(ReportYearInput)<{ report: ConsortiumReport | null }>(),
  /** Municipality: where it stands among members of its size class. */
  'report.benchmark': method(ReportYearInput)<Benchmark>(),
  /** The plan document or a member's statement as self-contained HTML with a print stylesheet. */
  'report.html': method(ReportDocInput)<{ title: string; html: string }>(),
  /** The same, printed to PDF by a local Chromium/Chrome/Edge in headless mode. */
  'report.pdf': method(ReportPdfInput)<{ path: string; bytes: number }>(),
  /** CSV of a governance table (Italian Excel conventions). */
  'gov.csv': method(GovCsvInput)<CsvFile>(),
} as const;
