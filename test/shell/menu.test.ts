import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

const setApplicationMenu = vi.fn();
vi.mock('electron', () => ({
  Menu: { buildFromTemplate: (template: unknown) => ({ template }), setApplicationMenu: (menu: unknown) => setApplicationMenu(menu) },
}));

const { installMenu, menuTemplate } = await import('../../electron/main/menu');

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.filter((item) => item.type !== 'separator').map((item) => item.label ?? '');
}

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  return template.find((item) => item.label === label)!.submenu as MenuItemConstructorOptions[];
}

describe('application menu', () => {
  it('has the Italian top-level menus', () => {
    expect(labels(menuTemplate({ isPackaged: true, onAbout: () => {} }))).toEqual(['File', 'Modifica', 'Visualizza', 'Aiuto']);
  });

  it('labels every item in Italian and keeps the platform roles', () => {
    const template = menuTemplate({ isPackaged: true, onAbout: () => {} });
    expect(submenu(template, 'File')).toEqual([{ role: 'quit', label: 'Esci' }]);
    expect(labels(submenu(template, 'Modifica'))).toEqual(['Annulla', 'Ripeti', 'Taglia', 'Copia', 'Incolla', 'Seleziona tutto']);
    expect(submenu(template, 'Modifica').filter((i) => i.role).map((i) => i.role)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(labels(submenu(template, 'Visualizza'))).toEqual(['Zoom avanti', 'Zoom indietro', 'Reimposta zoom', 'Schermo intero']);
    expect(labels(submenu(template, 'Aiuto'))).toEqual(['Informazioni su CST Desk']);
  });

  it('offers Ricarica (and developer tools) only when not packaged', () => {
    const dev = submenu(menuTemplate({ isPackaged: false, onAbout: () => {} }), 'Visualizza');
    expect(labels(dev)).toEqual(['Ricarica', 'Strumenti per sviluppatori', 'Zoom avanti', 'Zoom indietro', 'Reimposta zoom', 'Schermo intero']);
    const packaged = submenu(menuTemplate({ isPackaged: true, onAbout: () => {} }), 'Visualizza');
    expect(packaged.some((item) => item.role === 'reload' || item.role === 'toggleDevTools' || item.role === 'forceReload')).toBe(false);
  });

  it('runs the about action and installs the menu', () => {
    const onAbout = vi.fn();
    const about = submenu(menuTemplate({ isPackaged: true, onAbout }), 'Aiuto')[0]!;
    (about.click as () => void)();
    expect(onAbout).toHaveBeenCalledOnce();
    installMenu({ isPackaged: true, onAbout });
    expect(setApplicationMenu).toHaveBeenCalledOnce();
  });
});
