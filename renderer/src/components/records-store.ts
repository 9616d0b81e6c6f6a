/**
 * What the store of every records screen keeps besides its own editing state: a counter bumped
 * after each save (the screen's lists read again) and the deletion waiting for its confirmation.
 */
export interface RecordsSlice<D> {
  version: number;
  deleting: D | null;
  changed: () => void;
  askDelete: (deleting: D | null) => void;
}

export const RECORDS_INITIAL = { version: 0, deleting: null };

/** The slice, for a zustand store: `create<S>()((set) => ({ ...recordsSlice<S>(set), ... }))`. */
export function recordsSlice<S extends { version: number; deleting: unknown }>(set: (update: Partial<S> | ((state: S) => Partial<S>)) => void): RecordsSlice<NonNullable<S['deleting']>> {
  return {
    ...RECORDS_INITIAL,
    changed: () => set((s) => ({ version: s.version + 1 }) as Partial<S>),
    askDelete: (deleting) => set({ deleting } as Partial<S>),
  };
}
