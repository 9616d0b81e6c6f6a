import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreHealth } from '../../../../shared/domain/store-health';
import { useApi } from '../../app/api-context';
import { Alert } from '../../components/alert';
import { formatDateTime } from '../../i18n/format';

/** Where the restore is (Impostazioni › Copie di sicurezza: the backup card's heading). */
export const BACKUP_SETTINGS_PATH = '/settings/backup';

/**
 * Above every page while the store is damaged (docs/hub.md "The start-up check"): the
 * background full check found damage, writes are refused, and the way out is restoring the last
 * backup. Reads `app.storeHealth` once (a window opened after the finding), then follows the
 * `store.health` pushes. Nothing while the store is sound or being checked: the check runs
 * unseen, the clerk works normally.
 */
export function StoreDamageAlert() {
  const api = useApi();
  const { t } = useTranslation();
  const [health, setHealth] = useState<StoreHealth | null>(null);
  useEffect(() => {
    let cancelled = false;
    const stop = api.subscribe('store.health', setHealth);
    void api.call('app.storeHealth', {}).then((r) => {
      // A push that came meanwhile is newer: keep it.
      if (!cancelled && r.ok) setHealth((now) => now ?? r.value);
    });
    return () => {
      cancelled = true;
      stop();
    };
  }, [api]);
  if (health?.state !== 'damaged') return null;
  return (
    <Alert tone="danger" live title={t('backup.storeDamagedTitle')} id="store-damaged">
      <p>{t('backup.storeDamagedBody', { when: health.damage.foundAt ? formatDateTime(health.damage.foundAt) : '', detail: health.damage.detail })}</p>
      <p className="mb-0">
        <a href={`#${BACKUP_SETTINGS_PATH}`}>{t('backup.storeDamagedAction')}</a>
      </p>
    </Alert>
  );
}
