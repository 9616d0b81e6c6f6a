import { useEffect } from 'react';
import { useApi } from '../../app/api-context';
import { useSyncStore } from './sync-store';

/**
 * Keeps the sync store live for the whole shell: reads `sync.network` once, then follows the
 * agent's `sync.network` pushes (a round started or ended, a transfer moved, an error).
 * Mounted once, by the shell.
 */
export function useNetworkSync(): void {
  const api = useApi();
  const update = useSyncStore((s) => s.update);
  useEffect(() => {
    let cancelled = false;
    let pushed = false;
    const stop = api.subscribe('sync.network', (status) => {
      pushed = true;
      update(status);
    });
    void api.call('sync.network', {}).then((r) => {
      // A push that arrived meanwhile is newer than this answer.
      if (!cancelled && r.ok && !pushed) update(r.value);
    });
    return () => {
      cancelled = true;
      stop();
    };
  }, [api, update]);
}
