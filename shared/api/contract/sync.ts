/** Network sync through the consortium's mailbox or a shared folder (docs/sync.md). */
import { method } from '../define';
import { SyncConfigInput, type NetworkSyncStatus } from '../../domain/network-sync';
import { NoInput } from './inputs';

export const syncMethods = {
  /** Where sync stands: last success, what waits, next attempt, last error in words. */
  'sync.network': method(NoInput)<NetworkSyncStatus>(),
  /** "Sincronizza ora": one round at once (waits for a running one); the status after it. */
  'sync.now': method(NoInput)<NetworkSyncStatus>(),
  /** Sets or removes the mailbox address (and, CLI only, the shared folder); then syncs soon. */
  'sync.configure': method(SyncConfigInput)<NetworkSyncStatus>(),
} as const;
