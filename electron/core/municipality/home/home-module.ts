import type { HandlerGroup } from '../../platform/api/handler-table';
import type { FeatureModule } from '../../platform/api/feature-module';
import { homeSummary, readSettings, updateSettings } from './home-service';

export const homeHandlers = {
  'home.summary': homeSummary,
  'settings.get': readSettings,
  'settings.update': updateSettings,
} satisfies HandlerGroup;

/** The town hall's home page: what was recorded, what waits to be sent. */
export const homeModule = { name: 'municipality/home', handlers: homeHandlers } satisfies FeatureModule;
