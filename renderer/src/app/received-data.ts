import { create } from 'zustand';

interface ReceivedDataState {
  /** Bumped whenever data arrived by itself (a network sync round applied something). */
  version: number;
  received: () => void;
}

/**
 * Data that changed without the clerk doing anything on this page: every `useApiQuery` reads
 * again when the counter moves, so what is on screen shows what the sync just applied.
 */
export const useReceivedData = create<ReceivedDataState>()((set) => ({
  version: 0,
  received: () => set((s) => ({ version: s.version + 1 })),
}));
