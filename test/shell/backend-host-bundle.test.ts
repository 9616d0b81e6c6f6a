import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

// Built under the repository (test-output/ is gitignored) so `require('better-sqlite3')` resolves
// from node_modules, as it does from dist/electron in a checkout.
const outfile = path.join(root, 'test-output', 'shell-bundle', 'dist', 'electron', 'backend-host.cjs');
let dataDir: string;

beforeAll(async () => {
  const esbuildApi = await import('esbuild');
  const { electronBundles } = (await import(pathToFileURL(path.join(root, 'scripts', 'build.mjs')).href)) as {
    electronBundles: () => Record<'backendHost', esbuild.BuildOptions>;
  };
  await esbuildApi.build({ ...electronBundles().backendHost, outfile, sourcemap: false, logLevel: 'silent' });
  dataDir = mkdtempSync(path.join(tmpdir(), 'cst-host-bundle-'));
});

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(path.join(root, 'test-output', 'shell-bundle'), { recursive: true, force: true });
});

async function drive(messages: unknown[]): Promise<Array<Record<string, unknown>>> {
  const { stdout } = await run(process.execPath, [path.join(import.meta.dirname, 'fixtures', 'host-driver.cjs'), outfile, JSON.stringify(messages)], {
    env: { ...process.env, CST_VERBOSE: '' },
    timeout: 20_000,
  });
  return stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('the bundled backend host (dist/electron/backend-host.cjs)', () => {
  it('opens a data dir and answers calls over the parent-port protocol', async () => {
    const replies = await drive([
      { init: { dataDir, appVersion: '9.9.9' } },
      { id: 1, method: 'app.status', input: {} },
      { id: 2, method: 'reference.searchMunicipalities', input: { query: 'urbino', limit: 1 } },
      { id: 3, method: 'no.such', input: {} },
      { shutdown: true },
    ]);
    expect(replies[0]).toEqual({ ready: true });
    expect(replies.find((r) => r.id === 1)).toMatchObject({ result: { ok: true, value: { version: '9.9.9', dataDir } } });
    // The ISTAT list is a JSON import inlined by esbuild.
    expect(replies.find((r) => r.id === 2)).toMatchObject({ result: { ok: true, value: [{ istat: '041067', name: 'Urbino' }] } });
    expect(replies.find((r) => r.id === 3)).toMatchObject({ result: { ok: false, error: { code: 'E_UNKNOWN_METHOD' } } });
  });

  it('reports a data dir it cannot open as fatal, with the core’s code and Italian message', async () => {
    const replies = await drive([{ init: { dataDir: path.join(outfile, 'not-a-dir'), appVersion: '1' } }]);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ fatal: { code: 'E_DATA_DIR' } });
    expect((replies[0]!.fatal as { message: string }).message.length).toBeGreaterThan(10);
  });
});
