import type { FeatureModule } from '../../platform/api/feature-module';
import type { HandlerGroup } from '../../platform/api/handler-table';
import { verifyOutboxInParallel } from './verify-outbox';

/** Our own events, hash-chained: `log.verify` checks the whole chain. */
export const outboxModule = {
  name: 'sync/outbox',
  handlers: {
    'log.verify': (ctx) => verifyOutboxInParallel(ctx.db),
  } satisfies HandlerGroup,
} satisfies FeatureModule;
