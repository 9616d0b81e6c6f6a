import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

const exposed = new Map<string, Record<string, unknown>>();
const bus = new EventEmitter();
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'ok' }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...args),
    on: (channel: string, listener: (...args: unknown[]) => void) => bus.on(channel, listener),
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => bus.removeListener(channel, listener),
  },
}));

await import('../../electron/preload/preload');
const api = exposed.get('cstApi') as unknown as import('../../shared/api/call').WindowApi;

describe('preload bridge', () => {
  it('exposes exactly call, subscribe, saveToFolder and chooseSyncFolder under window.cstApi, nothing else', () => {
    expect([...exposed.keys()]).toEqual(['cstApi']);
    expect(Object.keys(api).sort()).toEqual(['call', 'chooseSyncFolder', 'saveToFolder', 'subscribe']);
    expect(typeof api.call).toBe('function');
    expect(typeof api.subscribe).toBe('function');
  });

  it('call invokes cst:call with the method and input, and returns the Result', async () => {
    await expect(api.call('reference.searchMunicipalities', { query: 'Urbino' })).resolves.toEqual({ ok: true, value: 'ok' });
    expect(invoke).toHaveBeenCalledWith('cst:call', 'reference.searchMunicipalities', { query: 'Urbino' });
  });

  it('saveToFolder hands the files to main on cst:save-to-folder (main shows the dialog and writes)', async () => {
    const files = [{ fileName: 'Urbino-2026-12-06.cstb', contentBase64: 'AA==' }];
    await (api as unknown as { saveToFolder(f: unknown): Promise<unknown> }).saveToFolder(files);
    expect(invoke).toHaveBeenCalledWith('cst:save-to-folder', files);
  });

  it('chooseSyncFolder asks main on cst:choose-sync-folder, naming no path', async () => {
    await (api as unknown as { chooseSyncFolder(): Promise<unknown> }).chooseSyncFolder();
    expect(invoke).toHaveBeenLastCalledWith('cst:choose-sync-folder');
  });

  it('subscribe delivers only the named event, only its payload, until unsubscribed', () => {
    const listener = vi.fn();
    const unsubscribe = api.subscribe('task.progress', listener);
    const payload = { taskId: 't1', label: 'Importazione', done: 1, total: 2 };
    bus.emit('cst:event', { sender: 'ipc-event-object' }, { event: 'task.progress', payload });
    bus.emit('cst:event', { sender: 'ipc-event-object' }, { event: 'other.event', payload: { x: 1 } });
    bus.emit('cst:event', { sender: 'ipc-event-object' }, null);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith(payload);
    unsubscribe();
    bus.emit('cst:event', {}, { event: 'task.progress', payload });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(bus.listenerCount('cst:event')).toBe(0);
  });
});
