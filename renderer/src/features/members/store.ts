import { create } from 'zustand';
import type { MemberQuery } from '../../components/member-filter';

interface MembersState {
  /** The members' list: search, province, region and page (kept while the clerk opens a member and comes back). */
  query: MemberQuery;
  /** A change of search, province or region goes back to the first page. */
  setQuery: (patch: Partial<MemberQuery>) => void;
}

export const useMembersStore = create<MembersState>()((set) => ({
  query: { search: '', province: '', region: '', page: 1 },
  setQuery: (patch) => set((s) => ({ query: { ...s.query, page: 1, ...patch } })),
}));
