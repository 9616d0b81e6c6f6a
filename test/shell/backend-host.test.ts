import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { PushMessage } from '../../shared/api/events';
import { createBackendClient } from '../../electron/main/backend-client';
import { runBackendHost, toApiError, type HostedBackend, type HostPort } from '../../electron/main/backend-host-runner';
import type { FromHost } from '../../electron/main/host-messages';
import { openBackend } from '../../electron/core/app/backend';
import { LOCAL_PATH_REFUSED } from '../../electron/core/platform/api/dispatcher';
import { tempDir } from '../helpers/temp-dir';

/** process.parentPort stand-in: main's messages arrive as `{ data }` events. */
class FakePort extends EventEmitter implements HostPort {
  sent: FromHost[] = [];
  postMessage(message: FromHost) {
    this.sent.push(message);
  }
  deliver(data: unknown) {
    this.emit('message', { data });
  }
}

function fakeBackend() {
  let listener: ((m: PushMessage) => void) | null = null;
  const backend = {
    dispatch: vi.fn(async (method: string, input: unknown) =>
      method === 'app.status' ? { ok: true as const, value: { echo: input } } : { ok: false as const, error: { code: 'E_UNKNOWN_METHOD' as const, message: 'Operazione sconosciuta' } },
    ),
    subscribe: vi.fn((l: (m: PushMessage) => void) => {
      listener = l;
      return () => {
        listener = null;
      };
    }),
    close: vi.fn(),
    push: (m: PushMessage) => listener?.(m),
  };
  return backend;
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('backend host (utility process side)', () => {
  it('opens the backend on init, answers calls by id and forwards push events', async () => {
    const port = new FakePort();
    const backend = fakeBackend();
    const open = vi.fn((): HostedBackend => backend);
    runBackendHost(port, open, vi.fn());
    port.deliver({ init: { dataDir: '/dati', appVersion: '0.1.0' } });
    expect(open).toHaveBeenCalledWith({ dataDir: '/dati', appVersion: '0.1.0' });
    expect(port.sent).toEqual([{ ready: true }]);

    port.deliver({ id: 1, method: 'app.status', input: { a: 1 } });
    port.deliver({ id: 2, method: 'nope', input: {} });
    await flush();
    expect(port.sent).toContainEqual({ id: 1, result: { ok: true, value: { echo: { a: 1 } } } });
    expect(port.sent).toContainEqual({ id: 2, result: { ok: false, error: { code: 'E_UNKNOWN_METHOD', message: 'Operazione sconosciuta' } } });

    const push = { event: 'task.progress', payload: { taskId: 't', label: 'x', done: 1, total: 1 } } as const;
    backend.push(push);
    expect(port.sent.at(-1)).toEqual(push);
  });

  it('reports an AppError at open as fatal with its code and message', () => {
    const port = new FakePort();
    const error = Object.assign(new Error('La cartella dei dati non è scrivibile: /dati'), { code: 'E_DATA_DIR' });
    runBackendHost(port, () => {
      throw error;
    }, vi.fn());
    port.deliver({ init: { dataDir: '/dati', appVersion: '0.1.0' } });
    expect(port.sent).toEqual([{ fatal: { code: 'E_DATA_DIR', message: 'La cartella dei dati non è scrivibile: /dati' } }]);
  });

  it('turns anything else into E_INTERNAL, including a rejecting dispatch', async () => {
    expect(toApiError(new TypeError('boom'))).toMatchObject({ code: 'E_INTERNAL' });
    expect(toApiError({ code: 'ENOENT', message: 'x' })).toMatchObject({ code: 'E_INTERNAL' });
    expect(toApiError('x')).toMatchObject({ code: 'E_INTERNAL' });
    const port = new FakePort();
    const backend = fakeBackend();
    backend.dispatch.mockRejectedValueOnce(new Error('broken core'));
    runBackendHost(port, () => backend, vi.fn());
    port.deliver({ id: 5, method: 'app.status', input: {} });
    port.deliver({ init: { dataDir: '/d', appVersion: '1' } });
    port.deliver({ id: 6, method: 'app.status', input: {} });
    await flush();
    expect(port.sent[0]).toMatchObject({ id: 5, result: { ok: false, error: { code: 'E_INTERNAL' } } });
    expect(port.sent).toContainEqual(expect.objectContaining({ id: 6, result: expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'E_INTERNAL' }) }) }));
  });

  it('closes the store and exits on shutdown; ignores junk and a second init', () => {
    const port = new FakePort();
    const backend = fakeBackend();
    const open = vi.fn(() => backend);
    const exit = vi.fn();
    runBackendHost(port, open, exit);
    port.deliver({ init: { dataDir: '/d', appVersion: '1' } });
    port.deliver({ init: { dataDir: '/other', appVersion: '1' } });
    for (const junk of [null, 'x', { init: { dataDir: 1 } }, { id: 'x', method: 'm' }]) port.deliver(junk);
    expect(open).toHaveBeenCalledOnce();
    port.deliver({ shutdown: true });
    expect(backend.close).toHaveBeenCalledOnce();
    expect(exit).toHaveBeenCalledWith(0);
  });

  it('works end to end with the client in main', async () => {
    const port = new FakePort();
    const child = Object.assign(new EventEmitter(), {
      postMessage: (message: unknown) => queueMicrotask(() => port.deliver(structuredClone(message))),
      kill: vi.fn(() => true),
    });
    port.postMessage = (message) => queueMicrotask(() => child.emit('message', structuredClone(message)));
    const backend = fakeBackend();
    runBackendHost(port, () => backend, () => queueMicrotask(() => child.emit('exit', 0)));
    const client = createBackendClient(child);
    await expect(client.start({ dataDir: '/d', appVersion: '1' })).resolves.toEqual({ ok: true, value: null });
    const results = await Promise.all([client.call('app.status', 1), client.call('app.status', 2), client.call('x', 3)]);
    expect(results).toEqual([
      { ok: true, value: { echo: 1 } },
      { ok: true, value: { echo: 2 } },
      { ok: false, error: { code: 'E_UNKNOWN_METHOD', message: 'Operazione sconosciuta' } },
    ]);
    await client.close(1000);
    expect(backend.close).toHaveBeenCalled();
    expect(child.kill).not.toHaveBeenCalled();
  });

  it('dispatches as the window: a local path from the renderer is refused by the real core', async () => {
    const port = new FakePort();
    const dataDir = tempDir();
    runBackendHost(port, (init) => openBackend({ ...init, autoBackupDelayMs: false, log: { info() {}, warn() {}, error() {} } }), vi.fn());
    port.deliver({ init: { dataDir, appVersion: '0.0.0-test' } });
    const target = join(tempDir(), 'esportazione.csv');
    port.deliver({ id: 1, method: 'csv.exportFile', input: { list: 'usage', out: target } });
    port.deliver({ id: 2, method: 'bundle.import', input: { files: [{ path: '/etc/passwd' }] } });
    port.deliver({ id: 3, method: 'app.status', input: {} });
    await vi.waitFor(() => expect(port.sent.filter((m) => 'id' in m)).toHaveLength(3));
    const byId = (id: number) => port.sent.find((m) => 'id' in m && m.id === id) as { result: { ok: boolean; error?: unknown } };
    expect(byId(1).result).toEqual({ ok: false, error: { code: 'E_VALIDATION', message: LOCAL_PATH_REFUSED, key: 'api.localPathRefused', field: 'out' } });
    expect(byId(2).result).toEqual({ ok: false, error: { code: 'E_VALIDATION', message: LOCAL_PATH_REFUSED, key: 'api.localPathRefused', field: 'files[0].path' } });
    expect(byId(3).result.ok).toBe(true);
    expect(existsSync(target)).toBe(false);
    port.deliver({ shutdown: true });
  });
});
