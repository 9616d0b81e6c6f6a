import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { tempDir } from '../helpers/temp-dir';
import { CHROMIUM_ARGS, CHROMIUM_ENV, CHROMIUM_PATH } from './chromium';

export { CHROMIUM_ARGS };

export const ROOT = join(__dirname, '..', '..');


/** The same program `npm start` runs: the browser shell's bundle, rebuilt if a source changed. */
export async function browserShellBundle(): Promise<string> {
  const { freshBundle } = (await import(pathToFileURL(join(ROOT, 'scripts', 'fresh-bundle.mjs')).href)) as {
    freshBundle: (name: string, entry: string) => Promise<string>;
  };
  return freshBundle('browser-shell', 'electron/server/browser-shell-main.ts');
}

export interface RunningShell {
  /** The first launch address (a one-time code): `openPage` asks the shell for a new one each later time. */
  url: string;
  dataDir: string;
  process: ChildProcess;
  /** Another one-time launch address, as pressing Enter in the shell's terminal gives. */
  newUrl(): Promise<string>;
  stop(): Promise<void>;
}

/** Shells by their first launch address, and the addresses already opened once. */
const shellsByUrl = new Map<string, RunningShell>();
const openedUrls = new Set<string>();

/** Starts the real browser shell (the same entry `npm start` runs) on a data directory. */
export async function startShell(dataDir = tempDir()): Promise<RunningShell> {
  const child = spawn(process.execPath, [await browserShellBundle(), '--no-open', '--data-dir', dataDir], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c) => (stderr += c));
  // Every stdout line is a launch address: the first at start, then one per line sent on stdin.
  const waiting: Array<(line: string) => void> = [];
  const early: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line.trim());
    else early.push(line.trim());
  });
  const nextLine = (what: string) =>
    new Promise<string>((resolve, reject) => {
      const ready = early.shift();
      if (ready !== undefined) return resolve(ready);
      waiting.push(resolve);
      child.once('exit', (code) => reject(new Error(`browser shell exited (${code}): ${stderr}`)));
      setTimeout(() => reject(new Error(`browser shell: no ${what}: ${stderr}`)), 30_000).unref();
    });
  const url = await nextLine('launch address at start');
  const shell: RunningShell = {
    url,
    dataDir,
    process: child,
    newUrl: () => {
      child.stdin?.write('\n');
      return nextLine('new launch address');
    },
    stop: () =>
      new Promise((resolve) => {
        shellsByUrl.delete(url);
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
  shellsByUrl.set(url, shell);
  return shell;
}

/**
 * The address to open in a new browser context: a launch code opens one window once, so a
 * shell's address already opened is replaced by a fresh one from the same shell.
 */
async function launchAddress(url: string): Promise<string> {
  const shell = shellsByUrl.get(url);
  if (!shell) return url;
  if (!openedUrls.has(url)) {
    openedUrls.add(url);
    return url;
  }
  return shell.newUrl();
}

/**
 * Chromium with the Italian UI locale (see ./chromium), or with `english` an American one
 * (`--lang=en-US`, `LANGUAGE=en`): the app's own fields must read the same in both.
 */
export async function launchChromium(options: { english?: boolean } = {}): Promise<Browser> {
  if (options.english) {
    const args = [...CHROMIUM_ARGS.filter((a) => !a.startsWith('--lang=')), '--lang=en-US'];
    return chromium.launch({ executablePath: CHROMIUM_PATH, args, env: { ...process.env, LANGUAGE: 'en_US:en', LANG: 'en_US.UTF-8' } });
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, env: { ...process.env, ...CHROMIUM_ENV } });
}

/** One Chromium for the test file: launched before its tests, closed after them. */
export function useChromium(options: { english?: boolean } = {}): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium(options);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser as Browser;
}

export type PageResult<T = unknown> = { ok: boolean; value?: T; error?: { code: string; message: string } };

/**
 * The API as the page itself calls it (with the tab's own session cookie), for steps with no
 * screen. A string evaluated in the page: the Node-side project has no DOM types.
 */
export async function pageCall<T = unknown>(page: Page, method: string, input: unknown): Promise<PageResult<T>> {
  return (await page.evaluate(
    `fetch('/api/call', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: ${JSON.stringify(JSON.stringify({ method, input }))} }).then((r) => r.json())`,
  )) as PageResult<T>;
}

/** pageCall that returns the value, or throws with the method and the error. */
export async function pageApi<T = unknown>(page: Page, method: string, input: unknown): Promise<T> {
  const res = await pageCall<T>(page, method, input);
  if (!res.ok) throw new Error(`${method}: ${JSON.stringify(res.error)}`);
  return res.value as T;
}

/**
 * Where a file's screenshots go: test-output/<name> with CST_SCREENSHOTS=1 (`CST_SCREENSHOTS=1
 * npm run test:e2e`; scripts/screenshots-bundles.mjs sets it), else null: `npm test` checks the
 * screens (axe, their text) without encoding full-page pictures in two languages each time.
 */
export function screenshotsFolder(name: string): string | null {
  return process.env.CST_SCREENSHOTS === '1' ? join(ROOT, 'test-output', name) : null;
}

/**
 * Screenshots into `folder` (none when null): the screen in Italian, and with `english` also in
 * English, then back to Italian (the tests read Italian).
 */
export function screenshots(folder: string | null, options: { english: boolean }): (page: Page, name: string) => Promise<void> {
  return async (page, name) => {
    if (!folder) return;
    mkdirSync(folder, { recursive: true });
    await page.waitForTimeout(150);
    if (!options.english) {
      await page.screenshot({ path: join(folder, `${name}.png`), fullPage: true });
      return;
    }
    await page.screenshot({ path: join(folder, `${name}-it.png`), fullPage: true });
    await page.getByRole('button', { name: 'English', exact: true }).first().click();
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(folder, `${name}-en.png`), fullPage: true });
    await page.getByRole('button', { name: 'Italiano', exact: true }).first().click();
    await page.getByRole('navigation', { name: 'Menu principale' }).waitFor();
  };
}

/** A page at 1366×768 (the screens of the town halls) that records console errors and CSP violations. */
export async function openPage(browser: Browser, url: string, locale = 'it-IT'): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(String(err)));
  await page.goto(await launchAddress(url));
  return { page, problems };
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page as it is now ("rule: targets"). */
export async function axeProblems(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  // A string, not a function: this file is type-checked without the DOM library.
  const violations = (await page.evaluate(`axe.run(document).then((r) => r.violations.map((v) => ({
    id: v.id, impact: v.impact, targets: v.nodes.map((n) => JSON.stringify(n.target)),
  })))`)) as { id: string; impact: string | null; targets: string[] }[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.targets.join(', ')}`);
}
