import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The bundled backend host (dist/electron/backend-host.cjs) prints a report's PDF by asking main:
 * `report.pdf` without `out` posts `{ print }` with the report's HTML and answers with the bytes
 * main sends back in `{ printed }` (played here by fixtures/print-driver.cjs), with no browser.
 */
const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const outfile = path.join(root, 'test-output', 'print-bundle', 'dist', 'electron', 'backend-host.cjs');
let dataDir: string;

beforeAll(async () => {
  const esbuildApi = await import('esbuild');
  const { electronBundles } = (await import(pathToFileURL(path.join(root, 'scripts', 'build.mjs')).href)) as {
    electronBundles: () => Record<'backendHost', esbuild.BuildOptions>;
  };
  await esbuildApi.build({ ...electronBundles().backendHost, outfile, sourcemap: false, logLevel: 'silent' });
  dataDir = mkdtempSync(path.join(tmpdir(), 'cst-host-print-'));
});

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(path.join(root, 'test-output', 'print-bundle'), { recursive: true, force: true });
});

describe('the bundled backend host prints through main', () => {
  it('asks main for the PDF of the plan and returns its bytes to the caller', async () => {
    const messages = [
      { init: { dataDir, appVersion: '9.9.9' } },
      { id: 1, method: 'setup.hub', input: { id: 'CST-PU', name: 'CST Pesaro-Urbino', province: 'PU', operator: 'Ufficio CST' } },
      { id: 2, method: 'plan.create', input: { year: 2027, date: '2026-11-26' } },
      { id: 3, method: 'report.pdf', input: { doc: 'plan', year: 2027 } },
      { shutdown: true },
    ];
    // A real browser may be installed here: the stub bytes prove main printed, not the fallback.
    const { stdout } = await run(process.execPath, [path.join(import.meta.dirname, 'fixtures', 'print-driver.cjs'), outfile, JSON.stringify(messages)], {
      env: { ...process.env, CST_VERBOSE: '', CST_BROWSER: '/nessun/browser' },
      timeout: 30_000,
    });
    const replies = stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const id of [1, 2]) expect(replies.find((r) => r.id === id)).toMatchObject({ result: { ok: true } });
    expect(replies).toContainEqual({ printRequested: { id: 1, title: 'Piano tecnico annuale 2027 — versione 1' } });
    const pdf = replies.find((r) => r.id === 3) as { result: { ok: boolean; value: { fileName: string; bytes: number; contentBase64: string } } };
    expect(pdf.result.ok).toBe(true);
    expect(pdf.result.value.fileName).toBe('piano-tecnico-2027.pdf');
    expect(Buffer.from(pdf.result.value.contentBase64, 'base64').toString('utf8')).toBe('%PDF-stub Piano tecnico annuale 2027 — versione 1');
  });
});
