/**
 * The UI tests' backend: the real core, opened in this process by test/helpers/ui-backend.ts.
 * That file needs Node's types and lives in the node TS project; this project (DOM, no Node)
 * sees it only through the types of ui-backend-types.ts, loaded with Vite's glob so that tsc
 * does not follow the import into Node code.
 */
import type { UiBackendModule } from '../helpers/ui-backend-types';

const loaded = import.meta.glob<UiBackendModule>('../helpers/ui-backend.ts', { eager: true });
const helper = loaded['../helpers/ui-backend.ts'];
if (!helper) throw new Error('test/helpers/ui-backend.ts not found');

export const { openUiBackend, pair, exportBundles, copyOfData, restoreCopy, memberIdentityFiles, zipOf, regionFolders, provinceWithFileNotForRegion } = helper;
export type { BundleFile, MemberIdentityFile, UiBackend, UiBackendOptions } from '../helpers/ui-backend-types';

/** A bundle as the File a clerk picks or drops. */
export function bundleAsFile(b: { name: string; contentBase64: string }): File {
  return new File([Uint8Array.from(atob(b.contentBase64), (c) => c.charCodeAt(0))], b.name);
}
