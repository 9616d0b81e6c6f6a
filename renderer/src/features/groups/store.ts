import { create } from 'zustand';
import type { Group, Meeting } from '../../../../shared/domain/groups';
import type { PendingDelete } from '../../components/delete-record-dialog';
import { RECORDS_INITIAL, recordsSlice, type RecordsSlice } from '../../components/records-store';

interface GroupsState extends RecordsSlice<PendingDelete<'groups.delete' | 'meetings.delete'>> {
  editingGroup: Group | null;
  editingMeeting: Meeting | null;
  editGroup: (g: Group | null) => void;
  editMeeting: (m: Meeting | null) => void;
  reset: () => void;
}

const INITIAL = { ...RECORDS_INITIAL, editingGroup: null, editingMeeting: null };

/** UI state of the thematic groups screen. */
export const useGroupsStore = create<GroupsState>()((set) => ({
  ...recordsSlice<GroupsState>(set),
  ...INITIAL,
  editGroup: (editingGroup) => set({ editingGroup }),
  editMeeting: (editingMeeting) => set({ editingMeeting }),
  reset: () => set(INITIAL),
}));
