import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BrowserWindow, session } from 'electron';
import type { BrowserWindowConstructorOptions, Session } from 'electron';
import type { ApiError } from '../../shared/api/errors';
import { parsePrintRequest, type PrintReply } from './host-messages';
import { shellMessages } from './messages';
import { hardenSession } from './window';

/**
 * The Electron shell's PDF printer (issue 5: "Electron's printToPDF"): the backend, in its
 * utility process, asks for a report's self-contained HTML to be printed; main loads it in a
 * hidden, offscreen, sandboxed window with JavaScript off, no preload and its own in-memory
 * session (not the app's: no app:// protocol, no storage shared with the renderer), and answers
 * with `webContents.printToPDF`'s bytes. A town-hall PC thus needs no Chrome or Edge installed.
 */

/** No `persist:` prefix: an in-memory session, separate from the app's default one. */
export const PRINT_PARTITION = 'cst-print';
export const PRINT_TIMEOUT_MS = 60_000;

/** The print window's options, pure so a test pins every flag. A4 at 96 dpi, so the layout matches the page. */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 794,
    height: 1123,
    paintWhenInitiallyHidden: true,
    webPreferences: {
      offscreen: true,
      partition: PRINT_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      // The report is plain markup and a stylesheet: nothing in it may run.
      javascript: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      webgl: false,
      plugins: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      disableDialogs: true,
      safeDialogs: true,
    },
  };
}

/** Options of printToPDF: the page size and margins come from the report's own @page rule. */
export const PRINT_TO_PDF_OPTIONS = { pageSize: 'A4', printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false } as const;

/** Network schemes the print session refuses: the page carries its own CSP too (default-src 'none'). */
export function isNetworkUrl(url: string): boolean {
  return /^(https?|wss?|ftp):/i.test(url);
}

const hardened = new WeakSet<Session>();

function printSession(appOrigin: string): Session {
  const ses = session.fromPartition(PRINT_PARTITION);
  if (!hardened.has(ses)) {
    hardenSession(ses, appOrigin);
    ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: isNetworkUrl(details.url) }));
    hardened.add(ses);
  }
  return ses;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`timeout ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * Prints one HTML document. It is written to a private temporary folder and loaded as a file
 * (no 2 MB limit of data: URLs on a long plan); the folder and the window go whatever happens.
 */
export async function printHtmlToPdf(html: string, appOrigin: string, timeoutMs = PRINT_TIMEOUT_MS): Promise<Uint8Array> {
  printSession(appOrigin);
  const dir = await mkdtemp(path.join(tmpdir(), 'cst-print-'));
  const window = new BrowserWindow(printWindowOptions());
  try {
    const file = path.join(dir, 'documento.html');
    await writeFile(file, html, 'utf8');
    const pdf = await withTimeout(
      (async () => {
        await window.loadFile(file);
        return window.webContents.printToPDF(PRINT_TO_PDF_OPTIONS);
      })(),
      timeoutMs,
    );
    // A copy as a plain Uint8Array: what crosses postMessage to the utility process.
    return new Uint8Array(pdf);
  } finally {
    if (!window.isDestroyed()) window.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The part of Electron's UtilityProcess the print service uses (a fake in tests). */
export interface PrintHost {
  postMessage(message: PrintReply): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

export function printFailure(err: unknown): ApiError {
  const detail = err instanceof Error ? err.message : String(err);
  return { code: 'E_IO', message: shellMessages.pdfPrintFailed(detail.slice(0, 200)), params: { reason: 'pdf_print_failed' } };
}

/**
 * Answers the backend's `{ print }` requests one at a time (a long plan on an old PC should not
 * open several renderers at once). Every request gets exactly one `{ printed }` reply.
 */
export function servePrintRequests(host: PrintHost, print: (html: string) => Promise<Uint8Array>): void {
  let queue: Promise<unknown> = Promise.resolve();
  host.on('message', (raw) => {
    const request = parsePrintRequest(raw);
    if (!request) return;
    const { id, html } = request.print;
    queue = queue.then(() =>
      print(html).then(
        (pdf) => host.postMessage({ printed: { id, result: { ok: true, value: pdf } } }),
        (err: unknown) => host.postMessage({ printed: { id, result: { ok: false, error: printFailure(err) } } }),
      ),
    );
  });
}
