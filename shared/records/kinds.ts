import type { RecordKind } from './registry';
import { localGroupKind, groupMeetingKind, groupMembershipKind } from './groups';
import { hubServiceKind } from './hub-catalogue';
import { thematicGroupKind } from './hub-groups';
import { memberKind } from './hub-members';
import { mailboxAddressKind } from './hub-mailbox';
import { regionalHubKind, regionalReportKind } from './hub-federation';
import { GOV_RECORD_KINDS } from './gov-records';
import { tcMeetingKind } from './tc-meetings';
import { offeredCourseKind } from './hub-training';
import { proposalKind } from './proposals';
import { proposalJoinKind, sharedJoinKind, sharedProposalKind } from './proposal-joins';
import { staffKind } from './staff';
import { courseKind, participationKind } from './training';
import { usageKind } from './usage';
import { committeeCoordinatorKind, committeeSeatKind, technicianDesignationKind } from './committee';

/** Every record kind a municipality writes. */
export const MUNICIPALITY_RECORD_KINDS: readonly RecordKind[] = [
  usageKind,
  staffKind,
  courseKind,
  participationKind,
  localGroupKind,
  groupMembershipKind,
  groupMeetingKind,
  proposalKind,
  proposalJoinKind,
  technicianDesignationKind,
];

/** Every record kind the hub writes (issue 4; issue 5 adds the plan's). */
export const HUB_RECORD_KINDS: readonly RecordKind[] = [hubServiceKind, offeredCourseKind, thematicGroupKind, memberKind, ...GOV_RECORD_KINDS, sharedProposalKind, sharedJoinKind, mailboxAddressKind, committeeSeatKind, committeeCoordinatorKind, tcMeetingKind, regionalHubKind, regionalReportKind];

export const RECORD_KINDS: readonly RecordKind[] = [...MUNICIPALITY_RECORD_KINDS, ...HUB_RECORD_KINDS];

export function findRecordKind(kind: string): RecordKind | undefined {
  return RECORD_KINDS.find((k) => k.kind === kind);
}
