import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { APP_VERSION } from '../core/platform/app-version';
import { openBackend } from '../core/app/backend';
import { resolveDataDir } from '../core/platform/data-dir';
import { AppError } from '../core/platform/errors';
import { startBrowserShell } from './browser-shell';

/**
 * The browser's own UI locale decides how `<input type="date">` shows a date: Italian gives
 * gg/mm/aaaa, the app's format for dates in both of its languages (en-US would show mm/dd/yyyy).
 */
const BROWSER_LOCALE = 'it-IT';

/** Browsers that can show the app in its own window (app mode), most likely first. */
function appModeBrowsers(): string[] {
  if (process.platform === 'win32') {
    const dirs = [process.env['PROGRAMFILES(X86)'], process.env.PROGRAMFILES, process.env.LOCALAPPDATA].filter((d): d is string => !!d);
    return dirs.flatMap((d) => [join(d, 'Microsoft', 'Edge', 'Application', 'msedge.exe'), join(d, 'Google', 'Chrome', 'Application', 'chrome.exe')]);
  }
  if (process.platform === 'darwin') return ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'];
  // Without a graphical session there is nothing to open a window on.
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return [];
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/microsoft-edge'];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      'no-open': { type: 'boolean' },
      'renderer-dir': { type: 'string' },
    },
  });
  const here = dirname(fileURLToPath(import.meta.url));
  const rendererDir = resolve(values['renderer-dir'] ?? join(here, '..', '..', 'dist', 'renderer'));
  if (values['data-dir'] !== undefined && values['data-dir'].trim() === '') {
    process.stderr.write('CST Desk: --data-dir vuole il percorso di una cartella: un percorso vuoto non indica nessuna cartella.\n');
    process.exit(2);
  }
  const dataDir = resolveDataDir(values['data-dir']);
  let backend;
  try {
    backend = openBackend({ dataDir, appVersion: APP_VERSION, syncAgent: true, backgroundStoreCheck: true });
  } catch (err) {
    process.stderr.write(`CST Desk: ${err instanceof AppError ? err.message : String(err)}\n`);
    process.exit(1);
  }
  const shell = await startBrowserShell({ backend, rendererDir, port: values.port ? Number(values.port) : 0 });
  // The first stdout line is the address, with a one-time launch code: scripts and tests read
  // it. Each line read on stdin (Enter in the terminal) answers with a new one, and reopens the
  // window unless --no-open: a code opens one window once.
  process.stdout.write(`${shell.url}\n`);
  process.stderr.write(
    `CST Desk (browser) pronto. Cartella dati: ${dataDir}. ` +
      (process.stdin.isTTY ? 'Invio per aprire un\'altra finestra, Ctrl+C per chiudere.\n' : 'Ctrl+C per chiudere.\n'),
  );
  createInterface({ input: process.stdin }).on('line', () => {
    const url = shell.newLaunchUrl();
    process.stdout.write(`${url}\n`);
    if (!values['no-open']) openInBrowser(url);
  });
  const stop = () => {
    // The store closes once a running background check is killed (its read lock gone): a clean close.
    shell.close().finally(() => backend.close().finally(() => process.exit(0)));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (!values['no-open']) openInBrowser(shell.url);
}

/**
 * The address is on the browser's command line, which every user of the computer can read
 * (`ps`): it carries only a one-time code, spent by the time anyone could copy it.
 */
function openInBrowser(url: string): void {
  const browser = appModeBrowsers().find((b) => existsSync(b));
  if (!browser) {
    process.stderr.write(`Aprire questo indirizzo nel browser (vale per una sola apertura): ${url}\n`);
    return;
  }
  spawn(browser, [`--app=${url}`, '--no-first-run', '--disable-background-networking', `--lang=${BROWSER_LOCALE}`], {
    stdio: 'ignore',
    detached: true,
    // Linux's Chromium ignores `--lang` and reads its UI locale from LANGUAGE.
    env: { ...process.env, LANGUAGE: 'it_IT:it' },
  }).unref();
}

main().catch((err) => {
  process.stderr.write(`CST Desk: ${String(err?.stack ?? err)}\n`);
  process.exit(1);
});
