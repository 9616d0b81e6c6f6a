import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { PrintReply, PrintRequest } from '../../electron/main/host-messages';

/**
 * Issue 5, "Electron's printToPDF": the backend (utility process) asks main to print a report;
 * main loads it in a hidden, offscreen, sandboxed window with JavaScript off and no preload, in
 * its own in-memory session, and answers with the PDF bytes. Electron is mocked.
 */
const e = vi.hoisted(() => ({
  windows: [] as Array<{ options: unknown; loaded?: string; loadedHtml?: string; destroyed: boolean }>,
  pdf: Buffer.from('%PDF-1.7 finto'),
  loadFile: null as null | ((file: string) => Promise<void>),
  sessions: [] as string[],
  requestFilter: null as null | ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void),
  hardened: 0,
}));

vi.mock('electron', () => {
  class BrowserWindow {
    record: (typeof e.windows)[number];
    webContents = { printToPDF: vi.fn(async () => e.pdf) };
    constructor(options: unknown) {
      this.record = { options, destroyed: false };
      e.windows.push(this.record);
    }
    async loadFile(file: string) {
      this.record.loaded = file;
      this.record.loadedHtml = readFileSync(file, 'utf8');
      if (e.loadFile) await e.loadFile(file);
    }
    isDestroyed() {
      return this.record.destroyed;
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  const printSession = {
    setPermissionRequestHandler: vi.fn(() => e.hardened++),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    on: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn((f: typeof e.requestFilter) => (e.requestFilter = f)) },
  };
  return {
    BrowserWindow,
    session: {
      fromPartition: vi.fn((p: string) => {
        e.sessions.push(p);
        return printSession;
      }),
    },
  };
});

const { printWindowOptions, printHtmlToPdf, servePrintRequests, isNetworkUrl, PRINT_TO_PDF_OPTIONS } = await import('../../electron/main/pdf-print');
const { createHostPdfPrinter } = await import('../../electron/main/host-print-client');
const { parsePrintReply, parsePrintRequest, parseFromHost, parseToHost } = await import('../../electron/main/host-messages');

const APP = 'app://cst';
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('the print window', () => {
  it('is hidden, offscreen, sandboxed, without JavaScript, preload or Node, in its own in-memory session', () => {
    const o = printWindowOptions();
    expect(o.show).toBe(false);
    expect(o.webPreferences).toMatchObject({
      offscreen: true,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      javascript: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(o.webPreferences).not.toHaveProperty('preload');
    expect(o.webPreferences!.partition).toBe('cst-print');
    expect(o.webPreferences!.partition).not.toMatch(/^persist:/);
    expect(PRINT_TO_PDF_OPTIONS).toMatchObject({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true });
  });

  it('prints the HTML from a private temp file, returns the bytes, then destroys the window and the file', async () => {
    e.windows.length = 0;
    const html = '<!DOCTYPE html><title>Piano</title><h1>Piano tecnico annuale 2027</h1>';
    const pdf = await printHtmlToPdf(html, APP);
    expect(Buffer.from(pdf).toString('latin1')).toBe('%PDF-1.7 finto');
    expect(pdf).toBeInstanceOf(Uint8Array);
    const w = e.windows[0]!;
    expect(w.loadedHtml).toBe(html);
    expect(path.basename(path.dirname(w.loaded!))).toMatch(/^cst-print-/);
    expect(w.destroyed).toBe(true);
    expect(existsSync(w.loaded!)).toBe(false);
    // The session is hardened once: permissions refused, any network request cancelled.
    expect(e.sessions).toContain('cst-print');
    await printHtmlToPdf(html, APP);
    expect(e.hardened).toBe(1);
    const answer = (url: string) => {
      let cancel: boolean | undefined;
      e.requestFilter!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(answer('https://example.org/track.png')).toBe(true);
    expect(answer('http://127.0.0.1:8080/')).toBe(true);
    expect(answer('file:///tmp/cst-print-x/documento.html')).toBe(false);
    expect(isNetworkUrl('WSS://x')).toBe(true);
  });

  it('gives up after the timeout, still closing the window', async () => {
    e.windows.length = 0;
    e.loadFile = () => new Promise(() => {});
    await expect(printHtmlToPdf('<p>x</p>', APP, 20)).rejects.toThrow(/timeout/);
    e.loadFile = null;
    expect(e.windows[0]!.destroyed).toBe(true);
    expect(existsSync(e.windows[0]!.loaded!)).toBe(false);
  });
});

/** The utility process's side and main's side wired back to back, as Electron would. */
function wire(print: (html: string) => Promise<Uint8Array>) {
  const toHost = new EventEmitter();
  const toMain = new EventEmitter();
  const posted: unknown[] = [];
  const port = {
    on: (event: 'message', l: (m: { data: unknown }) => void) => toHost.on(event, l),
    postMessage: (m: PrintRequest) => {
      posted.push(m);
      toMain.emit('message', structuredClone(m));
    },
  };
  const host = {
    on: (event: 'message', l: (m: unknown) => void) => toMain.on(event, l),
    postMessage: (m: PrintReply) => toHost.emit('message', { data: structuredClone(m) }),
  };
  servePrintRequests(host, print);
  return { port, posted, toHost, toMain };
}

describe('print requests between the backend and main', () => {
  it('carries the HTML to main and the PDF bytes back, one request at a time', async () => {
    const order: string[] = [];
    const { port, posted } = wire(async (html) => {
      order.push(`inizio ${html}`);
      await flush();
      order.push(`fine ${html}`);
      return new TextEncoder().encode(`%PDF ${html}`);
    });
    const printer = createHostPdfPrinter(port);
    const [a, b] = await Promise.all([printer('<p>a</p>'), printer('<p>b</p>')]);
    expect(new TextDecoder().decode(a)).toBe('%PDF <p>a</p>');
    expect(new TextDecoder().decode(b)).toBe('%PDF <p>b</p>');
    expect(order).toEqual(['inizio <p>a</p>', 'fine <p>a</p>', 'inizio <p>b</p>', 'fine <p>b</p>']);
    expect(posted).toEqual([{ print: { id: 1, html: '<p>a</p>' } }, { print: { id: 2, html: '<p>b</p>' } }]);
  });

  it('turns a failed print into an Italian E_IO error with its reason', async () => {
    const { port } = wire(async () => {
      throw new Error('render process gone');
    });
    const printer = createHostPdfPrinter(port);
    await expect(printer('<p>x</p>')).rejects.toMatchObject({
      code: 'E_IO',
      message: expect.stringMatching(/^Non è stato possibile creare il PDF \(render process gone\)\. .*anteprima/),
      extra: { params: { reason: 'pdf_print_failed' } },
    });
  });

  it('does not wait forever for main', async () => {
    const port = { on: vi.fn(), postMessage: vi.fn() };
    await expect(createHostPdfPrinter(port, 10)('<p>x</p>')).rejects.toMatchObject({ code: 'E_IO', extra: { params: { reason: 'pdf_print_timeout' } } });
  });

  it('keeps print messages apart from calls and results', () => {
    const request = { print: { id: 3, html: '<p/>' } };
    expect(parsePrintRequest(request)).toEqual(request);
    expect(parseFromHost(request)).toBeNull();
    expect(parsePrintRequest({ id: 3, method: 'report.pdf', input: {} })).toBeNull();
    const reply = { printed: { id: 3, result: { ok: true, value: new Uint8Array([37, 80]) } } };
    expect(parsePrintReply(reply)).toEqual(reply);
    expect(parseToHost(reply)).toBeNull();
    expect(parsePrintReply({ printed: { id: 3, result: { ok: true, value: 'non bytes' } } })).toBeNull();
    expect(parsePrintReply({ printed: { id: 3, result: { ok: false, error: { code: 'E_IO' } } } })).toBeNull();
  });
});
