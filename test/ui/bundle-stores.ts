import { useImportsStore } from '../../renderer/src/features/imports/store';
import { useDestinationStore } from '../../renderer/src/features/bundles/destination';

/** The bundle screens keep their last results and destination in stores: empty them between tests. */
export function resetBundleStores(): void {
  useImportsStore.setState({ results: [], importedAt: null });
  useDestinationStore.setState({ folder: '', mode: 'save' });
}
