/**
 * Electron's "Scegli cartella…" for the network sync's shared folder: main asks with its own
 * dialog and saves the folder as its own call; the real core (through the real host runner and
 * client) keeps it, and refuses the same path when it comes from the window.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { NetworkSyncStatus } from '../../shared/domain/network-sync';
import { createBackendClient, type BackendClient } from '../../electron/main/backend-client';
import { runBackendHost, type HostPort } from '../../electron/main/backend-host-runner';
import type { FromHost } from '../../electron/main/host-messages';
import { parseToHost } from '../../electron/main/host-messages';
import { openBackend } from '../../electron/core/app/backend';
import { LOCAL_PATH_REFUSED } from '../../electron/core/platform/api/dispatcher';
import { tempDir } from '../helpers/temp-dir';

const handlers = new Map<string, (...args: unknown[]) => unknown>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, listener: (...args: unknown[]) => unknown) => handlers.set(channel, listener),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}));

const { handleChooseSyncFolder, registerChooseSyncFolder, syncFolderDialogOptions } = await import('../../electron/main/sync-folder');

const frame = (url = 'app://cst/index.html') => ({ url, parent: null, processId: 7, routingId: 1 });
const win = { isDestroyed: () => false, webContents: { id: 3, mainFrame: frame(), send: vi.fn() } };
const trusted = { senderFrame: frame('app://cst/index.html#/settings/sync'), sender: { id: 3 } };

/** The real core in a host runner, and main's client talking to it as over a utility process. */
async function realBackend(): Promise<BackendClient> {
  const port = Object.assign(new EventEmitter(), { postMessage: (_m: FromHost) => {} }) as HostPort & EventEmitter;
  const child = Object.assign(new EventEmitter(), {
    postMessage: (message: unknown) => queueMicrotask(() => port.emit('message', { data: structuredClone(message) })),
    kill: vi.fn(() => true),
  });
  port.postMessage = (message) => queueMicrotask(() => child.emit('message', structuredClone(message)));
  runBackendHost(port, (init) => openBackend({ ...init, autoBackupDelayMs: false, log: { info() {}, warn() {}, error() {} } }), () => queueMicrotask(() => child.emit('exit', 0)));
  const client = createBackendClient(child);
  expect(await client.start({ dataDir: tempDir(), appVersion: '0.0.0-test' })).toEqual({ ok: true, value: null });
  return client;
}

function wiring(client: Pick<BackendClient, 'callFromMain'>, folder: string | null) {
  const showOpenDialog = vi.fn(async () => (folder ? { canceled: false, filePaths: [folder] } : { canceled: true, filePaths: [] }));
  const configure = vi.fn((input: { folder: string }) => client.callFromMain('sync.configure', input));
  return { wiring: { getWindow: () => win, appOrigin: 'app://cst', showOpenDialog, configure }, showOpenDialog, configure };
}

describe('choose the sync’s shared folder (Electron main)', () => {
  it('asks with main’s dialog and saves the folder as main’s own call: the real core keeps it and syncs with it', async () => {
    const client = await realBackend();
    const folder = tempDir();
    const { wiring: w, showOpenDialog } = wiring(client, folder);
    const result = await handleChooseSyncFolder(w, trusted);
    expect(showOpenDialog).toHaveBeenCalledWith(syncFolderDialogOptions());
    expect(result).toMatchObject({ chosen: true, folder, status: { folder, state: 'idle', mailbox: null } });
    const now = await client.call('sync.network', {});
    expect(now.ok && (now.value as NetworkSyncStatus).folder).toBe(folder);
    await client.close(1000);
  });

  it('the same path sent by the window is refused by the core, and nothing changes', async () => {
    const client = await realBackend();
    const refused = await client.call('sync.configure', { folder: tempDir() });
    expect(refused).toEqual({ ok: false, error: { code: 'E_VALIDATION', message: LOCAL_PATH_REFUSED, key: 'api.localPathRefused', field: 'folder' } });
    const now = await client.call('sync.network', {});
    expect(now.ok && (now.value as NetworkSyncStatus).folder).toBeNull();
    await client.close(1000);
  });

  it('only main’s own calls are marked so: the host reads `fromMain` only when it is exactly true', () => {
    expect(parseToHost({ id: 1, method: 'sync.configure', input: {}, fromMain: true })).toEqual({ id: 1, method: 'sync.configure', input: {}, fromMain: true });
    for (const fake of ['true', 1, {}, null]) expect(parseToHost({ id: 1, method: 'sync.configure', input: {}, fromMain: fake })).toEqual({ id: 1, method: 'sync.configure', input: {} });
  });

  it('the dialog picks a folder, can create one, and speaks Italian', () => {
    expect(syncFolderDialogOptions()).toEqual({
      title: 'Cartella condivisa per la sincronizzazione con il consorzio',
      buttonLabel: 'Usa questa cartella',
      properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
    });
  });

  it('cancelled: nothing saved, chosen false without an error', async () => {
    const { wiring: w, configure } = wiring({ callFromMain: vi.fn() }, null);
    expect(await handleChooseSyncFolder(w, trusted)).toEqual({ chosen: false });
    expect(configure).not.toHaveBeenCalled();
  });

  it('another frame is refused before any dialog', async () => {
    const { wiring: w, showOpenDialog } = wiring({ callFromMain: vi.fn() }, tempDir());
    const foreign = await handleChooseSyncFolder(w, { senderFrame: frame('https://evil.example/'), sender: { id: 3 } });
    expect(foreign).toMatchObject({ chosen: false, error: expect.stringMatching(/non proviene dalla finestra/) });
    expect(showOpenDialog).not.toHaveBeenCalled();
  });

  it('a refusal of the core reaches the page in its words', async () => {
    const message = 'Il motore dei dati non è disponibile: l’operazione non è stata eseguita.';
    const { wiring: w } = wiring({ callFromMain: vi.fn(async () => ({ ok: false as const, error: { code: 'E_INTERNAL' as const, message } })) }, tempDir());
    expect(await handleChooseSyncFolder(w, trusted)).toEqual({ chosen: false, error: message });
  });

  it('is wired on cst:choose-sync-folder and unwired', async () => {
    const client = await realBackend();
    const { wiring: w } = wiring(client, tempDir());
    const unwire = registerChooseSyncFolder(w);
    const handler = handlers.get('cst:choose-sync-folder')!;
    expect(await handler(trusted)).toMatchObject({ chosen: true });
    unwire();
    expect(handlers.has('cst:choose-sync-folder')).toBe(false);
    await client.close(1000);
  });
});
