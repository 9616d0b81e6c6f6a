import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { useToastStore } from '../../renderer/src/components/toast-store';
import { useMembersStore } from '../../renderer/src/features/members/store';
import { useSetupStore } from '../../renderer/src/features/setup/store';
import { useSettingsStore } from '../../renderer/src/features/settings/store';

// No vitest globals: Testing Library's automatic cleanup needs this.
afterEach(() => {
  cleanup();
  useSetupStore.getState().reset();
  useMembersStore.getState().setFilter('');
  useSettingsStore.getState().setExporting(false);
  useToastStore.setState({ toasts: [] });
  window.history.replaceState(null, '', '/');
  document.documentElement.lang = 'it';
});
