import { z } from 'zod';
import { IsoDate, lineText, noteText, RecordId } from '../records/common';
import { QuantityText } from './usage';

export const GroupInput = z.object({ name: lineText(120), description: noteText().default('') }).strict();
export const GroupUpdateInput = GroupInput.extend({ id: RecordId }).strict();
export const MembershipInput = z
  .object({ groupId: RecordId, staffId: RecordId, since: IsoDate, until: IsoDate.nullable().default(null) })
  .strict();
export const MembershipUpdateInput = MembershipInput.extend({ id: RecordId }).strict();
export const MeetingInput = z
  .object({
    groupId: RecordId,
    date: IsoDate,
    hours: QuantityText,
    topic: lineText(200),
    attendees: z.array(RecordId).max(200).default([]),
  })
  .strict();
export const MeetingUpdateInput = MeetingInput.extend({ id: RecordId }).strict();
export const MeetingListInput = z.object({ groupId: RecordId.optional(), year: z.number().int().min(2000).max(2999).optional() }).strict();

export interface GroupMember {
  membershipId: string;
  staffId: string;
  code: string;
  displayName: string | null;
  since: string;
  until: string | null;
}

export interface Group {
  id: string;
  name: string;
  description: string;
  /** 'local' until the hub sends its groups. */
  source: 'local' | 'hub';
  members: GroupMember[];
  meetings: number;
  updatedBy: string;
  updatedAt: string;
}

export interface Meeting {
  id: string;
  groupId: string;
  groupName: string;
  date: string;
  hours: string;
  hoursMilli: number;
  topic: string;
  attendees: { staffId: string; code: string; displayName: string | null }[];
  updatedBy: string;
  updatedAt: string;
}
