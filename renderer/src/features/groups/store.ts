import { create } from 'zustand';
import type { Group, Meeting } from '../../../../shared/domain/groups';

interface GroupsState {
  version: number;
  editingGroup: Group | null;
  editingMeeting: Meeting | null;
  deleting: { method: 'groups.delete' | 'meetings.delete'; id: string; title: string; text: string } | null;
  changed: () => void;
  editGroup: (g: Group | null) => void;
  editMeeting: (m: Meeting | null) => void;
  askDelete: (d: GroupsState['deleting']) => void;
  reset: () => void;
}

const INITIAL = { version: 0, editingGroup: null, editingMeeting: null, deleting: null };

/** UI state of the thematic groups screen. */
export const useGroupsStore = create<GroupsState>()((set) => ({
  ...INITIAL,
  changed: () => set((s) => ({ version: s.version + 1 })),
  editGroup: (editingGroup) => set({ editingGroup }),
  editMeeting: (editingMeeting) => set({ editingMeeting }),
  askDelete: (deleting) => set({ deleting }),
  reset: () => set(INITIAL),
}));
