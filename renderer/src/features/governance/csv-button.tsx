import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/api-context';
import { useToastStore } from '../../components/toast-store';
import { apiErrorToMessage } from '../../i18n/messages';
import { saveFile } from '../../platform/save-file';

export type GovTable = 'plan' | 'allocation' | 'statement' | 'savings' | 'ranking' | 'report' | 'approvals' | 'ballots';

/** "Esporta in CSV" of a governance table (Italian Excel conventions, made by the backend). */
export function GovCsvButton({ table, year, version, istat, label }: { table: GovTable; year: number; version?: number; istat?: string; label: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const toast = useToastStore((s) => s.show);
  const run = async () => {
    setBusy(true);
    const res = await api.call('gov.csv', { table, year, ...(version ? { version } : {}), ...(istat ? { istat } : {}) });
    setBusy(false);
    if (!res.ok) return toast('danger', apiErrorToMessage(res.error));
    const out = await saveFile({ fileName: res.value.fileName, contentBase64: res.value.contentBase64 });
    if (out.kind !== 'cancelled') toast('success', { key: 'gov.csvSaved', params: { name: out.kind === 'saved' ? out.path : out.fileName } });
  };
  return (
    <button type="button" className="btn btn-outline-primary btn-sm cst-gov-csv" aria-label={`${label} ${t('gov.csvSuffix')}`} onClick={() => void run()} disabled={busy}>
      {label}
    </button>
  );
}
