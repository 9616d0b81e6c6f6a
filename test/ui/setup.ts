import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import type { StoreApi, UseBoundStore } from 'zustand';
import { useToastStore } from '../../renderer/src/components/toast-store';
import { useGroupsStore } from '../../renderer/src/features/groups/store';
import { useHistoryStore } from '../../renderer/src/features/history/store';
import { useNoticesStore } from '../../renderer/src/features/home/notices-store';
import { useImportsStore } from '../../renderer/src/features/imports/store';
import { useMembersStore } from '../../renderer/src/features/members/store';
import { usePlanStore } from '../../renderer/src/features/plan/store';
import { useProposalsStore } from '../../renderer/src/features/proposals/store';
import { useSettingsStore } from '../../renderer/src/features/settings/store';
import { useSetupStore } from '../../renderer/src/features/setup/store';
import { useTrainingStore } from '../../renderer/src/features/training/store';
import { useUsageStore } from '../../renderer/src/features/usage/store';
import { useReceivedData } from '../../renderer/src/app/received-data';
import { useRegionStore } from '../../renderer/src/features/region/region-store';
import { useSyncStore } from '../../renderer/src/features/sync/sync-store';
import { useBulkEnrolmentStore } from '../../renderer/src/features/identities/bulk-store';

/**
 * Every zustand store of the renderer (test/unit/ui-stores-reset.test.ts checks the list is
 * whole): the UI files share one module graph (vitest.config.ts, `isolate: false`), so each test
 * starts from every store's initial state, as a freshly opened window does.
 */
export const RENDERER_STORES: Record<string, UseBoundStore<StoreApi<object>>> = {
  useToastStore,
  useGroupsStore,
  useHistoryStore,
  useNoticesStore,
  useImportsStore,
  useMembersStore,
  usePlanStore,
  useProposalsStore,
  useSettingsStore,
  useSetupStore,
  useTrainingStore,
  useUsageStore,
  useReceivedData,
  useSyncStore,
  useBulkEnrolmentStore,
  useRegionStore,
} as never;

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
  for (const store of Object.values(RENDERER_STORES)) store.setState(store.getInitialState(), true);
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/');
  document.documentElement.lang = 'it';
});
