// The Node-side tools (the `cst` CLI, the browser shell) run from esbuild bundles in dist/node/,
// rebuilt automatically whenever a source is newer than the bundle: they start in a fraction of
// the time TypeScript takes through an on-the-fly loader, and are never stale after a git pull.
// Bundled with the same options as the Electron build (scripts/build.mjs), for this Node.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { nodeBundle } from './build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist', 'node');
const SOURCES = ['electron', 'shared', 'data', 'package.json', 'scripts/build.mjs', 'scripts/fresh-bundle.mjs'];
/** Received bundles are verified in this worker, which the verifier looks for beside its caller. */
const WORKER = { name: 'bundle-verify-worker', entry: 'electron/core/format/worker/verify-worker.ts' };

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function mtimeOrZero(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** The bundle of `entry` (a path from the repository root) as dist/node/<name>.cjs, fresh. */
export async function freshBundle(name, entry) {
  const outputs = [join(outDir, `${name}.cjs`), join(outDir, `${WORKER.name}.cjs`)];
  const builtAt = Math.min(...outputs.map(mtimeOrZero));
  const changedAt = Math.max(...SOURCES.map((s) => newestMtime(join(root, s))));
  if (builtAt > changedAt) return outputs[0];
  // Parallel invocations (tests) each build into their own folder and rename into place.
  const tmp = join(outDir, `.build-${process.pid}-${Date.now()}`);
  mkdirSync(tmp, { recursive: true });
  try {
    const options = { ...nodeBundle, target: `node${process.versions.node}`, sourcemap: false, logLevel: 'error' };
    await esbuild.build({ ...options, entryPoints: { [name]: join(root, entry), [WORKER.name]: join(root, WORKER.entry) }, outdir: tmp, outExtension: { '.js': '.cjs' } });
    // The worker first: the entry point may start it as soon as it exists.
    renameSync(join(tmp, `${WORKER.name}.cjs`), outputs[1]);
    renameSync(join(tmp, `${name}.cjs`), outputs[0]);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return outputs[0];
}
