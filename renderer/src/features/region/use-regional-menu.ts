import { useEffect, useState } from 'react';
import type { Role } from '../../../../shared/domain/ids';
import type { ConditionalSection } from '../../app/nav-items';
import { useApi } from '../../app/api-context';
import { useReceivedData } from '../../app/received-data';

const NONE: ReadonlySet<ConditionalSection> = new Set();
const REGION: ReadonlySet<ConditionalSection> = new Set(['region']);

/**
 * "Regione" in the menu of a hub that confirmed at least one provincial hub (docs/federation.md).
 * Provinces are confirmed from the CLI, so the list is read at start and again when data
 * arrived (received-data.ts); a municipality never asks.
 */
export function useRegionalMenu(role: Role): ReadonlySet<ConditionalSection> {
  const api = useApi();
  const received = useReceivedData((s) => s.version);
  const [shown, setShown] = useState(NONE);
  useEffect(() => {
    if (role !== 'hub') return;
    let cancelled = false;
    void api.call('federation.provinces', {}).then((r) => {
      if (!cancelled && r.ok) setShown(r.value.some((p) => p.status === 'confirmed') ? REGION : NONE);
    });
    return () => {
      cancelled = true;
    };
  }, [api, role, received]);
  return shown;
}
