import { create } from 'zustand';

interface DestinationState {
  /** The folder typed by the person (a USB stick's drive, "E:\"); empty: the data folder. */
  folder: string;
  setFolder: (folder: string) => void;
}

/**
 * Where exported bundles go. The backend writes into an existing folder only (it checks the
 * folder before writing, a pulled-out stick fails there): the default is the data folder,
 * which always exists. Kept across screens for the session.
 */
export const useDestinationStore = create<DestinationState>()((set) => ({
  folder: '',
  setFolder: (folder) => set({ folder }),
}));

export function destinationOf(folder: string, dataDir: string): string {
  return folder.trim() || dataDir;
}
