import type { HandlerGroup } from '../../platform/api/handler-table';
import type { FeatureModule } from '../../platform/api/feature-module';
import { recordHistory } from './history';

export const historyHandlers = {
  'history.get': recordHistory,
} satisfies HandlerGroup;

/** Every record's versions, from the outbox (storico). */
export const historyModule = { name: 'municipality/history', handlers: historyHandlers } satisfies FeatureModule;
