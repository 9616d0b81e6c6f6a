import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
// A computed specifier: the build script is plain JS without type declarations.
const buildScript = pathToFileURL(path.join(root, 'scripts', 'build.mjs')).href;
const { electronBundles, nodeBundle } = (await import(buildScript)) as {
  electronBundles: () => Record<'main' | 'backendHost' | 'preload' | 'verifyWorker', esbuild.BuildOptions>;
  nodeBundle: esbuild.BuildOptions;
};

function requiredModules(code: string): string[] {
  return [...new Set([...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!))].sort();
}

async function bundle(options: esbuild.BuildOptions): Promise<string> {
  const result = await esbuild.build({ ...options, write: false, sourcemap: false, logLevel: 'silent' });
  return result.outputFiles!.find((f) => f.path.endsWith('.cjs'))!.text;
}

describe('Electron bundles', () => {
  it('the sandboxed preload is one CJS file that requires nothing but electron', async () => {
    const code = await bundle(electronBundles().preload);
    expect(requiredModules(code)).toEqual(['electron']);
    expect(code).not.toMatch(/\bimport\s*\(/);
  });

  it('the main bundle keeps electron external and needs only Node built-ins besides', async () => {
    const code = await bundle(electronBundles().main);
    const external = requiredModules(code).filter((m) => !m.startsWith('node:'));
    expect(external).toEqual(['electron']);
  });

  it('builds the bundle-verification worker beside the backend host, under the name the verifier looks for', async () => {
    const { BUNDLED_WORKER_FILE } = await import('../../electron/core/format/worker/verifier');
    const bundles = electronBundles();
    expect(path.dirname(bundles.verifyWorker.outfile!)).toBe(path.dirname(bundles.backendHost.outfile!));
    expect(path.basename(bundles.verifyWorker.outfile!)).toBe(BUNDLED_WORKER_FILE);
    const external = requiredModules(await bundle(bundles.verifyWorker)).filter((m) => !m.startsWith('node:'));
    expect(external).not.toContain('electron');
  });

  it('rewrites import.meta so bundled core code finds data files from dist/electron', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cst-bundle-'));
    try {
      const outfile = path.join(dir, 'dist', 'electron', 'fixture.cjs');
      mkdirSync(path.dirname(outfile), { recursive: true });
      const code = await bundle({ ...nodeBundle, entryPoints: [path.join(import.meta.dirname, 'fixtures', 'uses-import-meta.ts')], outfile });
      writeFileSync(outfile, code);
      const loaded = createRequire(import.meta.url)(outfile) as { dataUrl: string; here: string; self: string };
      // The app root is two levels above the bundle, as in a checkout and inside app.asar.
      expect(loaded.dataUrl).toBe(pathToFileURL(path.join(dir, 'data', 'comuni-pu.json')).href);
      expect(loaded.here).toBe(path.join(dir, 'test', 'shell', 'fixtures'));
      expect(loaded.self).toBe(path.join(dir, 'test', 'shell', 'fixtures', 'uses-import-meta.ts'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('utility process side', () => {
  it('takes only types from electron: a utility process has no Electron API', () => {
    for (const file of ['backend-host.ts', 'backend-host-runner.ts', 'host-messages.ts', 'backend-client.ts']) {
      const source = readFileSync(path.join(root, 'electron', 'main', file), 'utf8');
      const fromElectron = [...source.matchAll(/^import\s+(type\s+)?[^;]*from\s+'electron';/gm)];
      expect(fromElectron.every((m) => m[1]), file).toBe(true);
    }
  });
});
