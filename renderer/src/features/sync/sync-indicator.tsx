import { useTranslation } from 'react-i18next';
import type { NetworkSyncStatus } from '../../../../shared/domain/network-sync';
import { useSyncStore } from './sync-store';
import { syncSummary } from './sync-words';
import './sync.css';

/** Where the indicator leads: Settings, its network sync section (shell.tsx focuses its heading). */
export const SYNC_SETTINGS_PATH = '/settings/sync';

/** The header's sync indicator, live from the store (use-network-sync.ts keeps it current). */
export function SyncIndicator() {
  const status = useSyncStore((s) => s.status);
  return status ? <SyncIndicatorView status={status} now={new Date().toISOString()} /> : null;
}

/**
 * "Sincronizzato alle 10:40", "Non in linea: nuovo tentativo alle 10:42"…, a link to the
 * Settings section; nothing when sync is off. The words carry the meaning, the dot only
 * repeats it. A problem (offline, refused) is also said once to screen readers, politely; the
 * routine "in corso"/"sincronizzato" every few minutes is not, it would interrupt all day.
 */
export function SyncIndicatorView({ status, now }: { status: NetworkSyncStatus; now: string }) {
  const { t } = useTranslation();
  const summary = syncSummary(status, t, now);
  const problem = summary && (summary.tone === 'warning' || summary.tone === 'danger') ? summary.text : '';
  return (
    <>
      {summary ? (
        <a href={`#${SYNC_SETTINGS_PATH}`} className={`cst-sync-indicator cst-sync-${summary.tone}`} aria-label={t('netSync.indicatorLabel', { state: summary.text })}>
          <span className="cst-sync-dot" aria-hidden="true" />
          {summary.text}
        </a>
      ) : null}
      <span className="visually-hidden" role="status">
        {problem}
      </span>
    </>
  );
}
