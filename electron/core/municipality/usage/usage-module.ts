import type { HandlerGroup } from '../../platform/api/handler-table';
import type { FeatureModule } from '../../platform/api/feature-module';
import { usageKind } from '../../../../shared/records/usage';
import { restoreUsageFromEvent } from './usage-restore';
import { listServices } from '../catalogue/catalogue-store';
import { listUsage } from './usage-list';
import { deleteUsage, getUsage, recordUsage, updateUsage, usageMonthly, usageTrend } from './usage-service';

export const usageHandlers = {
  'catalogue.list': (ctx) => listServices(ctx.db),
  'usage.record': recordUsage,
  'usage.update': updateUsage,
  'usage.delete': deleteUsage,
  'usage.get': getUsage,
  'usage.list': (ctx, input) => listUsage(ctx.db, input),
  'usage.monthly': usageMonthly,
  'usage.trend': usageTrend,
} satisfies HandlerGroup;

/** Usage of the consortium's services (utilizzi), recorded by the town hall. */
export const usageModule = {
  name: 'municipality/usage',
  handlers: usageHandlers,
  kinds: [usageKind],
  restorers: { usage: (db, _dir, ev) => restoreUsageFromEvent(db, ev) },
} satisfies FeatureModule;
