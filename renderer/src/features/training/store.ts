import { create } from 'zustand';
import type { PendingDelete as PendingDeleteOf } from '../../components/delete-record-dialog';
import type { StaffMember } from '../../../../shared/domain/staff';
import type { Course, Participation } from '../../../../shared/domain/training';

/** A deletion waiting for its confirmation. */
export type PendingDelete = PendingDeleteOf<'staff.delete' | 'courses.delete' | 'participations.delete'>;

interface TrainingState {
  /** Bumped after every save: lists and totals read again. */
  version: number;
  editingStaff: StaffMember | null;
  editingCourse: Course | null;
  editingParticipation: Participation | null;
  deleting: PendingDelete | null;
  totalsYear: number | null;
  changed: () => void;
  editStaff: (s: StaffMember | null) => void;
  editCourse: (c: Course | null) => void;
  editParticipation: (p: Participation | null) => void;
  askDelete: (d: PendingDelete | null) => void;
  setTotalsYear: (y: number) => void;
  reset: () => void;
}

const INITIAL = { version: 0, editingStaff: null, editingCourse: null, editingParticipation: null, deleting: null, totalsYear: null };

/** UI state of the training screens: what is being edited or deleted, the year of the totals. */
export const useTrainingStore = create<TrainingState>()((set) => ({
  ...INITIAL,
  changed: () => set((s) => ({ version: s.version + 1 })),
  editStaff: (editingStaff) => set({ editingStaff }),
  editCourse: (editingCourse) => set({ editingCourse }),
  editParticipation: (editingParticipation) => set({ editingParticipation }),
  askDelete: (deleting) => set({ deleting }),
  setTotalsYear: (totalsYear) => set({ totalsYear }),
  reset: () => set(INITIAL),
}));

/** "P-001 — Maria Rossi", or the code alone when no name is known. */
export function personLabel(p: { code: string; displayName: string | null }): string {
  return p.displayName ? `${p.code} — ${p.displayName}` : p.code;
}
