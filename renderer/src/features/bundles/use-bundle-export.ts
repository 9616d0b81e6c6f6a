import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleExportResult } from '../../../../shared/domain/bundles';
import { useApi } from '../../app/api-context';
import { apiErrorMessage } from '../../i18n/messages';
import { saveFile, type SaveOutcome } from '../../platform/save-file';

/** An exported file and how its saving went (downloaded, saved through the dialog, cancelled). */
export type SentFile = Omit<BundleExportResult, 'contentBase64'> & { saved: SaveOutcome | null };

/**
 * `bundle.export` with the bytes in the answer (the window never names a folder: the backend
 * refuses a path from it), then a download (browser shell) or the save dialog (Electron), one
 * file after the other. The bytes are not kept once saved.
 */
export function useBundleExport() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<SentFile[]>([]);

  const run = async (input: { all?: boolean; allMembers?: boolean }): Promise<SentFile[] | null> => {
    if (busy) return null;
    setBusy(true);
    setError(null);
    setSent([]);
    try {
      const result = await api.call('bundle.export', { ...input, inline: true });
      if (!result.ok) {
        const e = result.error;
        setError(e.code === 'E_LIMIT' && e.params ? t('bundles.tooLarge', e.params) : apiErrorMessage(e, t, i18n.language));
        return null;
      }
      const files: SentFile[] = [];
      for (const { contentBase64, ...r } of result.value) {
        const saved = contentBase64 !== undefined ? await saveFile({ fileName: r.fileName, contentBase64 }) : null;
        files.push({ ...r, saved });
      }
      setSent(files);
      return files;
    } finally {
      setBusy(false);
    }
  };

  return { run, busy, error, sent };
}
