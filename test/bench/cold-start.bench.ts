import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { percentile, report } from './bench-util';

/**
 * Browser shell cold start: from spawning the shell process (a new data directory each time)
 * to the first screen visible in Chromium. Reported with Chromium already running (the shell's
 * own cost) and including Chromium's launch (what a person waits for).
 */
const root = join(import.meta.dirname, '..', '..');
if (!existsSync(join(root, 'dist', 'renderer', 'index.html'))) {
  spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}

// What `npm start` runs: the browser shell's bundle (built here if missing, outside the timing).
const { freshBundle } = await import(pathToFileURL(join(root, 'scripts', 'fresh-bundle.mjs')).href);
const shellBundle: string = await freshBundle('browser-shell', 'electron/server/browser-shell-main.ts');

async function once(withBrowserLaunch: boolean, warmBrowser?: import('playwright-core').Browser): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cst-bench-cold-'));
  const t0 = performance.now();
  const child = spawn(process.execPath, [shellBundle, '--no-open', '--data-dir', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const browserPromise = withBrowserLaunch ? chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }) : Promise.resolve(warmBrowser!);
  const url = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
  const browser = await browserPromise;
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(url);
  await page.locator('main h1, main h2').first().waitFor({ state: 'visible' });
  const elapsed = performance.now() - t0;
  await page.close();
  if (withBrowserLaunch) await browser.close();
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
  return elapsed;
}

const warm = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
await once(false, warm);
const shellOnly: number[] = [];
for (let i = 0; i < 5; i++) shellOnly.push(await once(false, warm));
await warm.close();
const withLaunch: number[] = [];
for (let i = 0; i < 3; i++) withLaunch.push(await once(true));
shellOnly.sort((a, b) => a - b);
withLaunch.sort((a, b) => a - b);
report('browser_shell_cold_start_to_first_screen_median', percentile(shellOnly, 50), 'ms', { runs: shellOnly.length, chromium: 'already running' });
report('browser_shell_cold_start_with_chromium_launch_median', percentile(withLaunch, 50), 'ms', { runs: withLaunch.length });
