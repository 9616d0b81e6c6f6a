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
    const stop = api.subscribe('sync.network', update);
    void api.call('sync.network', {}).then((r) => {
      // A push may have come meanwhile, newer or older than this answer: the store keeps the newest revision.
      if (!cancelled && r.ok) update(r.value);
    });
    return () => {
      cancelled = true;
      stop();
    };
  }, [api, update]);
}
