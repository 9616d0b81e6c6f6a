import type { Projector } from '../platform/records/projector';
import { hubServiceProjector, memberProjector, offeredCourseProjector, thematicGroupProjector } from '../municipality/catalogue/hub-record-projectors';
import { proposalProjector } from './proposals/proposal-projector';
import { memberCourseProjector, participationProjector, staffCountProjector } from './training/training-projectors';

/**
 * Issue 4's projectors. On the hub: members' training, staff and proposals (municipality-owned
 * kinds). On a municipality: the hub's records (hub-owned kinds). A kind reaches only the role
 * that does not own it, so one list serves both.
 */
export const HUB_PROJECTORS: readonly Projector[] = [
  memberCourseProjector,
  participationProjector,
  staffCountProjector,
  proposalProjector,
  hubServiceProjector,
  offeredCourseProjector,
  thematicGroupProjector,
  memberProjector,
];
