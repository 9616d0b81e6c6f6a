/**
 * PDF of a report for the CLI and the browser shell: the self-contained HTML is written to a
 * temp file and printed by a locally installed Chromium, Chrome or Edge in headless mode
 * (Electron uses printToPDF on the same HTML instead). The browser is looked for where
 * electron/server/browser-shell-main.ts looks, or at CST_BROWSER.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { renderReportHtml } from './report-html';

export function findBrowser(): string | null {
  const env = process.env.CST_BROWSER;
  if (env && existsSync(env)) return env;
  let candidates: string[];
  if (process.platform === 'win32') {
    const dirs = [process.env['PROGRAMFILES(X86)'], process.env.PROGRAMFILES, process.env.LOCALAPPDATA].filter((d): d is string => !!d);
    candidates = dirs.flatMap((d) => [join(d, 'Microsoft', 'Edge', 'Application', 'msedge.exe'), join(d, 'Google', 'Chrome', 'Application', 'chrome.exe')]);
  } else if (process.platform === 'darwin') {
    candidates = ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'];
  } else {
    candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge', '/snap/bin/chromium'];
  }
  return candidates.find((c) => existsSync(c)) ?? null;
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => {
      if (stderr.length < 4000) stderr += b.toString('utf8');
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      fail(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stderr });
    });
  });
}

export async function printReportPdf(ctx: AppContext, input: { doc: 'plan' | 'statement'; year: number; istat?: string | undefined; out: string }): Promise<{ path: string; bytes: number }> {
  const { html } = renderReportHtml(ctx, input);
  const browser = findBrowser();
  if (!browser) {
    throw new AppError(
      'E_IO',
      'Per creare il PDF serve un browser Chromium, Google Chrome o Microsoft Edge installato su questo computer (oppure indicarne il percorso nella variabile CST_BROWSER). In alternativa stampare il documento dall’app.',
    );
  }
  const out = resolve(input.out);
  const dir = mkdtempSync(join(tmpdir(), 'cst-report-'));
  try {
    const htmlPath = join(dir, 'report.html');
    writeFileSync(htmlPath, html, 'utf8');
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      `--user-data-dir=${join(dir, 'profile')}`,
      `--print-to-pdf=${out}`,
      '--no-pdf-header-footer',
      pathToFileURL(htmlPath).href,
    ];
    const r = await run(browser, args, 60_000);
    if (!existsSync(out) || statSync(out).size === 0) {
      throw new AppError('E_IO', `Il browser (${browser}) non ha prodotto il PDF ${out} (codice ${String(r.code)}): ${r.stderr.split('\n').slice(-3).join(' ').slice(0, 300)}`);
    }
    return { path: out, bytes: statSync(out).size };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
