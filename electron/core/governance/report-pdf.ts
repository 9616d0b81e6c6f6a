/**
 * PDF of a report. In Electron the main process prints the self-contained HTML with
 * `webContents.printToPDF` (ctx.printPdf, asked over the utility-process channel); in the CLI and
 * the browser shell a locally installed Chromium, Chrome or Edge prints it in headless mode. The
 * browser is looked for where electron/server/browser-shell-main.ts looks, or at CST_BROWSER.
 * With `out` (the CLI) the PDF is written there; without it the bytes go back to the caller, which
 * hands them to the person (a download in the browser, a save dialog in Electron).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ParsedInput } from '../../../shared/api/contract';
import type { ReportPdf } from '../../../shared/domain/report-document';
import type { AppContext, PdfPrinter } from '../platform/context';
import { appError } from '../platform/errors';
import { buildReportDocument, documentHtml } from './report-html';

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

/** The CLI's and browser shell's printer: a local Chromium-family browser in headless mode. */
export function headlessBrowserPrinter(browser = findBrowser()): PdfPrinter {
  return async (html) => {
    if (!browser) throw appError('pdf.noBrowser', {}, { params: { reason: 'pdf_no_browser' } });
    const dir = mkdtempSync(join(tmpdir(), 'cst-report-'));
    try {
      const htmlPath = join(dir, 'report.html');
      const pdfPath = join(dir, 'report.pdf');
      writeFileSync(htmlPath, html, 'utf8');
      const args = [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        `--user-data-dir=${join(dir, 'profile')}`,
        `--print-to-pdf=${pdfPath}`,
        '--no-pdf-header-footer',
        pathToFileURL(htmlPath).href,
      ];
      let r: { code: number | null; stderr: string };
      try {
        r = await run(browser, args, 60_000);
      } catch (err) {
        throw appError('pdf.browserDoesNotStart', { browser, detail: (err as Error).message }, { params: { reason: 'pdf_print_failed' } });
      }
      const pdf = existsSync(pdfPath) ? readFileSync(pdfPath) : null;
      if (!pdf || pdf.length === 0) {
        const detail = r.stderr.split('\n').slice(-3).join(' ').slice(0, 300);
        throw appError('pdf.noOutput', { browser, exitCode: String(r.code), detail }, { params: { reason: 'pdf_print_failed' } });
      }
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

/** A file name a clerk recognises in the Downloads folder; the ISTAT code keeps statements apart. */
export function reportFileName(input: { doc: 'plan' | 'statement'; year: number; istat?: string | undefined; version?: number | undefined }): string {
  if (input.doc === 'plan') return `piano-tecnico-${input.year}${input.version ? `-versione-${input.version}` : ''}.pdf`;
  return `estratto-conto-${input.year}-${input.istat ?? ''}${input.version ? `-versione-${input.version}` : ''}.pdf`;
}

export async function printReportPdf(ctx: AppContext, input: ParsedInput<'report.pdf'>): Promise<ReportPdf> {
  return printHtmlPdf(ctx, documentHtml(buildReportDocument(ctx, input)), reportFileName(input), input.out);
}

/** Prints a document's HTML; with `out` writes the file there, else returns the bytes (named `fileName`). */
export async function printHtmlPdf(ctx: AppContext, html: string, fileName: string, out: string | undefined): Promise<ReportPdf> {
  const pdf = await (ctx.printPdf ?? headlessBrowserPrinter())(html);
  if (out === undefined) {
    return { fileName, bytes: pdf.byteLength, contentBase64: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('base64') };
  }
  const path = resolve(out);
  try {
    writeFileSync(path, pdf);
  } catch (err) {
    throw appError('pdf.cannotWrite', { path, detail: (err as NodeJS.ErrnoException).code ?? (err as Error).message }, { field: 'out', params: { reason: 'pdf_write_failed' } });
  }
  return { fileName: basename(path), bytes: pdf.byteLength, path };
}
