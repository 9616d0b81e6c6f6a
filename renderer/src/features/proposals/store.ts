import { create } from 'zustand';
import type { ApiError } from '../../../../shared/api/errors';

export type ProposalAction = 'submit' | 'withdraw' | 'delete';

interface ProposalsState {
  version: number;
  /** A submitted proposal opened for a new version ("Modifica"). */
  editingSubmitted: boolean;
  confirming: ProposalAction | null;
  /** Why the backend refused to submit (a missing solution…): shown next to that field. */
  submitRefusal: ApiError | null;
  setSubmitRefusal: (e: ApiError | null) => void;
  changed: () => void;
  setEditingSubmitted: (v: boolean) => void;
  confirm: (a: ProposalAction | null) => void;
  reset: () => void;
}

const INITIAL = { version: 0, editingSubmitted: false, confirming: null, submitRefusal: null };

/** UI state of the proposals screens. */
export const useProposalsStore = create<ProposalsState>()((set) => ({
  ...INITIAL,
  changed: () => set((s) => ({ version: s.version + 1 })),
  setEditingSubmitted: (editingSubmitted) => set({ editingSubmitted }),
  confirm: (confirming) => set({ confirming }),
  setSubmitRefusal: (submitRefusal) => set({ submitRefusal }),
  reset: () => set(INITIAL),
}));
