import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: Array<{ options: unknown; loadURL: ReturnType<typeof vi.fn>; show: ReturnType<typeof vi.fn>; emitter: EventEmitter }> = [];

vi.mock('electron', () => {
  class BrowserWindow {
    private emitter = new EventEmitter();
    loadURL = vi.fn(async () => undefined);
    show = vi.fn();
    constructor(options: unknown) {
      created.push({ options, loadURL: this.loadURL, show: this.show, emitter: this.emitter });
    }
    once(event: string, listener: () => void) {
      this.emitter.once(event, listener);
      return this;
    }
  }
  return { BrowserWindow };
});

const { createMainWindow, guardedOpenExternal, hardenSession, hardenWebContents, isOwnDownload, mainWindowOptions, navigationGuard, windowOpenHandler } =
  await import('../../electron/main/window');

type Handler = (...args: unknown[]) => unknown;

/** A WebContents or Session stand-in that records handlers by event name. */
function recorder() {
  const handlers = new Map<string, Handler[]>();
  const fake = {
    handlers,
    on(event: string, handler: Handler) {
      handlers.set(event, [...(handlers.get(event) ?? []), handler]);
      return fake;
    },
    setWindowOpenHandler: vi.fn(),
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  };
  return fake;
}

function navEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

describe('mainWindowOptions', () => {
  it('isolates and sandboxes the renderer with the given preload', () => {
    const prefs = mainWindowOptions('/app/dist/electron/preload.cjs').webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      preload: '/app/dist/electron/preload.cjs',
    });
  });

  it('starts hidden and shows the window when painted, loading the start URL', () => {
    created.length = 0;
    createMainWindow({ preloadPath: '/p.cjs', startUrl: 'app://cst/index.html' });
    const win = created[0]!;
    expect(win.options).toMatchObject({ show: false, title: 'CST Desk' });
    expect(win.loadURL).toHaveBeenCalledWith('app://cst/index.html');
    expect(win.show).not.toHaveBeenCalled();
    win.emitter.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledOnce();
  });
});

describe('hardenSession', () => {
  let session: ReturnType<typeof recorder>;
  beforeEach(() => {
    session = recorder();
    hardenSession(session as never, 'app://cst');
  });

  it('denies every permission request and check', () => {
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as Handler;
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fileSystem']) {
      const callback = vi.fn();
      request({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
    }
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as Handler;
    expect(check(null, 'media', 'app://cst', {})).toBe(false);
    expect(check(null, 'clipboard-sanitized-write', 'app://cst', {})).toBe(false);
    const device = session.setDevicePermissionHandler.mock.calls[0]![0] as Handler;
    expect(device({ deviceType: 'usb', origin: 'app://cst' })).toBe(false);
  });

  it('lets the app save its own blob downloads and cancels any other download', () => {
    const onDownload = session.handlers.get('will-download')![0]!;
    const appPage = { getURL: () => 'app://cst/index.html#/bundles' };
    const own = { getURL: () => 'blob:app://cst/6f1c', setSaveDialogOptions: vi.fn() };
    const ownEvent = { preventDefault: vi.fn() };
    onDownload(ownEvent, own, appPage);
    expect(ownEvent.preventDefault).not.toHaveBeenCalled();
    expect(own.setSaveDialogOptions).toHaveBeenCalledWith({ title: 'Salva file' });

    const foreign = { getURL: () => 'https://example.org/x.exe', setSaveDialogOptions: vi.fn() };
    const foreignEvent = { preventDefault: vi.fn() };
    onDownload(foreignEvent, foreign, appPage);
    expect(foreignEvent.preventDefault).toHaveBeenCalled();
    expect(foreign.setSaveDialogOptions).not.toHaveBeenCalled();
  });

  it('cancels a data: download and a blob download started by a page of another origin', () => {
    const onDownload = session.handlers.get('will-download')![0]!;
    const cases: Array<[string, string]> = [
      ['data:application/octet-stream;base64,TVqQAA==', 'app://cst/index.html'],
      ['blob:app://cst/6f1c', 'about:blank'],
      ['blob:app://cst/6f1c', 'https://evil.example/'],
    ];
    for (const [url, page] of cases) {
      const item = { getURL: () => url, setSaveDialogOptions: vi.fn() };
      const event = { preventDefault: vi.fn() };
      onDownload(event, item, { getURL: () => page });
      expect(event.preventDefault, `${url} from ${page}`).toHaveBeenCalled();
      expect(item.setSaveDialogOptions).not.toHaveBeenCalled();
    }
  });

  it('recognises own downloads by origin', () => {
    expect(isOwnDownload('blob:app://cst/abc', 'app://cst')).toBe(true);
    expect(isOwnDownload('blob:app://cstx/abc', 'app://cst')).toBe(false);
    expect(isOwnDownload('blob:https://evil.example/abc', 'app://cst')).toBe(false);
    expect(isOwnDownload('file:///etc/passwd', 'app://cst')).toBe(false);
    expect(isOwnDownload('data:text/html,<script>', 'app://cst')).toBe(false);
  });
});

describe('navigation and new windows', () => {
  it('allows navigation within the app origin only', () => {
    const guard = navigationGuard('app://cst');
    for (const url of ['app://cst/index.html', 'app://cst/#/usage', 'app://cst/other.html?x=1']) {
      const event = navEvent(url);
      guard(event);
      expect(event.preventDefault, url).not.toHaveBeenCalled();
    }
    for (const url of ['https://example.org/', 'file:///C:/Windows/', 'app://evil/index.html', 'javascript:alert(1)', 'about:blank', 'not a url', 'http://localhost:5173/']) {
      const event = navEvent(url);
      guard(event);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
  });

  it('allows the dev server origin when it is the app origin', () => {
    const guard = navigationGuard('http://localhost:5173');
    const ok = navEvent('http://localhost:5173/src/main.tsx');
    guard(ok);
    expect(ok.preventDefault).not.toHaveBeenCalled();
    const ko = navEvent('http://localhost:5174/');
    guard(ko);
    expect(ko.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window and opens only https links in the OS browser', () => {
    const openExternal = vi.fn(async () => undefined);
    const handler = windowOpenHandler(openExternal);
    expect(handler({ url: 'https://www.agid.gov.it/' } as never)).toEqual({ action: 'deny' });
    expect(handler({ url: 'http://example.org/' } as never)).toEqual({ action: 'deny' });
    expect(handler({ url: 'file:///etc/passwd' } as never)).toEqual({ action: 'deny' });
    expect(handler({ url: 'smb://server/share' } as never)).toEqual({ action: 'deny' });
    expect(handler({ url: 'app://cst/index.html' } as never)).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls.map((c) => (c as unknown[])[0])).toEqual(['https://www.agid.gov.it/']);
  });

  it('guards shell.openExternal itself: only https reaches it', () => {
    const openExternal = vi.fn();
    const open = guardedOpenExternal(openExternal);
    for (const url of ['http://example.org/', 'file:///C:/Windows/System32/calc.exe', 'ms-msdt:/id', 'smb://server/share', 'javascript:alert(1)', 'not a url']) open(url);
    open('https://www.istat.it/');
    expect(openExternal.mock.calls).toEqual([['https://www.istat.it/']]);
  });

  it('hardens a WebContents: open handler, navigation guards, no webview', () => {
    const contents = recorder();
    const openExternal = vi.fn();
    hardenWebContents(contents as never, 'app://cst', openExternal);
    const open = contents.setWindowOpenHandler.mock.calls[0]![0] as Handler;
    expect(open({ url: 'https://example.org' })).toEqual({ action: 'deny' });
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const guard = contents.handlers.get(name)![0]!;
      const event = navEvent('https://evil.example/');
      guard(event);
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
    const attach = { preventDefault: vi.fn() };
    contents.handlers.get('will-attach-webview')![0]!(attach, {}, { src: 'https://evil.example' });
    expect(attach.preventDefault).toHaveBeenCalled();
  });
});
