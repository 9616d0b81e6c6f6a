import type { HandlerGroup } from '../../platform/api/handler-table';
import type { FeatureModule } from '../../platform/api/feature-module';
import { committeeCoordinatorKind, committeeSeatKind } from '../../../../shared/records/committee';
import { designationProjector } from '../../hub/committee/designation-projector';
import { coordinators, roster, rosterCsv } from './roster-service';
import { coordinatorProjector } from '../coordinator-announcement';

export const rosterHandlers = {
  'committee.roster': roster,
  'committee.rosterCsv': rosterCsv,
  'committee.coordinators': (ctx) => coordinators(ctx),
} satisfies HandlerGroup;

/**
 * The Technical Committee on the hub (issue 15): the members' designations kept as received
 * (every version), the seats published back to every member, the roster on a day with the
 * Technical Director as coordinator. The roster answers on a member too, from the seats and the
 * coordinator received.
 */
export const committeeRosterModule = {
  name: 'governance/committee',
  handlers: rosterHandlers,
  kinds: [committeeSeatKind, committeeCoordinatorKind],
  projectors: [designationProjector, coordinatorProjector],
} satisfies FeatureModule;
