import type { HandlerGroup } from '../../platform/api/handler-table';
import { homeSummary, readSettings, updateSettings } from './home-service';

export const homeHandlers = {
  'home.summary': homeSummary,
  'settings.get': readSettings,
  'settings.update': updateSettings,
} satisfies HandlerGroup;
