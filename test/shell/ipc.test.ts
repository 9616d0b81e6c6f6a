import { describe, expect, it, vi } from 'vitest';
import type { Result } from '../../shared/api/errors';

const handlers = new Map<string, (...args: unknown[]) => unknown>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, listener: (...args: unknown[]) => unknown) => handlers.set(channel, listener),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}));

const { forwardPushEvent, handleCall, isTrustedSender, refusedResult, registerIpc } = await import('../../electron/main/ipc');
type WindowLike = import('../../electron/main/ipc').WindowLike;

function frame(url: string, ids: { processId?: number; routingId?: number; parent?: unknown } = {}) {
  return { url, parent: ids.parent ?? null, processId: ids.processId ?? 7, routingId: ids.routingId ?? 1 };
}

function fakeWindow(url = 'app://cst/index.html') {
  const send = vi.fn();
  const win = {
    destroyed: false,
    isDestroyed: () => win.destroyed,
    webContents: { id: 3, mainFrame: frame(url), send },
  };
  return win;
}

const okResult: Result<unknown> = { ok: true, value: { role: 'municipality' } };

describe('isTrustedSender', () => {
  it('accepts the top frame of our window on app://cst', () => {
    const win = fakeWindow();
    expect(isTrustedSender({ senderFrame: frame('app://cst/index.html#/usage'), sender: win.webContents }, win, 'app://cst')).toBe(true);
  });

  it('refuses a null sender frame (navigated or destroyed in flight)', () => {
    const win = fakeWindow();
    expect(isTrustedSender({ senderFrame: null, sender: win.webContents }, win, 'app://cst')).toBe(false);
  });

  it('refuses a foreign origin, even in the top frame', () => {
    const win = fakeWindow('https://evil.example/');
    for (const url of ['https://evil.example/', 'file:///C:/x.html', 'app://other/index.html', 'about:blank', 'data:text/html,x', '']) {
      expect(isTrustedSender({ senderFrame: frame(url), sender: win.webContents }, win, 'app://cst'), url).toBe(false);
    }
  });

  it('refuses a subframe, even same-origin', () => {
    const win = fakeWindow();
    const sub = frame('app://cst/index.html', { routingId: 2, parent: win.webContents.mainFrame });
    expect(isTrustedSender({ senderFrame: sub, sender: win.webContents }, win, 'app://cst')).toBe(false);
    // A frame claiming no parent but with another routing id is not our top frame either.
    const other = frame('app://cst/index.html', { routingId: 9 });
    expect(isTrustedSender({ senderFrame: other, sender: win.webContents }, win, 'app://cst')).toBe(false);
  });

  it('refuses another WebContents, a detached frame, a missing or a destroyed window', () => {
    const win = fakeWindow();
    expect(isTrustedSender({ senderFrame: frame('app://cst/index.html'), sender: { id: 4 } }, win, 'app://cst')).toBe(false);
    const detached = { ...frame('app://cst/index.html'), detached: true };
    expect(isTrustedSender({ senderFrame: detached, sender: win.webContents }, win, 'app://cst')).toBe(false);
    expect(isTrustedSender({ senderFrame: frame('app://cst/index.html'), sender: win.webContents }, null, 'app://cst')).toBe(false);
    win.destroyed = true;
    expect(isTrustedSender({ senderFrame: frame('app://cst/index.html'), sender: win.webContents }, win, 'app://cst')).toBe(false);
  });
});

describe('cst:call', () => {
  it('forwards a trusted call to the backend client and returns its Result', async () => {
    const win = fakeWindow();
    const call = vi.fn(async () => okResult);
    const wiring = { client: { call, onEvent: () => () => {} }, getWindow: () => win, appOrigin: 'app://cst' };
    const result = await handleCall(wiring, { senderFrame: frame('app://cst/index.html'), sender: win.webContents }, 'app.status', {});
    expect(result).toEqual(okResult);
    expect(call).toHaveBeenCalledWith('app.status', {});
  });

  it('refuses an untrusted call with an E_INTERNAL value and never reaches the backend', async () => {
    const win = fakeWindow();
    const call = vi.fn(async () => okResult);
    const log = vi.fn();
    const wiring = { client: { call, onEvent: () => () => {} }, getWindow: () => win, appOrigin: 'app://cst', log };
    const result = await handleCall(wiring, { senderFrame: frame('https://evil.example/'), sender: win.webContents }, 'app.status', {});
    expect(result).toEqual(refusedResult);
    expect(result).toMatchObject({ ok: false, error: { code: 'E_INTERNAL' } });
    expect(call).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalled();
  });

  it('rejects a method that is not a short string as a validation error', async () => {
    const win = fakeWindow();
    const call = vi.fn(async () => okResult);
    const wiring = { client: { call, onEvent: () => () => {} }, getWindow: () => win, appOrigin: 'app://cst' };
    const event = { senderFrame: frame('app://cst/index.html'), sender: win.webContents };
    for (const method of [undefined, 42, '', 'x'.repeat(101), { toString: () => 'app.status' }]) {
      expect(await handleCall(wiring, event, method, {})).toMatchObject({ ok: false, error: { code: 'E_VALIDATION' } });
    }
    expect(call).not.toHaveBeenCalled();
  });

  it('registers cst:call on ipcMain and forwards push events to the window on cst:event', async () => {
    const win = fakeWindow();
    let push: ((m: never) => void) | null = null;
    const stopEvents = vi.fn();
    const client = {
      call: vi.fn(async () => okResult),
      onEvent: (listener: (m: never) => void) => {
        push = listener;
        return stopEvents;
      },
    };
    const unwire = registerIpc({ client, getWindow: () => win, appOrigin: 'app://cst' });
    const listener = handlers.get('cst:call')!;
    await expect(listener({ senderFrame: frame('app://cst/index.html'), sender: win.webContents }, 'members.list', {})).resolves.toEqual(okResult);
    await expect(listener({ senderFrame: null, sender: win.webContents }, 'members.list', {})).resolves.toEqual(refusedResult);

    const message = { event: 'task.progress', payload: { taskId: 't', label: 'Importazione', done: 1, total: 3 } };
    push!(message as never);
    expect(win.webContents.send).toHaveBeenCalledWith('cst:event', message);

    unwire();
    expect(handlers.has('cst:call')).toBe(false);
    expect(stopEvents).toHaveBeenCalled();
  });

  it('does not push events to a window showing another origin, or a destroyed one', () => {
    const message = { event: 'task.progress', payload: { taskId: 't', label: 'x', done: 0, total: 1 } } as const;
    const foreign = fakeWindow('https://evil.example/');
    forwardPushEvent({ getWindow: () => foreign as WindowLike, appOrigin: 'app://cst' }, message);
    expect(foreign.webContents.send).not.toHaveBeenCalled();
    const gone = fakeWindow();
    gone.destroyed = true;
    forwardPushEvent({ getWindow: () => gone, appOrigin: 'app://cst' }, message);
    expect(gone.webContents.send).not.toHaveBeenCalled();
    forwardPushEvent({ getWindow: () => null, appOrigin: 'app://cst' }, message);
  });
});
