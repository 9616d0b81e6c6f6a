import { create } from 'zustand';

export interface HistoryTarget {
  /** Record kind as the outbox names it (`usage`, `staff`, `proposal`…). */
  kind: string;
  id: string;
  /** What the dialog's title names ("registrazione del 05/11/2026, PEC"). */
  what: string;
  /** Names for the ids and codes the versions hold (a person's id → "P-001 — Anna Neri"). */
  names?: Record<string, string>;
}

interface HistoryState {
  target: HistoryTarget | null;
  open: (target: HistoryTarget) => void;
  close: () => void;
}

/** Which record's history ("Cronologia") is open: one dialog for the whole app. */
export const useHistoryStore = create<HistoryState>()((set) => ({
  target: null,
  open: (target) => set({ target }),
  close: () => set({ target: null }),
}));
