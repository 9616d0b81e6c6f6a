import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/form-field';
import { nativeSaveFile } from '../../platform/api';
import { useDestinationStore } from './destination';

/**
 * How the file leaves: saved like a download / through the save dialog (default), or written
 * into a folder (empty means the program's data folder, named in the hint).
 */
export function DestinationField({ dataDir, error }: { dataDir: string; error?: string | undefined }) {
  const { t } = useTranslation();
  const { mode, setMode, folder, setFolder } = useDestinationStore();
  const native = nativeSaveFile() !== null;
  return (
    <fieldset className="cst-fieldset">
      <legend className="cst-label">{t('bundles.deliveryLabel')}</legend>
      <div className="form-check cst-radio">
        <input className="form-check-input" type="radio" name="delivery" id="delivery-save" checked={mode === 'save'} onChange={() => setMode('save')} aria-describedby="delivery-save-hint" />
        <label className="form-check-label" htmlFor="delivery-save">
          {t('bundles.deliverySave')}
        </label>
        <p className="cst-hint" id="delivery-save-hint">
          {native ? t('bundles.deliverySaveHintNative') : t('bundles.deliverySaveHintBrowser')}
        </p>
      </div>
      <div className="form-check cst-radio">
        <input className="form-check-input" type="radio" name="delivery" id="delivery-folder" checked={mode === 'folder'} onChange={() => setMode('folder')} aria-describedby="delivery-folder-hint" />
        <label className="form-check-label" htmlFor="delivery-folder">
          {t('bundles.deliveryFolder')}
        </label>
        <p className="cst-hint" id="delivery-folder-hint">
          {t('bundles.deliveryFolderHint')}
        </p>
      </div>
      {mode === 'folder' ? (
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
      ) : null}
    </fieldset>
  );
}
