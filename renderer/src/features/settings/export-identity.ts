import type { TFunction } from 'i18next';
import type { WindowApi } from '../../../../shared/api/call';
import type { ToastTone } from '../../components/toast-store';
import { apiErrorMessage } from '../../i18n/messages';
import { saveFile } from '../../platform/save-file';

/** `identity.export`, then the file saved through the platform; the outcome as a toast's words. */
export async function exportIdentity(api: WindowApi, t: TFunction, language: string): Promise<{ tone: ToastTone; text: string } | null> {
  const result = await api.call('identity.export', {});
  if (!result.ok) return { tone: 'danger', text: apiErrorMessage(result.error, t, language) };
  try {
    const outcome = await saveFile(result.value);
    if (outcome.kind === 'cancelled') return null;
    if (outcome.kind === 'saved') return { tone: 'success', text: t('settings.exportedTo', { path: outcome.path }) };
    return { tone: 'success', text: t('settings.exported', { fileName: outcome.fileName }) };
  } catch {
    return { tone: 'danger', text: t('apiErrors.E_IO') };
  }
}
