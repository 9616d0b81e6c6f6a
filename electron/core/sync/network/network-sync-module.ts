import type { FeatureModule } from '../../platform/api/feature-module';
import type { HandlerGroup } from '../../platform/api/handler-table';
import { configureMailbox } from './mailbox-announcement';
import { syncAgentOf } from './sync-agent';
import { effectiveMailbox, readSyncFolder, writeSyncFolder } from './sync-config';

export const syncHandlers = {
  'sync.network': (ctx) => syncAgentOf(ctx).status(),
  'sync.now': async (ctx) => (await syncAgentOf(ctx).runNow()).status,
  'sync.configure': (ctx, input) => {
    const where = () => `${effectiveMailbox(ctx.db).url}\n${readSyncFolder(ctx.db)}`;
    const before = where();
    // On the hub the address is also announced to the members (mailbox-announcement.ts).
    if (input.mailbox !== undefined) configureMailbox(ctx, input.mailbox);
    if (input.folder !== undefined) writeSyncFolder(ctx.db, input.folder);
    const agent = syncAgentOf(ctx);
    if (where() !== before) agent.configured();
    return agent.status();
  },
} satisfies HandlerGroup;

/** Network sync through the consortium's mailbox or a shared folder (docs/sync.md). */
export const networkSyncModule = { name: 'sync/network', handlers: syncHandlers } satisfies FeatureModule;
