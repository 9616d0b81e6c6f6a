import { create } from 'zustand';

interface MembersState {
  /** Text typed in the members' search box. */
  filter: string;
  setFilter: (filter: string) => void;
}

export const useMembersStore = create<MembersState>()((set) => ({
  filter: '',
  setFilter: (filter) => set({ filter }),
}));

/** Accent- and case-insensitive match ("forli" finds Forlì), as the backend's search does. */
export function matchesFilter(name: string, filter: string): boolean {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('it-IT');
  return fold(name).includes(fold(filter.trim()));
}
