import type { HandlerGroup } from '../../platform/api/handler-table';
import type { FeatureModule } from '../../platform/api/feature-module';
import { homeSummary, readSettings, updateSettings } from './home-service';
import { markNoticesSeen, readNotices } from './notices';

export const homeHandlers = {
  'home.summary': homeSummary,
  'settings.get': readSettings,
  'settings.update': updateSettings,
  'notices.get': readNotices,
  'notices.seen': markNoticesSeen,
} satisfies HandlerGroup;

/** The home page: what was recorded, what waits to be sent, what arrived since it was last seen. */
export const homeModule = { name: 'municipality/home', handlers: homeHandlers } satisfies FeatureModule;
