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
import { appError } from '../../platform/errors';
import { ABORT_INDEX, HEADER_INTS, SLOTS } from '../bundle/line-channel';
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

/**
 * The verification worker's supervisor, a small thread of its own (eval'd: no file to ship).
 * While the writer thread reads a channel it blocks in Atomics.wait (the apply is one
 * synchronous transaction), so it cannot hear its worker's 'exit' or 'error' events; the
 * supervisor can. It starts the worker, relays requests and answers, and when the worker dies
 * (an uncaught error, process.exit, the heap limit) it aborts the channels of the requests in
 * flight (line-channel.ts ABORT_INDEX, with its layout's constants), answers each with `died`, and
 * says `dead`: the writer stops at once instead of at the channel's 2-minute stall timeout.
 */
const SUPERVISOR_SOURCE = `
const { Worker, parentPort, workerData } = require('node:worker_threads');
const { location, resourceLimits, deadFlag } = workerData;
const inFlight = new Map();
const worker = new Worker(location.startsWith('file:') ? new URL(location) : location, { resourceLimits });
let gone = null;
function fail(id, channel) {
  if (channel) {
    const ctrl = new Int32Array(channel, 0, ${SLOTS * HEADER_INTS});
    Atomics.store(ctrl, ${ABORT_INDEX}, 1);
    for (let i = 0; i < ${SLOTS}; i += 1) Atomics.notify(ctrl, i * ${HEADER_INTS});
  }
  parentPort.postMessage({ id, died: gone });
}
function died(why) {
  if (gone !== null) return;
  gone = why;
  Atomics.store(deadFlag, 0, 1); // before any channel is aborted: the next verify() starts afresh
  for (const [id, channel] of inFlight) fail(id, channel);
  inFlight.clear();
  parentPort.postMessage({ dead: why });
}
worker.on('message', (msg) => { inFlight.delete(msg.id); parentPort.postMessage(msg); });
worker.on('error', (err) => died(String((err && err.stack) || err)));
worker.on('exit', (code) => died('exited with code ' + code));
parentPort.on('message', (msg) => {
  // A request that crossed the news of the worker's death: failed like those it had in hand.
  if (gone !== null) return fail(msg.id, msg.input.channel || null);
  inFlight.set(msg.id, msg.input.channel || null);
  worker.postMessage(msg);
});
`;

/**
 * One worker (behind its supervisor), started on first use, verifying one file at a time;
 * close() ends it. A worker that died fails what it had in hand at once (bundle.verifierStopped)
 * and the next verify() starts a fresh one.
 */
export function createWorkerVerifier(): BundleVerifier {
  let supervisor: Worker | null = null;
  /** Set by the supervisor when its worker died: read synchronously, the 'dead' message may still be queued. */
  let deadFlag = new Int32Array(new SharedArrayBuffer(4));
  let next = 0;
  const waiting = new Map<number, { resolve: (r: VerifyReport) => void; reject: (e: Error) => void }>();
  const failAll = (err: Error) => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  const start = (): Worker => {
    const location = workerLocation();
    // Verification holds at most one line (≤ 1 MiB) and 1 MiB buffers: a small heap makes V8
    // collect early instead of growing towards the process's share (peak RSS of a 1M import).
    const resourceLimits = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 };
    deadFlag = new Int32Array(new SharedArrayBuffer(4));
    const w = new Worker(SUPERVISOR_SOURCE, { eval: true, workerData: { location: String(location), resourceLimits, deadFlag }, resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 } });
    const forget = () => {
      if (supervisor === w) supervisor = null;
    };
    w.on('message', (msg: { id?: number; report?: VerifyReport; error?: string; died?: string; dead?: string }) => {
      if (msg.dead !== undefined) {
        forget();
        void w.terminate();
        return;
      }
      const entry = waiting.get(msg.id as number);
      if (!entry) return;
      waiting.delete(msg.id as number);
      if (msg.report) entry.resolve(msg.report);
      else if (msg.died !== undefined) entry.reject(appError('bundle.verifierStopped'));
      else entry.reject(new Error(`bundle verification failed in the worker: ${msg.error}`));
    });
    w.on('error', (err) => {
      forget();
      failAll(err);
    });
    w.on('exit', () => {
      forget();
      if (waiting.size > 0) failAll(appError('bundle.verifierStopped'));
    });
    return w;
  };
  return {
    streams: true,
    verify(input) {
      if (supervisor && Atomics.load(deadFlag, 0) !== 0) {
        void supervisor.terminate();
        supervisor = null;
      }
      supervisor ??= start();
      const w = supervisor;
      const id = (next += 1);
      return new Promise<VerifyReport>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        w.postMessage({ id, input });
      });
    },
    async close() {
      const w = supervisor;
      supervisor = null;
      if (w) await w.terminate();
    },
  };
}

/** The app's choice: the worker, unless CST_BUNDLE_VERIFY=inline (diagnostics). */
export function defaultVerifier(env: NodeJS.ProcessEnv = process.env): BundleVerifier {
  return env.CST_BUNDLE_VERIFY === 'inline' ? inlineVerifier : createWorkerVerifier();
}
