import { create } from 'zustand';
import type { BundleImportResult } from '../../../../shared/domain/bundles';

interface ImportsState {
  /** The last batch's results: kept while the operator moves between screens. */
  results: BundleImportResult[];
  importedAt: string | null;
  setResults: (results: BundleImportResult[]) => void;
}

export const useImportsStore = create<ImportsState>()((set) => ({
  results: [],
  importedAt: null,
  setResults: (results) => set({ results, importedAt: new Date().toISOString() }),
}));
