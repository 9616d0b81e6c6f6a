import { useState } from 'react';
import type { Result } from '../../../../shared/api/errors';
import type { CsvFile } from '../../../../shared/domain/csv';
import { useToastStore } from '../../components/toast-store';
import { apiErrorToMessage } from '../../i18n/messages';
import { saveFile } from '../../platform/save-file';

/** A CSV made by the backend, saved where the clerk chooses (or downloaded). */
export function CommitteeCsvButton({ label, make }: { label: string; make: () => Promise<Result<CsvFile>> }) {
  const [busy, setBusy] = useState(false);
  const toast = useToastStore((s) => s.show);
  const run = async () => {
    setBusy(true);
    const res = await make();
    setBusy(false);
    if (!res.ok) return toast('danger', apiErrorToMessage(res.error));
    const out = await saveFile({ fileName: res.value.fileName, contentBase64: res.value.contentBase64 });
    if (out.kind !== 'cancelled') toast('success', { key: 'tcCommittee.csvSaved', params: { name: out.kind === 'saved' ? out.path : out.fileName } });
  };
  return (
    <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => void run()} disabled={busy}>
      {label}
    </button>
  );
}
