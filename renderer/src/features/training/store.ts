import { create } from 'zustand';
import type { PendingDelete as PendingDeleteOf } from '../../components/delete-record-dialog';
import { RECORDS_INITIAL, recordsSlice, type RecordsSlice } from '../../components/records-store';
import type { StaffMember } from '../../../../shared/domain/staff';
import type { Course, Participation } from '../../../../shared/domain/training';

/** A deletion waiting for its confirmation. */
export type PendingDelete = PendingDeleteOf<'staff.delete' | 'courses.delete' | 'participations.delete'>;

interface TrainingState extends RecordsSlice<PendingDelete> {
  editingStaff: StaffMember | null;
  editingCourse: Course | null;
  editingParticipation: Participation | null;
  totalsYear: number | null;
  editStaff: (s: StaffMember | null) => void;
  editCourse: (c: Course | null) => void;
  editParticipation: (p: Participation | null) => void;
  setTotalsYear: (y: number) => void;
  reset: () => void;
}

const INITIAL = { ...RECORDS_INITIAL, editingStaff: null, editingCourse: null, editingParticipation: null, totalsYear: null };

/** UI state of the training screens: what is being edited or deleted, the year of the totals. */
export const useTrainingStore = create<TrainingState>()((set) => ({
  ...recordsSlice<TrainingState>(set),
  ...INITIAL,
  editStaff: (editingStaff) => set({ editingStaff }),
  editCourse: (editingCourse) => set({ editingCourse }),
  editParticipation: (editingParticipation) => set({ editingParticipation }),
  setTotalsYear: (totalsYear) => set({ totalsYear }),
  reset: () => set(INITIAL),
}));

/** "P-001 — Maria Rossi", or the code alone when no name is known. */
export function personLabel(p: { code: string; displayName: string | null }): string {
  return p.displayName ? `${p.code} — ${p.displayName}` : p.code;
}
