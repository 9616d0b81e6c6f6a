/**
 * The verification worker as the Electron build ships it: verify-worker.ts bundled by esbuild
 * to `bundle-verify-worker.cjs` next to the CJS bundle that starts it (verifier.ts looks there
 * first). Built with scripts/build.mjs's node options, into test-output/ (gitignored).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as esbuild from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import type { createWorkerVerifier as CreateWorkerVerifier } from '../../electron/core/format/worker/verifier';
import { VECTORS } from '../sync/bundle-vector-files';

const root = path.resolve(import.meta.dirname, '../..');
const outDir = path.join(root, 'test-output', 'bundle-worker', 'dist', 'electron');

afterAll(() => rmSync(path.join(root, 'test-output', 'bundle-worker'), { recursive: true, force: true }));

describe('bundled verification worker', () => {
  it('is found next to the CJS bundle and verifies a vector', async () => {
    const esbuildApi = await import('esbuild');
    const { nodeBundle } = (await import(pathToFileURL(path.join(root, 'scripts', 'build.mjs')).href)) as { nodeBundle: esbuild.BuildOptions };
    await esbuildApi.build({ ...nodeBundle, entryPoints: [path.join(root, 'electron/core/format/worker/verify-worker.ts')], outfile: path.join(outDir, 'bundle-verify-worker.cjs'), sourcemap: false, logLevel: 'silent' });
    await esbuildApi.build({ ...nodeBundle, entryPoints: [path.join(root, 'electron/core/format/worker/verifier.ts')], outfile: path.join(outDir, 'verifier-under-test.cjs'), sourcemap: false, logLevel: 'silent' });
    const req = createRequire(import.meta.url);
    const mod = req(path.join(outDir, 'verifier-under-test.cjs')) as { createWorkerVerifier: typeof CreateWorkerVerifier; workerLocation: () => string | URL };
    expect(mod.workerLocation()).toBe(path.join(outDir, 'bundle-verify-worker.cjs'));
    const v = mod.createWorkerVerifier();
    const temp = mkdtempSync(path.join(tmpdir(), 'cst-worker-'));
    try {
      const hub = JSON.parse(req('node:fs').readFileSync(path.join(VECTORS, 'hub', 'secret.json'), 'utf8'));
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
  }, 60_000);
});
