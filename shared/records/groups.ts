import { z } from 'zod';
import { recordKind } from './registry';
import { IsoDate, lineText, Milli, noteText, RecordId, UpdatedBy } from './common';

/**
 * Thematic groups (*gruppi tematici*) belong to the hub; until its list arrives the municipality
 * names them locally (`local_group`). Memberships and meetings refer to a group by id.
 */
export const LocalGroupData = z
  .object({ name: lineText(120), description: noteText(), updated_by: UpdatedBy })
  .strict();
export type LocalGroupData = z.infer<typeof LocalGroupData>;

/** A person of the staff taking part in a group, from `since` (to `until`, when they left). */
export const GroupMembershipData = z
  .object({
    group_id: RecordId,
    staff_id: RecordId,
    since: IsoDate,
    until: IsoDate.nullable(),
    updated_by: UpdatedBy,
  })
  .strict()
  .refine((d) => d.until === null || d.until >= d.since, { message: 'La data di uscita precede quella di ingresso.', path: ['until'] });
export type GroupMembershipData = z.infer<typeof GroupMembershipData>;

/** A meeting of a group attended by some of the staff. */
export const GroupMeetingData = z
  .object({
    group_id: RecordId,
    date: IsoDate,
    hours_milli: Milli,
    topic: lineText(200),
    attendees: z.array(RecordId).max(200),
    updated_by: UpdatedBy,
  })
  .strict();
export type GroupMeetingData = z.infer<typeof GroupMeetingData>;

export const localGroupKind = recordKind({
  kind: 'local_group',
  owner: 'municipality',
  schema: LocalGroupData,
  description: 'Gruppo tematico nominato localmente, finché non arriva l’elenco del consorzio.',
});

export const groupMembershipKind = recordKind({
  kind: 'group_membership',
  owner: 'municipality',
  schema: GroupMembershipData,
  description: 'Partecipazione di una persona del personale a un gruppo tematico.',
});

export const groupMeetingKind = recordKind({
  kind: 'group_meeting',
  owner: 'municipality',
  schema: GroupMeetingData,
  description: 'Riunione di un gruppo tematico: data, ore, argomento, persone presenti.',
});
