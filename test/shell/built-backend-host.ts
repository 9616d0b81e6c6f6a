/**
 * The backend host as Electron ships it (dist/electron/backend-host.cjs), built once per test
 * file under the repository (test-output/ is gitignored, so `require('better-sqlite3')` resolves
 * from node_modules as it does from dist/electron in a checkout), and driven under plain Node by
 * fixtures/host-driver.cjs, which stands in for Electron's parentPort and for main's printing.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type * as esbuild from 'esbuild';
import { afterAll, beforeAll } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

export interface BuiltHost {
  outfile: string;
  /** A fresh data folder for this test file (valid once beforeAll ran). */
  dataDir(): string;
  /** Delivers the messages in order, `everyMs` apart; the host's replies, one object per line. */
  drive(messages: unknown[], options?: { everyMs?: number; env?: Record<string, string>; timeoutMs?: number }): Promise<Array<Record<string, unknown>>>;
}

export function builtBackendHost(name: string): BuiltHost {
  const folder = path.join(root, 'test-output', name);
  const outfile = path.join(folder, 'dist', 'electron', 'backend-host.cjs');
  let dataDir = '';
  beforeAll(async () => {
    const esbuildApi = await import('esbuild');
    const { electronBundles } = (await import(pathToFileURL(path.join(root, 'scripts', 'build.mjs')).href)) as {
      electronBundles: () => Record<'backendHost', esbuild.BuildOptions>;
    };
    await esbuildApi.build({ ...electronBundles().backendHost, outfile, sourcemap: false, logLevel: 'silent' });
    dataDir = mkdtempSync(path.join(tmpdir(), `cst-${name}-`));
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
  });
  return {
    outfile,
    dataDir: () => dataDir,
    async drive(messages, options = {}) {
      const driver = path.join(import.meta.dirname, 'fixtures', 'host-driver.cjs');
      const { stdout } = await run(process.execPath, [driver, outfile, JSON.stringify(messages), String(options.everyMs ?? 50)], {
        env: { ...process.env, CST_VERBOSE: '', ...options.env },
        timeout: options.timeoutMs ?? 20_000,
      });
      return stdout
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    },
  };
}
