import type { WindowApi } from '../../../../shared/api/call';
import type { ToastTone } from '../../components/toast-store';
import { apiErrorToMessage, type Message } from '../../i18n/messages';
import { saveFile } from '../../platform/save-file';

/** `identity.export`, then the file saved through the platform; the outcome as a toast's message. */
export async function exportIdentity(api: WindowApi): Promise<{ tone: ToastTone; message: Message } | null> {
  const result = await api.call('identity.export', {});
  if (!result.ok) return { tone: 'danger', message: apiErrorToMessage(result.error) };
  try {
    const outcome = await saveFile(result.value);
    if (outcome.kind === 'cancelled') return null;
    if (outcome.kind === 'saved') return { tone: 'success', message: { key: 'settings.exportedTo', params: { path: outcome.path } } };
    return { tone: 'success', message: { key: 'settings.exported', params: { fileName: outcome.fileName } } };
  } catch {
    return { tone: 'danger', message: { key: 'apiErrors.E_IO' } };
  }
}
