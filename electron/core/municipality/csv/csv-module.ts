import type { HandlerGroup } from '../../platform/api/handler-table';
import type { FeatureModule } from '../../platform/api/feature-module';
import { exportCsv, exportCsvFile } from './csv-export';
import { importCsv, previewCsv } from './csv-service';

export const csvHandlers = {
  'csv.preview': previewCsv,
  'csv.import': importCsv,
  'csv.export': exportCsv,
  'csv.exportFile': exportCsvFile,
} satisfies HandlerGroup;

/** CSV import (check, preview, record) and export of the town hall's records. */
export const csvModule = { name: 'municipality/csv', handlers: csvHandlers } satisfies FeatureModule;
