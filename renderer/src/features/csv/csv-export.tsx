import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../../shared/api/contract';
import { useApi } from '../../app/api-context';
import { useToastStore } from '../../components/toast-store';
import { saveFile } from '../../platform/save-file';
import { csvErrorMessage } from './csv-messages';

/** "Esporta in CSV" of a list: the backend writes the file, the platform saves or downloads it. */
export function CsvExportButton({ input, label }: { input: Input<'csv.export'>; label?: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const showToast = useToastStore((s) => s.show);
  const [busy, setBusy] = useState(false);
  const onExport = async () => {
    setBusy(true);
    const result = await api.call('csv.export', input);
    if (!result.ok) {
      setBusy(false);
      showToast('danger', csvErrorMessage(result.error));
      return;
    }
    const outcome = await saveFile(result.value);
    setBusy(false);
    if (outcome.kind === 'downloaded') showToast('success', { key: 'common.exported', params: { fileName: outcome.fileName, rows: result.value.rows } });
    else if (outcome.kind === 'saved') showToast('success', { key: 'common.exportedTo', params: { path: outcome.path } });
  };
  return (
    <button type="button" className="btn btn-outline-primary" onClick={() => void onExport()} disabled={busy}>
      {busy ? t('common.saving') : (label ?? t('common.exportCsv'))}
    </button>
  );
}
