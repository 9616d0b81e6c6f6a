/**
 * Electron's "Prepara i file per i membri": the main process asks for a folder with its own
 * dialog and writes the files the page handed over (plain names only), into a real folder.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers/temp-dir';

const handlers = new Map<string, (...args: unknown[]) => unknown>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, listener: (...args: unknown[]) => unknown) => handlers.set(channel, listener),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}));

const { folderDialogOptions, handleSaveToFolder, parseFiles, registerSaveToFolder } = await import('../../electron/main/save-to-folder');

const frame = (url = 'app://cst/index.html') => ({ url, parent: null, processId: 7, routingId: 1 });
const win = { isDestroyed: () => false, webContents: { id: 3, mainFrame: frame(), send: vi.fn() } };
const trusted = { senderFrame: frame('app://cst/index.html#/hub/catalogue'), sender: { id: 3 } };
const b64 = (s: string) => Buffer.from(s).toString('base64');
const files = [
  { fileName: 'Urbino-2026-12-06.cstb', contentBase64: b64('urbino') },
  { fileName: 'Sant-Angelo-in-Vado-2026-12-06.cstb', contentBase64: b64('vado') },
];

function wiring(folder: string | null) {
  const showOpenDialog = vi.fn(async () => (folder ? { canceled: false, filePaths: [folder] } : { canceled: true, filePaths: [] }));
  return { wiring: { getWindow: () => win, appOrigin: 'app://cst', showOpenDialog }, showOpenDialog };
}

describe('save to a folder (Electron main)', () => {
  it('asks for a folder with the main process’s dialog and writes each file under its name; a file of the same name is replaced', async () => {
    const folder = tempDir();
    writeFileSync(join(folder, 'Urbino-2026-12-06.cstb'), 'the morning’s file');
    const { wiring: w, showOpenDialog } = wiring(folder);
    const result = await handleSaveToFolder(w, trusted, files);
    expect(result).toEqual({ saved: true, folder, files: ['Urbino-2026-12-06.cstb', 'Sant-Angelo-in-Vado-2026-12-06.cstb'] });
    expect(showOpenDialog).toHaveBeenCalledWith(folderDialogOptions());
    expect(readdirSync(folder).sort()).toEqual(['Sant-Angelo-in-Vado-2026-12-06.cstb', 'Urbino-2026-12-06.cstb']);
    expect(readFileSync(join(folder, 'Urbino-2026-12-06.cstb'), 'utf8')).toBe('urbino');
  });

  it('the dialog picks folders, can create one, and speaks Italian', () => {
    expect(folderDialogOptions()).toEqual({
      title: 'Cartella in cui salvare i file per i membri',
      buttonLabel: 'Salva qui',
      properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
    });
  });

  it('cancelled: nothing written, saved false without an error', async () => {
    const { wiring: w } = wiring(null);
    expect(await handleSaveToFolder(w, trusted, files)).toEqual({ saved: false });
  });

  it('refuses another frame or names that are not plain file names, before any dialog', async () => {
    const { wiring: w, showOpenDialog } = wiring(tempDir());
    const foreign = await handleSaveToFolder(w, { senderFrame: frame('https://evil.example/'), sender: { id: 3 } }, files);
    expect(foreign).toMatchObject({ saved: false, error: expect.stringMatching(/non proviene dalla finestra/) });
    for (const name of ['../x.cstb', '..', '.hidden', 'a/b.cstb', 'a\\b.cstb', 'C:x.cstb', 'Forlì.cstb', '', 'x'.repeat(200)]) {
      expect(parseFiles([{ fileName: name, contentBase64: '' }]), name).toBeNull();
    }
    expect(parseFiles([files[0], { ...files[0] }])).toBeNull();
    expect(parseFiles([])).toBeNull();
    expect(parseFiles('x')).toBeNull();
    const bad = await handleSaveToFolder(w, trusted, [{ fileName: '../../etc/x', contentBase64: '' }]);
    expect(bad).toMatchObject({ saved: false, error: expect.stringMatching(/nomi semplici/) });
    expect(showOpenDialog).not.toHaveBeenCalled();
  });

  it('a folder that cannot be written: saved false with the folder and the system code; no half file left', async () => {
    const parent = tempDir();
    const blocked = join(parent, 'not-a-folder');
    writeFileSync(blocked, 'x');
    const { wiring: w } = wiring(blocked);
    const result = await handleSaveToFolder(w, trusted, files);
    expect(result).toMatchObject({ saved: false, error: expect.stringMatching(/not-a-folder non riuscita, ENOTDIR/) });
    const ro = join(parent, 'sola-lettura');
    mkdirSync(ro, { mode: 0o500 });
    if (process.getuid?.() !== 0) {
      const { wiring: w2 } = wiring(ro);
      expect(await handleSaveToFolder(w2, trusted, files)).toMatchObject({ saved: false, error: expect.stringMatching(/EACCES/) });
      expect(readdirSync(ro)).toEqual([]);
    }
    expect(existsSync(join(parent, 'Urbino-2026-12-06.cstb'))).toBe(false);
  });

  it('is wired on cst:save-to-folder and unwired', async () => {
    const folder = tempDir();
    const { wiring: w } = wiring(folder);
    const unwire = registerSaveToFolder(w);
    const handler = handlers.get('cst:save-to-folder')!;
    expect(await handler(trusted, files)).toMatchObject({ saved: true });
    unwire();
    expect(handlers.has('cst:save-to-folder')).toBe(false);
  });
});
