import type { HandlerGroup } from '../../platform/api/handler-table';
import { exportCsv, exportCsvFile } from './csv-export';
import { importCsv, previewCsv } from './csv-service';

export const csvHandlers = {
  'csv.preview': previewCsv,
  'csv.import': importCsv,
  'csv.export': exportCsv,
  'csv.exportFile': exportCsvFile,
} satisfies HandlerGroup;
