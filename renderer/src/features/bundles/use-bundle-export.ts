import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleExportResult } from '../../../../shared/domain/bundles';
import { useApi } from '../../app/api-context';
import { useAppStatus } from '../../app/status-context';
import { apiErrorMessage, apiErrorToMessage, messageText } from '../../i18n/messages';
import { saveFile, type SaveOutcome } from '../../platform/save-file';
import { destinationOf, useDestinationStore } from './destination';

/** An exported file and, when saved from the answer's bytes, how that went (null: written into a folder). */
export type SentFile = Omit<BundleExportResult, 'contentBase64'> & { saved: SaveOutcome | null };

/**
 * `bundle.export` the way the person chose: the bytes in the answer, then a download (browser
 * shell) or the save dialog (Electron), one file after the other; or into a folder, which the
 * backend creates when missing. The bytes are not kept once saved.
 */
export function useBundleExport() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { status } = useAppStatus();
  const mode = useDestinationStore((st) => st.mode);
  const folderTyped = useDestinationStore((st) => st.folder);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [folderError, setFolderError] = useState<string | undefined>();
  const [sent, setSent] = useState<SentFile[]>([]);

  const run = async (input: { all?: boolean; allMembers?: boolean }): Promise<SentFile[] | null> => {
    if (busy) return null;
    setBusy(true);
    setError(null);
    setFolderError(undefined);
    setSent([]);
    try {
      const target = mode === 'save' ? { inline: true } : { dir: destinationOf(folderTyped, status.dataDir) };
      const result = await api.call('bundle.export', { ...input, ...target });
      if (!result.ok) {
        const e = result.error;
        if (e.code === 'E_IO' && mode === 'folder') {
          // The folder's own sentence ("La cartella E:\ non si può creare…") says more than the generic one.
          setFolderError(messageText({ ...apiErrorToMessage(e), italian: e.message }, t, i18n.language));
        } else if (e.code === 'E_LIMIT' && e.params) {
          setError(t('bundles.tooLarge', e.params));
        } else {
          setError(apiErrorMessage(e, t, i18n.language));
        }
        return null;
      }
      const files: SentFile[] = [];
      for (const { contentBase64, ...r } of result.value) {
        const saved = mode === 'save' && contentBase64 !== undefined ? await saveFile({ fileName: r.fileName, contentBase64 }) : null;
        files.push({ ...r, saved });
      }
      setSent(files);
      return files;
    } finally {
      setBusy(false);
    }
  };

  return { run, busy, error, folderError, sent, folder: destinationOf(folderTyped, status.dataDir) };
}
