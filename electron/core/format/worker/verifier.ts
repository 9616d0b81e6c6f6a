/**
 * How the reader runs steps 1–10: in a worker thread (the app, the CLI, the hub server) or
 * inline (a few unit tests, and as a fallback). Both run the same verifyBundle().
 *
 * Worker entry: from the sources, verify-worker-entry.mjs (registers tsx, then imports the
 * .ts worker); in the esbuild Electron bundle, `bundle-verify-worker.cjs` next to the bundle
 * that starts it (scripts/build.mjs must add that entry: see docs/bundles.md).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { verifyBundle, type VerifyInput, type VerifyReport } from '../bundle/verify';

export interface BundleVerifier {
  /** True when it runs on another thread and may stream verified lines (VerifyInput.channel). */
  readonly streams: boolean;
  verify(input: VerifyInput): Promise<VerifyReport>;
  close(): Promise<void>;
}

export const inlineVerifier: BundleVerifier = {
  streams: false,
  verify: verifyBundle,
  close: async () => {},
};

export const BUNDLED_WORKER_FILE = 'bundle-verify-worker.cjs';

export function workerLocation(): string | URL {
  // A prebuilt worker bundle (benchmarks measure the shipped configuration, without tsx).
  const override = process.env.CST_VERIFY_WORKER_FILE;
  if (override) return override;
  // In the CJS bundle __dirname is dist/electron; under tsx/vitest ESM it may be undefined or
  // point at the sources, where the bundled file does not exist.
  const dir = typeof __dirname === 'string' ? __dirname : null;
  if (dir && existsSync(join(dir, BUNDLED_WORKER_FILE))) return join(dir, BUNDLED_WORKER_FILE);
  return new URL('./verify-worker-entry.mjs', import.meta.url);
}

/** One worker, started on first use, verifying one file at a time; close() ends it. */
export function createWorkerVerifier(): BundleVerifier {
  let worker: Worker | null = null;
  let next = 0;
  const waiting = new Map<number, { resolve: (r: VerifyReport) => void; reject: (e: Error) => void }>();
  const failAll = (err: Error) => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
    worker = null;
  };
  const start = (): Worker => {
    // Verification holds at most one line (≤ 1 MiB) and 1 MiB buffers: a small heap makes V8
    // collect early instead of growing towards the process's share (peak RSS of a 1M import).
    const w = new Worker(workerLocation(), { resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 } });
    w.on('message', (msg: { id: number; report?: VerifyReport; error?: string }) => {
      const entry = waiting.get(msg.id);
      if (!entry) return;
      waiting.delete(msg.id);
      if (msg.report) entry.resolve(msg.report);
      else entry.reject(new Error(`bundle verification failed in the worker: ${msg.error}`));
    });
    w.on('error', (err) => failAll(err));
    w.on('exit', (code) => {
      if (waiting.size > 0) failAll(new Error(`bundle verification worker exited with code ${code}`));
      worker = null;
    });
    return w;
  };
  return {
    streams: true,
    verify(input) {
      worker ??= start();
      const id = (next += 1);
      return new Promise<VerifyReport>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        (worker as Worker).postMessage({ id, input });
      });
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}

/** The app's choice: the worker, unless CST_BUNDLE_VERIFY=inline (diagnostics). */
export function defaultVerifier(env: NodeJS.ProcessEnv = process.env): BundleVerifier {
  return env.CST_BUNDLE_VERIFY === 'inline' ? inlineVerifier : createWorkerVerifier();
}
