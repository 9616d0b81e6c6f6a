import { z } from 'zod';
import type { ProposalStateView } from '../governance/proposal-state';
import { Cents, lineText, noteText, RecordId } from '../records/common';
import { AttachmentType, Sha256Hex, type AttachmentRef, type ProposalData, type ProposalStatus } from '../records/proposals';

export const ProposalInput = z
  .object({
    title: lineText(200),
    problem: noteText().default(''),
    solution: noteText().default(''),
    groupId: RecordId.nullable().default(null),
    benefits: noteText().default(''),
    /** ISTAT codes of the other members that would benefit. */
    beneficiaries: z.array(z.string().regex(/^[0-9]{6}$/, { message: 'Codice ISTAT di 6 cifre.' })).max(500).default([]),
    oneOffCents: Cents.default(0),
    yearlyCents: Cents.default(0),
  })
  .strict();
export const ProposalUpdateInput = ProposalInput.extend({ id: RecordId }).strict();
export const ProposalListInput = z.object({ status: z.enum(['draft', 'submitted', 'withdrawn']).optional() }).strict();

/** Base64 of at most 50 MiB of bytes (4 characters per 3 bytes). */
export const BASE64_MAX = Math.ceil((50 * 1024 * 1024) / 3) * 4 + 4;
export const AttachmentAddInput = z
  .object({
    proposalId: RecordId,
    name: lineText(200),
    type: z.string().max(200),
    contentBase64: z.string().max(BASE64_MAX + 1024, { message: 'Il file supera 50 MB: allegare un file più piccolo (per esempio un PDF compresso).' }),
  })
  .strict();
export const AttachmentRemoveInput = z.object({ proposalId: RecordId, sha256: Sha256Hex }).strict();
export const AttachmentGetInput = z.object({ sha256: Sha256Hex }).strict();

export interface Proposal {
  id: string;
  status: ProposalStatus;
  version: number;
  title: string;
  problem: string;
  solution: string;
  groupId: string | null;
  benefits: string;
  beneficiaries: string[];
  oneOffCents: number;
  yearlyCents: number;
  attachments: AttachmentRef[];
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  /** The one state every screen shows (shared/governance/proposal-state.ts), with the hub's track as received. */
  state: ProposalStateView;
}

export interface ProposalVersion {
  seq: number;
  at: string;
  who: string;
  data: ProposalData;
}

export interface ProposalDetail {
  proposal: Proposal;
  /** Every stored state of the proposal, oldest first (one per event). */
  versions: ProposalVersion[];
}

export interface AttachmentContent {
  sha256: string;
  type: z.infer<typeof AttachmentType>;
  bytes: number;
  contentBase64: string;
}
