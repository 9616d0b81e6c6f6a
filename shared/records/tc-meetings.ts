import { z } from 'zod';
import { recordKind } from './registry';
import { IsoDate, lineText, noteText, RecordId, UpdatedBy } from './common';
import { AttachmentRef } from './proposals';

/**
 * A meeting of the Technical Committee (issue 15), owned by the hub: when and where it met, its
 * agenda, the members' proposals it examined, who was there for each member, the quorum as the
 * consortium's rules computed it that day, and its minutes (verbale) as an attachment.
 *
 * Attendance is per MEMBER (an ISTAT code), never per person: the technician's name stays in
 * the member's designation, so the hub's stream, which every member receives, carries no
 * personal data here. The quorum is written with the meeting (rule and figures), so every member
 * reads the same outcome even after the consortium changes its rules.
 */

const Istat = z.string().regex(/^[0-9]{6}$/, { message: 'Codice ISTAT di 6 cifre.' });

/**
 * How a member took part: its designated technician (`titular`), the substitute, by proxy to
 * another member present (`proxy`, where the rules allow it), `absent`, or `not_designated` (no
 * technician designated: not a component of the committee that day).
 */
export const TC_ATTENDANCE = ['titular', 'substitute', 'proxy', 'absent', 'not_designated'] as const;
export const TcAttendanceStatus = z.enum(TC_ATTENDANCE);
export type TcAttendanceStatus = z.infer<typeof TcAttendanceStatus>;

export const TcAttendanceEntry = z.object({ member: Istat, status: TcAttendanceStatus, proxy_to: Istat.nullable() }).strict();
export type TcAttendanceEntry = z.infer<typeof TcAttendanceEntry>;

/**
 * The committee's quorum rule: counted on the members with a designated technician
 * (`designated`) or on every member listed (`members`); `majority` is more than half,
 * `fraction` at least numerator/denominator of them.
 */
export const TcQuorumRule = z
  .object({
    basis: z.enum(['designated', 'members']),
    kind: z.enum(['majority', 'fraction']),
    numerator: z.number().int().min(1).max(100),
    denominator: z.number().int().min(1).max(100),
  })
  .strict()
  .refine((q) => q.numerator <= q.denominator, { message: 'La frazione del numero legale non può superare 1 (per esempio 1/2 o 2/3).' });
export type TcQuorumRule = z.infer<typeof TcQuorumRule>;

/** Proxies: allowed or not, and how many one member present may hold. */
export const TcProxyRule = z.object({ allowed: z.boolean(), max_per_attendee: z.number().int().min(0).max(10) }).strict();
export type TcProxyRule = z.infer<typeof TcProxyRule>;

export const TcQuorumOutcome = z
  .object({
    rule: TcQuorumRule,
    /** Members counted (the base), members present in person or by proxy, and the least needed. */
    base: z.number().int().min(0),
    present: z.number().int().min(0),
    required: z.number().int().min(0),
    reached: z.boolean(),
  })
  .strict();
export type TcQuorumOutcome = z.infer<typeof TcQuorumOutcome>;

export const TcMeetingData = z
  .object({
    date: IsoDate,
    /** Where it met (empty when only online), and whether online, with its link if any. */
    place: lineText(200, 0),
    online: z.boolean(),
    link: z
      .string()
      .trim()
      .max(500)
      .regex(/^https:\/\/[^\s]+$/, { message: 'Il collegamento deve iniziare con https://' })
      .nullable(),
    agenda: z.array(lineText(300)).max(50),
    /** The members' proposals examined (their ids, as the hub received them). */
    proposals: z.array(RecordId).max(200),
    attendance: z.array(TcAttendanceEntry).max(10_000),
    quorum: TcQuorumOutcome,
    notes: noteText(),
    /** The minutes (verbale) and any other file, carried as `files/<sha256>` in the hub's bundles. */
    attachments: z.array(AttachmentRef).max(10),
    created_by: UpdatedBy,
    updated_by: UpdatedBy,
  })
  .strict()
  .refine((m) => m.online || m.place !== '', { message: 'Indicare il luogo della riunione, oppure che si è svolta online.', path: ['place'] });
export type TcMeetingData = z.infer<typeof TcMeetingData>;

export const tcMeetingKind = recordKind({
  kind: 'tc_meeting',
  owner: 'hub',
  schema: TcMeetingData,
  description: 'Riunione del Comitato tecnico: data, luogo o online, ordine del giorno, proposte esaminate, presenze per socio con le deleghe, numero legale, verbale allegato.',
});
