import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/form-field';
import { useDestinationStore } from './destination';

/** The folder the file goes to: empty means the program's data folder (named in the hint). */
export function DestinationField({ dataDir, error }: { dataDir: string; error?: string | undefined }) {
  const { t } = useTranslation();
  const { folder, setFolder } = useDestinationStore();
  return (
    <TextField
      id="export-folder"
      label={t('bundles.folderLabel')}
      hint={t('bundles.folderHint', { dataDir })}
      value={folder}
      onChange={setFolder}
      error={error}
      maxLength={4096}
      spellCheck={false}
    />
  );
}
