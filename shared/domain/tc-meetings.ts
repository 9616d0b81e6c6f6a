import { z } from 'zod';
import { IstatCode } from './ids';
import { localPath } from './local-path';
import { BASE64_MAX } from './proposals';
import { IsoDate, lineText, noteText, RecordId } from '../records/common';
import { Sha256Hex } from '../records/proposals';
import { TcAttendanceStatus, type TcAttendanceEntry, type TcMeetingData, type TcProxyRule, type TcQuorumRule } from '../records/tc-meetings';

/** API inputs and outputs of the Technical Committee's meetings (issue 15). */

export const TcMeetingSaveInput = z
  .object({
    /** Absent: a new meeting. */
    id: RecordId.optional(),
    date: IsoDate,
    place: lineText(200, 0),
    online: z.boolean(),
    link: z
      .string()
      .trim()
      .max(500)
      .transform((s) => (s === '' ? null : s))
      .nullable()
      .default(null),
    agenda: z.array(lineText(300)).max(50, { message: 'L’ordine del giorno ha al massimo 50 punti.' }),
    proposals: z.array(RecordId).max(200),
    attendance: z.array(z.object({ member: IstatCode, status: TcAttendanceStatus, proxy_to: IstatCode.nullable().default(null) }).strict()).max(10_000),
    notes: noteText().default(''),
  })
  .strict();

export const TcMeetingFileInput = z
  .object({
    id: RecordId,
    name: lineText(200),
    type: z.string().max(200),
    contentBase64: z.string().max(BASE64_MAX + 1024, { message: 'Il file supera 50 MB: allegare un file più piccolo (per esempio un PDF compresso).' }),
  })
  .strict();
export const TcMeetingFileRef = z.object({ id: RecordId, sha256: Sha256Hex }).strict();
export const TcMeetingFormInput = z.object({ date: IsoDate.optional() }).strict();
export const TcMeetingsListInput = z.object({ year: z.number().int().min(2000).max(2999).optional() }).strict();
export const TcMeetingsCsvInput = z.object({ year: z.number().int().min(2000).max(2999).optional() }).strict();
export const TcMeetingPdfInput = z.object({ id: RecordId, lang: z.enum(['it', 'en']).default('it'), out: localPath().optional() }).strict();

export interface TcRules {
  quorum: TcQuorumRule;
  proxies: TcProxyRule;
}

/** A meeting as the screens read it: the record, its id, and names for what it refers to. */
export interface TcMeetingView extends TcMeetingData {
  id: string;
  updatedAt: string;
  /** Town names by ISTAT code (members of the registry). */
  memberNames: Record<string, string>;
  /** The proposals examined, with title and proposer when this installation knows them. */
  proposalTitles: { id: string; title: string | null; owner: string | null }[];
}

export interface TcMeetingRow {
  id: string;
  date: string;
  place: string;
  online: boolean;
  agendaItems: number;
  proposals: number;
  quorum: TcMeetingData['quorum'];
  hasMinutes: boolean;
  /** The files attached (the minutes first), to download. */
  files: { sha256: string; name: string }[];
  /** Municipality: how its own member took part (null on the hub, or when not listed). */
  mine: TcAttendanceEntry['status'] | null;
  /** Municipality: its own proposals examined there (id and title). */
  myProposals: { id: string; title: string }[];
}

/** Hub: what the meeting form offers: the members, the proposals received, the committee's rules. */
export interface TcMeetingFormData {
  /** Active members, each with how it starts on the grid (absent, or not designated per the roster). */
  members: { istat: string; name: string; status: 'absent' | 'not_designated' }[];
  proposals: { id: string; title: string; owner: string; ownerName: string | null }[];
  rules: TcRules;
}
