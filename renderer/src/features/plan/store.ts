import { create } from 'zustand';

/** The plan year and version the hub is looking at, shared by the plan's views; `rev` bumps on every change. */
interface PlanSelection {
  year: number | null;
  version: number | null;
  rev: number;
  select: (year: number | null, version?: number | null) => void;
  changed: () => void;
  reset: () => void;
}

export const usePlanStore = create<PlanSelection>()((set) => ({
  year: null,
  version: null,
  rev: 0,
  select: (year, version = null) => set({ year, version }),
  changed: () => set((s) => ({ rev: s.rev + 1 })),
  reset: () => set({ year: null, version: null, rev: 0 }),
}));
