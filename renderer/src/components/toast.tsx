import { useTranslation } from 'react-i18next';
import { messageText } from '../i18n/messages';
import { useToastStore } from './toast-store';

/**
 * The toasts' live region. It is always in the page (an added live region is often not
 * announced); toasts do not vanish by themselves: a slow reader must have time to read them
 * (WCAG 2.2.1), so each has a close button.
 */
export function ToastRegion() {
  const { t, i18n } = useTranslation();
  const toasts = useToastStore((s) => s.toasts);
  const dismiss = useToastStore((s) => s.dismiss);
  return (
    <div className="cst-toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`alert alert-${toast.tone} cst-toast`}>
          <p className="cst-toast-text">{messageText(toast.message, t, i18n.language)}</p>
          <button type="button" className="btn btn-sm btn-outline-primary cst-toast-close" onClick={() => dismiss(toast.id)}>
            {t('toast.close')}
          </button>
        </div>
      ))}
    </div>
  );
}
