import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { useToastStore } from '../../renderer/src/components/toast-store';
import { useMembersStore } from '../../renderer/src/features/members/store';
import { useSetupStore } from '../../renderer/src/features/setup/store';
import { useSettingsStore } from '../../renderer/src/features/settings/store';
import { useHistoryStore } from '../../renderer/src/features/history/store';
import { useUsageStore } from '../../renderer/src/features/usage/store';
import { useTrainingStore } from '../../renderer/src/features/training/store';
import { useGroupsStore } from '../../renderer/src/features/groups/store';
import { useProposalsStore } from '../../renderer/src/features/proposals/store';

// jsdom has no CSS.escape; user-event needs it to move between radio buttons with the arrows.
const css = (globalThis as { CSS?: { escape?: (s: string) => string } }).CSS;
if (!css?.escape) {
  (globalThis as { CSS?: unknown }).CSS = { ...(css ?? {}), escape: (s: string) => s.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`) };
}

// findBy*/waitFor wait up to 5 s instead of 1: on a busy 2-core CI machine a screen that
// renders in 50 ms may take over a second; what is awaited stays exactly the same.
configure({ asyncUtilTimeout: 5000 });

// No vitest globals: Testing Library's automatic cleanup needs this.
afterEach(() => {
  cleanup();
  useSetupStore.getState().reset();
  useMembersStore.getState().setFilter('');
  useSettingsStore.getState().setExporting(false);
  useToastStore.setState({ toasts: [] });
  useUsageStore.getState().reset();
  useHistoryStore.getState().close();
  useTrainingStore.getState().reset();
  useGroupsStore.getState().reset();
  useProposalsStore.getState().reset();
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/');
  document.documentElement.lang = 'it';
});
