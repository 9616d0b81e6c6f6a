import { z } from 'zod';
import { recordKind } from './registry';
import { Cents, lineText, noteText, RecordId, UpdatedBy } from './common';

/** Attachments allowed on a proposal, checked by their first bytes, not by their name. */
export const ATTACHMENT_TYPES = [
  'application/pdf',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'image/png',
  'image/jpeg',
] as const;
export const AttachmentType = z.enum(ATTACHMENT_TYPES);
export type AttachmentType = z.infer<typeof AttachmentType>;
/** 50 MiB: docs/bundle-format.md's limit for one attachment. */
export const ATTACHMENT_MAX_BYTES = 50 * 1024 * 1024;

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, { message: 'Impronta SHA-256 non valida.' });

export const AttachmentRef = z
  .object({
    sha256: Sha256Hex,
    bytes: z.number().int().min(1).max(ATTACHMENT_MAX_BYTES),
    name: lineText(200),
    type: AttachmentType,
  })
  .strict();
export type AttachmentRef = z.infer<typeof AttachmentRef>;

export const ProposalStatus = z.enum(['draft', 'submitted', 'withdrawn']);
export type ProposalStatus = z.infer<typeof ProposalStatus>;

/**
 * A proposal (*proposta*) for the Technical Committee. Lifecycle on the municipality's side:
 * draft → submitted → withdrawn. `version` counts submitted contents: 1 for the first
 * submission, +1 at every change made after it (a draft is edited in place, version 0).
 * `beneficiaries` are the ISTAT codes of other members that would benefit.
 */
export const ProposalData = z
  .object({
    status: ProposalStatus,
    version: z.number().int().min(0),
    title: lineText(200),
    problem: noteText(),
    solution: noteText(),
    group_id: RecordId.nullable(),
    benefits: noteText(),
    beneficiaries: z.array(z.string().regex(/^[0-9]{6}$/, { message: 'Codice ISTAT di 6 cifre.' })).max(500),
    one_off_cents: Cents,
    yearly_cents: Cents,
    attachments: z.array(AttachmentRef).max(50),
    submitted_at: z.string().nullable(),
    updated_by: UpdatedBy,
  })
  .strict();
export type ProposalData = z.infer<typeof ProposalData>;

export const proposalKind = recordKind({
  kind: 'proposal',
  owner: 'municipality',
  schema: ProposalData,
  description: 'Proposta al Comitato tecnico: problema, soluzione, benefici, comuni interessati, costi in centesimi, allegati per SHA-256, stato e versione.',
});
