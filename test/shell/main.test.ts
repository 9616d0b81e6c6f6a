import { EventEmitter } from 'node:events';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * Drives electron/main/main.ts against a mocked Electron: the order of start-up, the backend
 * utility process, the Italian error dialog on a data dir that cannot be opened, the window.
 */
const h = vi.hoisted(() => ({ state: null as unknown as ReturnType<typeof makeState> }));

function makeState() {
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    gotLock: true,
    readyResolve: (() => {}) as () => void,
    enableSandbox: vi.fn(),
    commandLine: { appendSwitch: vi.fn() },
    setAppUserModelId: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => app.gotLock),
    getPath: vi.fn((name: string) => `/home/impiegato/.config/CST Desk${name === 'userData' ? '' : `/${name}`}`),
    getVersion: () => '0.1.0',
    whenReady: vi.fn(() => new Promise<void>((resolve) => (app.readyResolve = resolve))),
    quit: vi.fn(),
    exit: vi.fn(),
  });
  const child = Object.assign(new EventEmitter(), { posted: [] as unknown[], postMessage: vi.fn((m: unknown) => child.posted.push(m)), kill: vi.fn(() => true) });
  const windows: Array<{ options: unknown; url?: string }> = [];
  class BrowserWindow extends EventEmitter {
    webContents = { id: 1, mainFrame: { url: 'app://cst/index.html', parent: null, processId: 1, routingId: 1 }, send: vi.fn() };
    constructor(public options: unknown) {
      super();
      windows.push(this as unknown as { options: unknown });
    }
    loadURL = vi.fn(async (url: string) => {
      (this as unknown as { url: string }).url = url;
    });
    show = vi.fn();
    isMinimized = () => false;
    restore = vi.fn();
    focus = vi.fn();
    isDestroyed = () => false;
  }
  return {
    app,
    child,
    windows,
    BrowserWindow,
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 0 })) },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn(), on: vi.fn() } },
    shell: { openExternal: vi.fn() },
    utilityProcess: { fork: vi.fn(() => child) },
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    Menu: { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() },
  };
}

// The factory runs once per file; getters let every boot() see a fresh Electron.
vi.mock('electron', () => {
  const keys = ['app', 'BrowserWindow', 'dialog', 'protocol', 'session', 'shell', 'utilityProcess', 'ipcMain', 'Menu'] as const;
  return new Proxy({} as Record<string, unknown>, {
    get: (_target, key: string) => (h.state as unknown as Record<string, unknown>)[key],
    has: (_target, key: string) => (keys as readonly string[]).includes(key),
    ownKeys: () => [...keys],
    getOwnPropertyDescriptor: (_target, key: string) => ({ enumerable: true, configurable: true, value: (h.state as unknown as Record<string, unknown>)[key] }),
  });
});

const flush = () => new Promise((resolve) => setImmediate(resolve));

async function boot(setup: (s: ReturnType<typeof makeState>) => void = () => {}) {
  h.state = makeState();
  setup(h.state);
  vi.resetModules();
  await import('../../electron/main/main');
  return h.state;
}

describe('main process start-up', () => {
  const argv = process.argv;
  beforeEach(() => {
    process.argv = [argv[0]!, '--data-dir', '/srv/cst/dati'];
  });
  afterEach(() => {
    process.argv = argv;
  });

  it('refuses --data-dir given without a folder (usage error, exit 2), never the default folder', async () => {
    process.argv = [argv[0]!, '--data-dir='];
    const s = await boot();
    expect(s.dialog.showErrorBox).toHaveBeenCalledWith('CST Desk non può aprire i dati', expect.stringContaining('--data-dir è stata data senza cartella'));
    expect(s.app.exit).toHaveBeenCalledWith(2);
  });

  it('registers the scheme, the sandbox and the lock before ready', async () => {
    const s = await boot();
    expect(s.app.enableSandbox).toHaveBeenCalled();
    expect(s.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([expect.objectContaining({ scheme: 'app' })]);
    expect(s.app.requestSingleInstanceLock).toHaveBeenCalledWith({ dataDir: path.resolve('/srv/cst/dati') });
    expect(s.utilityProcess.fork).not.toHaveBeenCalled();
  });

  it('quits at once when another instance holds the lock', async () => {
    const s = await boot((state) => {
      state.app.gotLock = false;
    });
    expect(s.app.quit).toHaveBeenCalled();
    expect(s.app.whenReady).not.toHaveBeenCalled();
  });

  it('starts the backend utility process, then the window, the menu and the IPC', async () => {
    const s = await boot();
    s.app.readyResolve();
    await flush();
    expect(s.utilityProcess.fork).toHaveBeenCalledWith(expect.stringMatching(/backend-host\.cjs$/), [], expect.objectContaining({ serviceName: 'CST Desk backend' }));
    expect(s.child.posted[0]).toEqual({ init: { dataDir: path.resolve('/srv/cst/dati'), appVersion: '0.1.0' } });
    expect(s.windows).toHaveLength(0);
    s.child.emit('message', { ready: true });
    await flush();
    expect(s.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(s.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(s.ipcMain.handle).toHaveBeenCalledWith('cst:call', expect.any(Function));
    expect(s.ipcMain.handle).toHaveBeenCalledWith('cst:choose-sync-folder', expect.any(Function));
    expect(s.Menu.setApplicationMenu).toHaveBeenCalled();
    expect(s.windows).toHaveLength(1);
    expect((s.windows[0] as unknown as { url: string }).url).toBe('app://cst/index.html');
    expect(s.dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it('shows the core’s Italian message and quits when the data dir cannot be opened', async () => {
    const s = await boot();
    s.app.readyResolve();
    await flush();
    s.child.emit('message', { fatal: { code: 'E_DB_NEWER', message: 'Il database è stato creato da una versione più recente di CST Desk.' } });
    await flush();
    expect(s.dialog.showErrorBox).toHaveBeenCalledWith(
      'CST Desk non può aprire i dati',
      expect.stringContaining('Il database è stato creato da una versione più recente di CST Desk.'),
    );
    expect(s.dialog.showErrorBox.mock.calls[0]![1]).toContain(path.resolve('/srv/cst/dati'));
    expect(s.app.exit).toHaveBeenCalledWith(1);
    expect(s.child.kill).toHaveBeenCalled();
    expect(s.windows).toHaveLength(0);
  });

  it('closes the backend cleanly before quitting', async () => {
    const s = await boot();
    s.app.readyResolve();
    await flush();
    s.child.emit('message', { ready: true });
    await flush();
    const event = { preventDefault: vi.fn() };
    s.app.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(s.child.posted.at(-1)).toEqual({ shutdown: true });
    s.child.emit('exit', 0);
    await flush();
    expect(s.app.quit).toHaveBeenCalled();
    const again = { preventDefault: vi.fn() };
    s.app.emit('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });

  it('never loads a dev server when packaged', async () => {
    process.env.CST_DEV_SERVER_URL = 'http://localhost:5173/';
    try {
      const s = await boot();
      s.app.readyResolve();
      await flush();
      s.child.emit('message', { ready: true });
      await flush();
      expect((s.windows[0] as unknown as { url: string }).url).toBe('app://cst/index.html');
    } finally {
      delete process.env.CST_DEV_SERVER_URL;
    }
  });
});
