import { Menu } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import { shellMessages as t } from './messages';

export interface MenuOptions {
  /** Reload and developer tools exist only in an unpackaged (developer) run. */
  isPackaged: boolean;
  onAbout: () => void;
}

/**
 * The Italian application menu, pure so a test reads its labels. Roles keep the platform's
 * behaviour and accelerators (Ctrl+Z, Ctrl+C, F11…); the labels override Chromium's English.
 */
export function menuTemplate({ isPackaged, onAbout }: MenuOptions): MenuItemConstructorOptions[] {
  const developer: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [{ role: 'reload', label: t.menuReload }, { role: 'toggleDevTools', label: t.menuDevTools }, { type: 'separator' }];
  return [
    { label: t.menuFile, submenu: [{ role: 'quit', label: t.menuQuit }] },
    {
      label: t.menuEdit,
      submenu: [
        { role: 'undo', label: t.menuUndo },
        { role: 'redo', label: t.menuRedo },
        { type: 'separator' },
        { role: 'cut', label: t.menuCut },
        { role: 'copy', label: t.menuCopy },
        { role: 'paste', label: t.menuPaste },
        { role: 'selectAll', label: t.menuSelectAll },
      ],
    },
    {
      label: t.menuView,
      submenu: [
        ...developer,
        { role: 'zoomIn', label: t.menuZoomIn },
        { role: 'zoomOut', label: t.menuZoomOut },
        { role: 'resetZoom', label: t.menuResetZoom },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t.menuFullScreen },
      ],
    },
    { label: t.menuHelp, submenu: [{ label: t.menuAbout, click: () => onAbout() }] },
  ];
}

export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options)));
}
