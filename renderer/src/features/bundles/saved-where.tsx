import { useTranslation } from 'react-i18next';
import type { SentFile } from './use-bundle-export';

/** Where the file went, in words: downloaded, saved at the path chosen in the dialog, or not saved at all. */
export function SavedWhere({ file }: { file: SentFile }) {
  const { t } = useTranslation();
  const saved = file.saved;
  if (saved?.kind === 'downloaded') return <p>{t('bundles.savedDownloaded', { fileName: saved.fileName })}</p>;
  if (saved?.kind === 'cancelled') return <p className="cst-field-error">{t('bundles.saveCancelled')}</p>;
  const path = saved?.kind === 'saved' ? saved.path : file.path;
  return (
    <>
      <p className="mb-1">{saved ? t('bundles.savedAt') : t('bundles.sentWhere')}</p>
      <p>
        <span className="cst-path">{path}</span>
      </p>
    </>
  );
}
