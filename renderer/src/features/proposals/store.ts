import { create } from 'zustand';

export type ProposalAction = 'submit' | 'withdraw' | 'delete';

interface ProposalsState {
  version: number;
  /** A submitted proposal opened for a new version ("Modifica"). */
  editingSubmitted: boolean;
  confirming: ProposalAction | null;
  changed: () => void;
  setEditingSubmitted: (v: boolean) => void;
  confirm: (a: ProposalAction | null) => void;
  reset: () => void;
}

const INITIAL = { version: 0, editingSubmitted: false, confirming: null };

/** UI state of the proposals screens. */
export const useProposalsStore = create<ProposalsState>()((set) => ({
  ...INITIAL,
  changed: () => set((s) => ({ version: s.version + 1 })),
  setEditingSubmitted: (editingSubmitted) => set({ editingSubmitted }),
  confirm: (confirming) => set({ confirming }),
  reset: () => set(INITIAL),
}));
