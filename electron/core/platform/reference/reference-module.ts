import type { FeatureModule } from '../api/feature-module';
import type { HandlerGroup } from '../api/handler-table';
import { findMunicipality, listProvinces, searchMunicipalities } from './municipalities';

/** ISTAT's municipalities and provinces, shipped with the app (Fonte: ISTAT). */
export const referenceModule = {
  name: 'platform/reference',
  handlers: {
    'reference.searchMunicipalities': (_ctx, input) => searchMunicipalities(input.query, input.limit),
    'reference.municipalities': (_ctx, input) => input.istat.map(findMunicipality).filter((m) => m !== undefined),
    'reference.provinces': () => listProvinces(),
  } satisfies HandlerGroup,
} satisfies FeatureModule;
