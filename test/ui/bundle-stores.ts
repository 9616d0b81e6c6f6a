import { vi } from 'vitest';
import { useImportsStore } from '../../renderer/src/features/imports/store';

/** The import screen keeps its last results in a store: empty it between tests. */
export function resetBundleStores(): void {
  useImportsStore.setState({ results: [], importedAt: null });
  vi.restoreAllMocks();
}
