import type { HandlerGroup } from '../../platform/api/handler-table';
import { recordHistory } from './history';

export const historyHandlers = {
  'history.get': recordHistory,
} satisfies HandlerGroup;
