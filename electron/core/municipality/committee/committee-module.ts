import type { HandlerGroup } from '../../platform/api/handler-table';
import type { FeatureModule } from '../../platform/api/feature-module';
import { technicianDesignationKind } from '../../../../shared/records/committee';
import { restoreDesignationFromEvent } from './designation-store';
import { designationCsv, endDesignation, getDesignation, saveDesignation } from './designation-service';
import { seatProjector } from './seat-projector';

export const designationHandlers = {
  'committee.designation.get': (ctx) => ({ designation: getDesignation(ctx) }),
  'committee.designation.save': saveDesignation,
  'committee.designation.end': endDesignation,
  'committee.designation.csv': (ctx) => designationCsv(ctx),
} satisfies HandlerGroup;

/**
 * The Technical Committee on a municipality (issue 15): its own designation (a record it writes,
 * rebuilt from the hub's copy after a restore like every record it writes) and the committee's
 * seats the hub publishes.
 */
export const committeeModule = {
  name: 'municipality/committee',
  handlers: designationHandlers,
  kinds: [technicianDesignationKind],
  restorers: { technician_designation: (db, _dir, ev) => restoreDesignationFromEvent(db, ev) },
  projectors: [seatProjector],
} satisfies FeatureModule;
