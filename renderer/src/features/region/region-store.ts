import { create } from 'zustand';

interface RegionState {
  /** The year the totals cover (null: every year), kept while the clerk drills down and back. */
  year: number | null;
  setYear: (year: number | null) => void;
}

export const useRegionStore = create<RegionState>()((set) => ({
  year: new Date().getFullYear(),
  setYear: (year) => set({ year }),
}));

/** The year as the API takes it (left out: every year). */
export function yearInput(year: number | null): { year?: number } {
  return year === null ? {} : { year };
}
