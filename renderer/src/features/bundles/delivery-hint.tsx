import { useTranslation } from 'react-i18next';
import { savesThroughDialog } from '../../platform/api';

/**
 * How the file leaves the window: never to a path the page names (the backend refuses one from
 * the window), always as bytes: a download in the browser shell, Electron's save dialog (run by
 * the main process) in the desktop app, where the clerk can pick the USB stick.
 */
export function DeliveryHint() {
  const { t } = useTranslation();
  return <p className="cst-hint">{savesThroughDialog() ? t('bundles.deliverySaveHintNative') : t('bundles.deliverySaveHintBrowser')}</p>;
}
