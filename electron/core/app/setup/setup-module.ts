import type { FeatureModule } from '../../platform/api/feature-module';
import type { HandlerGroup } from '../../platform/api/handler-table';
import { publishInitialHubRecords } from '../../hub/members/hub-members';
import { setupHub, setupMunicipality } from './setup';

/** The first run: what this installation is (a municipality or the consortium's hub), and its keys. */
export const setupModule = {
  name: 'app/setup',
  handlers: {
    'setup.municipality': (ctx, input) => setupMunicipality(ctx, input),
    // The hub's first events (its catalogue and registry) follow its setup: idempotent, see publishInitialHubRecords.
    'setup.hub': (ctx, input) => {
      const installation = setupHub(ctx, input);
      publishInitialHubRecords(ctx);
      return installation;
    },
  } satisfies HandlerGroup,
} satisfies FeatureModule;
