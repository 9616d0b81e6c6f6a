import type { HandlerGroup } from '../../platform/api/handler-table';
import type { FeatureModule } from '../../platform/api/feature-module';
import { fillDemo } from './demo';
import { fillHubDemo } from './hub-demo';

export const demoHandlers = {
  // Wrapped: fillDemo's third parameter (ids) is the national demo's, never the dispatcher's.
  'demo.fill': (ctx, input) => fillDemo(ctx, input),
  'demo.hub': fillHubDemo,
} satisfies HandlerGroup;

/** Data to try the app with: a year of a town hall's records, or a consortium with members. */
export const demoModule = { name: 'app/demo', handlers: demoHandlers } satisfies FeatureModule;
