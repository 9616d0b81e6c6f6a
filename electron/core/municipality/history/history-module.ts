import type { HandlerGroup } from '../../platform/api/handler-table';
import type { FeatureModule } from '../../platform/api/feature-module';
import { recordHistory } from './history';
import { listDeleted, restoreDeleted } from './restore';

export const historyHandlers = {
  'history.get': recordHistory,
  'history.deleted': listDeleted,
  'history.restore': restoreDeleted,
} satisfies HandlerGroup;

/** Every record's versions, from the outbox (storico); deleted records, and restoring them. */
export const historyModule = { name: 'municipality/history', handlers: historyHandlers } satisfies FeatureModule;
