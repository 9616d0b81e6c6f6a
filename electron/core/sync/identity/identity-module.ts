import type { FeatureModule } from '../../platform/api/feature-module';
import type { HandlerGroup } from '../../platform/api/handler-table';
import { exportIdentity, showIdentity } from './identity';

/** This installation's identity: its public keys, fingerprint and identity file (.cstid). */
export const identityModule = {
  name: 'sync/identity',
  handlers: {
    'identity.show': showIdentity,
    'identity.export': (ctx) => {
      const { fileName, bytes } = exportIdentity(ctx);
      return { fileName, contentBase64: bytes.toString('base64') };
    },
  } satisfies HandlerGroup,
} satisfies FeatureModule;
