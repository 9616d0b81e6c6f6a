import { create } from 'zustand';

interface SettingsState {
  /** An identity export is being prepared (the button shows it and ignores a second press). */
  exporting: boolean;
  setExporting: (exporting: boolean) => void;
}

export const useSettingsStore = create<SettingsState>()((set) => ({
  exporting: false,
  setExporting: (exporting) => set({ exporting }),
}));
