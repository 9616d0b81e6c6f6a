import { create } from 'zustand';

/** 'save': the bytes come back and are downloaded (browser) or saved through a dialog (Electron); 'folder': a folder typed by the person. */
export type DeliveryMode = 'save' | 'folder';

interface DestinationState {
  mode: DeliveryMode;
  /** The folder typed by the person (a USB stick's drive, "E:\"); empty: the data folder. */
  folder: string;
  setMode: (mode: DeliveryMode) => void;
  setFolder: (folder: string) => void;
}

/**
 * Where exported bundles go. By default the file is saved like any download (the browser shell
 * has no other way to reach the clerk's computer); "in a folder" writes on the computer running
 * the program (a USB stick in Electron), creating the folder if needed. Kept across screens.
 */
export const useDestinationStore = create<DestinationState>()((set) => ({
  mode: 'save',
  folder: '',
  setMode: (mode) => set({ mode }),
  setFolder: (folder) => set({ folder }),
}));

export function destinationOf(folder: string, dataDir: string): string {
  return folder.trim() || dataDir;
}
