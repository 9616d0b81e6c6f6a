import type { RecordKind } from './registry';
import { localGroupKind, groupMeetingKind, groupMembershipKind } from './groups';
import { proposalKind } from './proposals';
import { staffKind } from './staff';
import { courseKind, participationKind } from './training';
import { usageKind } from './usage';

/** Every record kind a municipality writes (the hub's kinds come with issues 4 and 5). */
export const MUNICIPALITY_RECORD_KINDS: readonly RecordKind[] = [
  usageKind,
  staffKind,
  courseKind,
  participationKind,
  localGroupKind,
  groupMembershipKind,
  groupMeetingKind,
  proposalKind,
];

export function findRecordKind(kind: string): RecordKind | undefined {
  return MUNICIPALITY_RECORD_KINDS.find((k) => k.kind === kind);
}
