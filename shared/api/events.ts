import type { NetworkSyncStatus } from '../domain/network-sync';
import type { StoreHealth } from '../domain/store-health';

/** Pushes from the backend to the UI: a typed event map. */
export interface PushEvents {
  /** The sync agent's status changed (a round started or ended, a transfer moved, an error). */
  'sync.network': NetworkSyncStatus;
  /** Progress of a long operation (import of many bundles, demo data, exports). */
  'task.progress': { taskId: string; label: string; done: number; total: number };
  /** The background full check of the store started, passed, or found damage (writes then stop). */
  'store.health': StoreHealth;
}

export type PushEventName = keyof PushEvents;
export type PushMessage = { [E in PushEventName]: { event: E; payload: PushEvents[E] } }[PushEventName];
