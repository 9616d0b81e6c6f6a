import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/errors';
import type { BundleExportResult } from '../../../../shared/domain/bundles';
import { useApi } from '../../app/api-context';
import { apiErrorMessage } from '../../i18n/messages';
import { nativeSaveToFolder } from '../../platform/api';
import { saveFile } from '../../platform/save-file';

export type MemberFile = Omit<BundleExportResult, 'contentBase64'>;

/** What "Prepara i file per i membri" produced: one ZIP downloaded, or the files written in a folder (Electron). */
export type MembersSent =
  | { kind: 'zip'; zipName: string; readme: string; files: MemberFile[] }
  | { kind: 'folder'; folder: string; files: MemberFile[] }
  | { kind: 'cancelled' };

/**
 * One action for every member. In the browser shell the backend builds one ZIP (a bundle per
 * member named by town, LEGGIMI.txt) and the page downloads it once: no browser asks fifty
 * times. In Electron the main process asks for a folder with its own dialog and writes the
 * bundles there; the page passes only the bytes and the plain names the backend chose.
 */
export function useMembersSend() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<MembersSent | null>(null);

  const fail = (e: ApiError) => setError(e.code === 'E_LIMIT' && e.params ? t('bundles.tooLarge', e.params) : apiErrorMessage(e, t, i18n.language));

  const run = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setSent(null);
    try {
      const toFolder = nativeSaveToFolder();
      if (toFolder) {
        const result = await api.call('bundle.export', { allMembers: true, inline: true });
        if (!result.ok) return fail(result.error);
        const saved = await toFolder(result.value.map((r) => ({ fileName: r.fileName, contentBase64: r.contentBase64 ?? '' })));
        const files = result.value.map(({ contentBase64: _c, ...r }) => r).sort((a, b) => a.recipientName.localeCompare(b.recipientName, 'it'));
        if (saved.saved) setSent({ kind: 'folder', folder: saved.folder, files });
        else if (saved.error) setError(t('catalogue.folderFailed', { detail: saved.error }));
        else setSent({ kind: 'cancelled' });
        return;
      }
      const result = await api.call('bundle.exportArchive', { lang: i18n.language === 'en' ? 'en' : 'it' });
      if (!result.ok) return fail(result.error);
      const { contentBase64, fileName, readme, files } = result.value;
      await saveFile({ fileName, contentBase64 });
      setSent({ kind: 'zip', zipName: fileName, readme, files });
    } finally {
      setBusy(false);
    }
  };

  return { run, busy, error, sent };
}
