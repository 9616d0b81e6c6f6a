import type { HandlerGroup } from '../../platform/api/handler-table';
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
