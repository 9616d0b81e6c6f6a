import type { FeatureModule } from '../../platform/api/feature-module';
import type { HandlerGroup } from '../../platform/api/handler-table';
import { syncAgentOf } from './sync-agent';
import { readMailbox, readSyncFolder, writeMailbox, writeSyncFolder } from './sync-config';

export const syncHandlers = {
  'sync.network': (ctx) => syncAgentOf(ctx).status(),
  'sync.now': async (ctx) => (await syncAgentOf(ctx).runNow()).status,
  'sync.configure': (ctx, input) => {
    const before = `${readMailbox(ctx.db)}\n${readSyncFolder(ctx.db)}`;
    if (input.mailbox !== undefined) writeMailbox(ctx.db, input.mailbox);
    if (input.folder !== undefined) writeSyncFolder(ctx.db, input.folder);
    const agent = syncAgentOf(ctx);
    if (`${readMailbox(ctx.db)}\n${readSyncFolder(ctx.db)}` !== before) agent.configured();
    return agent.status();
  },
} satisfies HandlerGroup;

/** Network sync through the consortium's mailbox or a shared folder (docs/sync.md). */
export const networkSyncModule = { name: 'sync/network', handlers: syncHandlers } satisfies FeatureModule;
