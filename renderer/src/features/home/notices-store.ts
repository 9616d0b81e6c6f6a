import { create } from 'zustand';
import type { Notices } from '../../../../shared/domain/home';

interface NoticesState {
  /** Null until the first answer: no badge, no notice. */
  notices: Notices | null;
  set: (notices: Notices) => void;
}

/** "Novità": one copy for the menu's badges and the home page's notice, so clearing one clears both. */
export const useNoticesStore = create<NoticesState>()((set) => ({
  notices: null,
  set: (notices) => set({ notices }),
}));
