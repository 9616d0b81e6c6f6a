import { create } from 'zustand';
import type { UsageEntry } from '../../../../shared/domain/usage';

export interface UsageFilters {
  service: string;
  from: string;
  to: string;
  text: string;
}

export const NO_FILTERS: UsageFilters = { service: '', from: '', to: '', text: '' };

interface UsageState {
  filters: UsageFilters;
  /** Cursors of the pages seen so far: `cursors[i]` opens page i+1 (null for the first). */
  cursors: (string | null)[];
  /** Bumped after every save, so the list, totals and charts read again. */
  version: number;
  editing: UsageEntry | null;
  deleting: UsageEntry | null;
  monthlyYear: number | null;
  setFilter: (key: keyof UsageFilters, value: string) => void;
  resetFilters: () => void;
  nextPage: (cursor: string) => void;
  previousPage: () => void;
  changed: () => void;
  edit: (entry: UsageEntry | null) => void;
  askDelete: (entry: UsageEntry | null) => void;
  setMonthlyYear: (year: number) => void;
  reset: () => void;
}

const INITIAL = { filters: NO_FILTERS, cursors: [null], version: 0, editing: null, deleting: null, monthlyYear: null };

/** UI state of the usage screens: filters and paging of the list, the entry being edited. */
export const useUsageStore = create<UsageState>()((set) => ({
  ...INITIAL,
  setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value }, cursors: [null] })),
  resetFilters: () => set({ filters: NO_FILTERS, cursors: [null] }),
  nextPage: (cursor) => set((s) => ({ cursors: [...s.cursors, cursor] })),
  previousPage: () => set((s) => ({ cursors: s.cursors.length > 1 ? s.cursors.slice(0, -1) : s.cursors })),
  changed: () => set((s) => ({ version: s.version + 1 })),
  edit: (entry) => set({ editing: entry }),
  askDelete: (entry) => set({ deleting: entry }),
  setMonthlyYear: (year) => set({ monthlyYear: year }),
  reset: () => set(INITIAL),
}));

/** The list's filters as the API takes them (empty ones left out). */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function filtersInput(f: UsageFilters): { service?: string; from?: string; to?: string; text?: string } {
  return {
    ...(f.service ? { service: f.service } : {}),
    // A date still being typed ("06/1") is not a filter yet: the field says what is wrong on leaving it.
    ...(ISO_DAY.test(f.from) ? { from: f.from } : {}),
    ...(ISO_DAY.test(f.to) ? { to: f.to } : {}),
    ...(f.text.trim() ? { text: f.text.trim() } : {}),
  };
}
