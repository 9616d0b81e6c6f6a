import { create } from 'zustand';
import type { NetworkSyncStatus } from '../../../../shared/domain/network-sync';
import { useReceivedData } from '../../app/received-data';

interface SyncStoreState {
  /** The sync agent's status as last heard (an answer or a push); null before the first. */
  status: NetworkSyncStatus | null;
  /** A status heard: kept unless older than the one held (a lower revision), and the screens read again if its round applied something new. */
  update: (status: NetworkSyncStatus) => void;
  /** "Sincronizza ora" pressed and not yet answered. */
  syncingNow: boolean;
  setSyncingNow: (value: boolean) => void;
}

/**
 * Whether `next` reports a round that applied data not reported before: another round (its
 * time differs) that applied something, or the same round having applied more. The first status
 * heard is not news: the screens were read after it.
 */
export function appliedSomethingNew(previous: NetworkSyncStatus | null, next: NetworkSyncStatus): boolean {
  const round = next.lastRound;
  if (!previous || !round || round.applied <= 0) return false;
  const before = previous.lastRound;
  return !before || before.at !== round.at || round.applied > before.applied;
}

/** One copy of the sync status for the header's indicator and the Settings section. */
export const useSyncStore = create<SyncStoreState>()((set, get) => ({
  status: null,
  syncingNow: false,
  update: (status) => {
    const held = get().status;
    // Answers and pushes arrive in any order: an older status never replaces a newer one.
    if (held && status.revision < held.revision) return;
    const news = appliedSomethingNew(held, status);
    set({ status });
    if (news) useReceivedData.getState().received();
  },
  setSyncingNow: (syncingNow) => set({ syncingNow }),
}));
