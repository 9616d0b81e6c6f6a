import { BrowserWindow } from 'electron';
import type { BrowserWindowConstructorOptions, HandlerDetails, Session, WebContents, WindowOpenHandlerResponse } from 'electron';
import { isExternalWebUrl, isSameOrigin } from './app-origin';
import { shellMessages } from './messages';

/**
 * The main window's options, pure so a test pins every security flag. The renderer gets no
 * Node: a sandboxed, context-isolated page whose only bridge is the preload's `cstApi`.
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'CST Desk',
    backgroundColor: '#ffffff',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Bundles are imported by drag-and-drop onto a drop zone: a file dropped elsewhere must
      // never navigate the window to file://.
      navigateOnDragDrop: false,
      safeDialogs: true,
      preload: preloadPath,
    },
  };
}

/** Every permission (camera, notifications, clipboard read, HID, …) is refused: the app needs none. */
export function hardenSession(session: Session, appOrigin: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // The identity export and other files the renderer "downloads" from blob: URLs of its own
  // origin, in a page of its own origin, get Electron's native save dialog; any other download
  // (a data: URL, a link to the web, a page of another origin) is cancelled.
  session.on('will-download', (event, item, contents) => {
    if (!isOwnDownload(item.getURL(), appOrigin) || !isSameOrigin(contents?.getURL() ?? '', appOrigin)) {
      event.preventDefault();
      return;
    }
    item.setSaveDialogOptions({ title: shellMessages.saveDialogTitle });
  });
}

/** A blob: URL the app's own page created; nothing else is the app's own download. */
export function isOwnDownload(url: string, appOrigin: string): boolean {
  return url.startsWith(`blob:${appOrigin}/`);
}

/** `shell.openExternal` behind the same check as the window-open handler, for every caller. */
export function guardedOpenExternal(openExternal: (url: string) => unknown): (url: string) => unknown {
  return (url) => (isExternalWebUrl(url) ? openExternal(url) : undefined);
}

/**
 * New windows are always denied; an https link (a `target=_blank` anchor) opens in the
 * operating system's browser instead, any other scheme (http:, file:, javascript:, smb:) is dropped.
 */
export function windowOpenHandler(openExternal: (url: string) => unknown): (details: HandlerDetails) => WindowOpenHandlerResponse {
  return ({ url }) => {
    if (isExternalWebUrl(url)) void Promise.resolve(openExternal(url)).catch(() => undefined);
    return { action: 'deny' };
  };
}

/** Navigation of any frame is allowed only within the app's own origin. */
export function navigationGuard(appOrigin: string): (event: { url: string; preventDefault(): void }) => void {
  return (event) => {
    if (!isSameOrigin(event.url, appOrigin)) event.preventDefault();
  };
}

/**
 * Applied to every WebContents the app creates (main wires it to `web-contents-created`),
 * so a future second window cannot forget it.
 */
export function hardenWebContents(contents: WebContents, appOrigin: string, openExternal: (url: string) => unknown): void {
  contents.setWindowOpenHandler(windowOpenHandler(openExternal));
  const guard = navigationGuard(appOrigin);
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export interface MainWindowSetup {
  preloadPath: string;
  startUrl: string;
}

/** Creates the window hidden and shows it when painted, so the clerk never sees a white flash. */
export function createMainWindow({ preloadPath, startUrl }: MainWindowSetup): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(startUrl);
  return window;
}
