import type { FeatureModule } from '../../platform/api/feature-module';
import { hubServiceProjector, memberProjector, offeredCourseProjector, thematicGroupProjector } from './hub-record-projectors';

/**
 * The consortium's catalogue as it reaches the town hall: the hub's services (replacing the
 * provisional ones by code), offered courses, thematic groups and member registry, projected
 * into the municipality's tables while a hub bundle is applied. `catalogue.list` is usage's.
 */
export const catalogueModule = {
  name: 'municipality/catalogue',
  projectors: [hubServiceProjector, offeredCourseProjector, thematicGroupProjector, memberProjector],
} satisfies FeatureModule;
