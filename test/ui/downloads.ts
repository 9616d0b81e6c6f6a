import { vi } from 'vitest';

/**
 * The browser's download (a save dialog in Electron) cannot happen in jsdom: the link's click is
 * recorded instead, with the file name it would have saved. `resetBundleStores` restores it.
 */
export function recordDownloads(): string[] {
  const names: string[] = [];
  Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:download'), revokeObjectURL: vi.fn() });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return names;
}
