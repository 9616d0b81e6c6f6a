import path from 'node:path';
import { app, dialog, protocol, session, shell, utilityProcess, type BrowserWindow } from 'electron';
import { APP_INDEX_URL, APP_ORIGIN, devServerOrigin } from './app-origin';
import { appScheme, createAppFileHandler } from './app-protocol';
import { createBackendClient, type BackendClient } from './backend-client';
import { resolveDataDir } from './data-dir';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { shellMessages as t } from './messages';
import { printHtmlToPdf, servePrintRequests } from './pdf-print';
import { registerSaveToFolder } from './save-to-folder';
import { registerChooseSyncFolder } from './sync-folder';
import { createMainWindow, guardedOpenExternal, hardenSession, hardenWebContents } from './window';

/*
 * The Electron shell: thin by design. Everything the app knows lives in electron/core, run in a
 * utility process (backend-host.cjs); this process only owns the window, the menu, the dialogs
 * and the IPC wiring. Paths are relative to the bundle in dist/electron/.
 */
const PRELOAD_PATH = path.join(__dirname, 'preload.cjs');
const BACKEND_HOST_PATH = path.join(__dirname, 'backend-host.cjs');
const RENDERER_DIR = path.join(__dirname, '..', 'renderer');

const devOrigin = devServerOrigin(process.env.CST_DEV_SERVER_URL, app.isPackaged);
const appOrigin = devOrigin ?? APP_ORIGIN;
const startUrl = devOrigin && process.env.CST_DEV_SERVER_URL ? process.env.CST_DEV_SERVER_URL : APP_INDEX_URL;
const { dataDir, empty: emptyDataDir } = resolveDataDir(process.argv.slice(1), process.env, process.cwd(), () => app.getPath('userData'));
if (emptyDataDir) {
  // Safe before `ready` (Electron's docs); exit code 2 as the CLI's usage errors.
  dialog.showErrorBox(t.startupFailedTitle, t.emptyDataDir);
  app.exit(2);
}

// Before `ready`: these cannot be changed later.
app.enableSandbox();
// Italian locale for Chromium too, so date inputs read dd/mm/yyyy (CONVENTIONS, "UI kit").
app.commandLine.appendSwitch('lang', 'it-IT');
protocol.registerSchemesAsPrivileged([appScheme]);
if (process.platform === 'win32') app.setAppUserModelId('it.cst.desk');

let mainWindow: BrowserWindow | null = null;
let client: BackendClient | null = null;
let backendClosed = false;

if (!app.requestSingleInstanceLock({ dataDir })) {
  // Another CST Desk is running: it gets our `second-instance` event and shows itself.
  app.quit();
} else {
  app.on('second-instance', (_event, _argv, _cwd, additionalData) => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
    const other = (additionalData as { dataDir?: unknown } | null)?.dataDir;
    if (typeof other === 'string' && other !== dataDir) {
      void dialog.showMessageBox(mainWindow, {
        type: 'info',
        title: 'CST Desk',
        message: 'CST Desk è già aperto.',
        detail: `Cartella dei dati in uso: ${dataDir}\nPer aprire ${other}, chiudere prima questa finestra.`,
        buttons: [t.ok],
      });
    }
  });
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, appOrigin, guardedOpenExternal((url) => shell.openExternal(url)));
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (backendClosed || !client) return;
    // Give the backend a chance to close the store cleanly before the process ends.
    event.preventDefault();
    const closing = client;
    client = null;
    void closing.close().finally(() => {
      backendClosed = true;
      app.quit();
    });
  });
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession, appOrigin);
  protocol.handle(appScheme.scheme, createAppFileHandler(RENDERER_DIR));

  const child = utilityProcess.fork(BACKEND_HOST_PATH, [], { serviceName: 'CST Desk backend', stdio: 'inherit' });
  const backend = createBackendClient(child);
  client = backend;
  // Reports' PDFs: the backend asks, main prints with printToPDF (no browser needed on the PC).
  servePrintRequests(child, (html) => printHtmlToPdf(html, appOrigin));
  const started = await backend.start({ dataDir, appVersion: app.getVersion() });
  if (!started.ok) {
    dialog.showErrorBox(t.startupFailedTitle, t.startupFailedDetail(started.error.message, dataDir));
    backendClosed = true;
    app.exit(1);
    return;
  }
  backend.onUnexpectedExit(() => {
    dialog.showErrorBox(t.backendStoppedTitle, t.backendStopped);
    backendClosed = true;
    app.exit(1);
  });

  registerIpc({
    client: backend,
    getWindow: () => mainWindow,
    appOrigin,
    log: (message) => process.stderr.write(`${JSON.stringify({ level: 'warn', message })}\n`),
  });
  registerSaveToFolder({
    getWindow: () => mainWindow,
    appOrigin,
    showOpenDialog: (options) => (mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options)),
  });
  registerChooseSyncFolder({
    getWindow: () => mainWindow,
    appOrigin,
    showOpenDialog: (options) => (mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options)),
    configure: (input) => backend.callFromMain('sync.configure', input),
  });
  installMenu({
    isPackaged: app.isPackaged,
    onAbout: () => {
      void dialog.showMessageBox({
        type: 'info',
        title: t.aboutTitle,
        message: 'CST Desk',
        detail: t.aboutDetail(app.getVersion()),
        buttons: [t.ok],
      });
    },
  });
  mainWindow = createMainWindow({ preloadPath: PRELOAD_PATH, startUrl });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}
