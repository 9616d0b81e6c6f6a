import { create } from 'zustand';
import type { Role } from '../../../../shared/domain/ids';
import type { Installation } from '../../../../shared/domain/installation';

export type SetupStep = 'role' | Role | 'done';

interface SetupState {
  step: SetupStep;
  /** The installation just created: the fingerprint step shows it before the home. */
  created: Installation | null;
  /** "Continue" was pressed: the shell takes over once `app.status` shows the installation. */
  leaving: boolean;
  chooseRole: (role: Role) => void;
  backToRole: () => void;
  finished: (installation: Installation) => void;
  leave: () => void;
  reset: () => void;
}

/** The first-run wizard: role → form → fingerprint. */
export const useSetupStore = create<SetupState>()((set) => ({
  step: 'role',
  created: null,
  leaving: false,
  chooseRole: (role) => set({ step: role }),
  backToRole: () => set({ step: 'role' }),
  finished: (installation) => set({ step: 'done', created: installation }),
  leave: () => set({ leaving: true }),
  reset: () => set({ step: 'role', created: null, leaving: false }),
}));
