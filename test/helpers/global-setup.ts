import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { useMemoryTempDir } from './memory-temp';

/**
 * Once per `vitest run`, before any test file: the esbuild bundles of the `cst` command and of
 * the bundle verification worker (dist/node/, what bin/cst.mjs runs; rebuilt only when a source
 * is newer). Every test that imports a bundle in process then starts that prebuilt worker
 * (CST_VERIFY_WORKER_FILE, read by electron/core/format/worker/verifier.ts) instead of one that
 * compiles the verifier's TypeScript through tsx (~0.75 s per start), and the files that spawn
 * `cst` do not race each other to rebuild it. The worker from the sources keeps its own test
 * (test/unit/bundle-worker-build.test.ts).
 */
const ROOT = join(__dirname, '..', '..');
export const PREBUILT_WORKER = join(ROOT, 'dist', 'node', 'bundle-verify-worker.cjs');

export default async function buildNodeBundles(): Promise<void> {
  const url = pathToFileURL(join(ROOT, 'scripts', 'fresh-bundle.mjs')).href;
  const { freshBundle } = (await import(url)) as { freshBundle: (name: string, entry: string) => Promise<string> };
  await freshBundle('cst', 'electron/cli/main.ts');
  // Test workers are started after this and inherit the environment.
  process.env.CST_VERIFY_WORKER_FILE ??= PREBUILT_WORKER;
  useMemoryTempDir();
}
