import type { NetworkSyncStatus } from '../../../../shared/domain/network-sync';
import type { FeatureModule } from '../../platform/api/feature-module';
import type { HandlerGroup } from '../../platform/api/handler-table';
import type { AppContext } from '../../platform/context';
import { configureMailbox } from './mailbox-announcement';
import { effectiveMailbox, readSyncFolder, writeSyncFolder } from './sync-config';

// Foundation only: the sync agent (sync-agent.ts) takes over `sync.network` and `sync.now`.
function configuredStatus(ctx: AppContext): NetworkSyncStatus {
  // The address typed here, else the one the hub announced (mailbox-announcement.ts).
  const { url: mailbox, fromHub } = effectiveMailbox(ctx.db);
  const folder = readSyncFolder(ctx.db);
  return {
    mailbox,
    folder,
    mailboxFromHub: fromHub,
    state: mailbox || folder ? 'idle' : 'off',
    lastSuccessAt: null,
    lastAttemptAt: null,
    nextAttemptAt: null,
    lastError: null,
    eventsToSend: 0,
    bundlesToSend: 0,
    bundlesToApply: 0,
    transfer: null,
    lastRound: null,
  };
}

export const syncHandlers = {
  'sync.network': (ctx) => configuredStatus(ctx),
  'sync.now': (ctx) => configuredStatus(ctx),
  'sync.configure': (ctx, input) => {
    if (input.mailbox !== undefined) configureMailbox(ctx, input.mailbox);
    if (input.folder !== undefined) writeSyncFolder(ctx.db, input.folder);
    return configuredStatus(ctx);
  },
} satisfies HandlerGroup;

/** Network sync through the consortium's mailbox or a shared folder (docs/sync.md). */
export const networkSyncModule = { name: 'sync/network', handlers: syncHandlers } satisfies FeatureModule;
