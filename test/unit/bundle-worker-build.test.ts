/**
 * Where the verification worker comes from, in each configuration:
 * - the Electron build: verify-worker.ts bundled by esbuild to `bundle-verify-worker.cjs` next to
 *   the CJS bundle that starts it (verifier.ts looks there first). Built here with
 *   scripts/build.mjs's node options, into test-output/ (gitignored);
 * - the sources (CLI through tsx, the app in development): verify-worker-entry.mjs, which
 *   registers tsx inside the worker;
 * - the tests: the prebuilt dist/node worker named by CST_VERIFY_WORKER_FILE
 *   (test/helpers/global-setup.ts), so that no import pays for tsx compiling the verifier.
 * Each verifies a published vector.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as esbuild from 'esbuild';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkerVerifier, workerLocation, type BundleVerifier } from '../../electron/core/format/worker/verifier';
import { PREBUILT_WORKER } from '../helpers/global-setup';
import { VECTORS } from '../sync/bundle-vector-files';

const root = path.resolve(import.meta.dirname, '../..');
const outDir = path.join(root, 'test-output', 'bundle-worker', 'dist', 'electron');

afterAll(() => rmSync(path.join(root, 'test-output', 'bundle-worker'), { recursive: true, force: true }));

/** The hub verifies Urbino's encrypted vector: steps 1–10 pass. */
async function verifiesVector(v: BundleVerifier): Promise<void> {
  const temp = mkdtempSync(path.join(tmpdir(), 'cst-worker-'));
  try {
    const hub = JSON.parse(readFileSync(path.join(VECTORS, 'hub', 'secret.json'), 'utf8'));
    const report = await v.verify({
      path: path.join(VECTORS, 'valid-encrypted-1-3.cstb'),
      us: { kind: 'hub', id: 'CST-PU' },
      ageIdentities: [hub.age_identity],
      senders: [{ kind: 'municipality', id: '041067', keyId: '57008239706C3488', signingKey: 'RWSINGxwOYIAV1kX+yCVjLSAJAGL9CQq/RHQfAHcDfdM2CqYJ+yxdwRD' }],
      tempDir: temp,
    });
    expect(report.ok).toBe(true);
    expect(report.steps.map((s) => s.status)).toEqual(Array(10).fill('ok'));
  } finally {
    await v.close();
    rmSync(temp, { recursive: true, force: true });
  }
}

describe('bundled verification worker', () => {
  it('the tests run the prebuilt worker of test/helpers/global-setup.ts', async () => {
    expect(workerLocation()).toBe(PREBUILT_WORKER);
    await verifiesVector(createWorkerVerifier());
  });

  describe('without the tests\' override', () => {
    const saved = process.env.CST_VERIFY_WORKER_FILE;
    beforeEach(() => void delete process.env.CST_VERIFY_WORKER_FILE);
    afterEach(() => void (process.env.CST_VERIFY_WORKER_FILE = saved));

    it('is found next to the CJS bundle and verifies a vector', async () => {
      const esbuildApi = await import('esbuild');
      const { nodeBundle } = (await import(pathToFileURL(path.join(root, 'scripts', 'build.mjs')).href)) as { nodeBundle: esbuild.BuildOptions };
      await esbuildApi.build({ ...nodeBundle, entryPoints: [path.join(root, 'electron/core/format/worker/verify-worker.ts')], outfile: path.join(outDir, 'bundle-verify-worker.cjs'), sourcemap: false, logLevel: 'silent' });
      await esbuildApi.build({ ...nodeBundle, entryPoints: [path.join(root, 'electron/core/format/worker/verifier.ts')], outfile: path.join(outDir, 'verifier-under-test.cjs'), sourcemap: false, logLevel: 'silent' });
      const req = createRequire(import.meta.url);
      const mod = req(path.join(outDir, 'verifier-under-test.cjs')) as { createWorkerVerifier: typeof createWorkerVerifier; workerLocation: typeof workerLocation };
      expect(mod.workerLocation()).toBe(path.join(outDir, 'bundle-verify-worker.cjs'));
      await verifiesVector(mod.createWorkerVerifier());
    }, 60_000);

    it('runs from the TypeScript sources through tsx', async () => {
      expect(String(workerLocation())).toMatch(/\/electron\/core\/format\/worker\/verify-worker-entry\.mjs$/);
      await verifiesVector(createWorkerVerifier());
    }, 60_000);
  });
});
