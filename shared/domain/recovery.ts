import { z } from 'zod';
import { localPath } from './local-path';
import type { BundleImportResult } from './bundles';

/**
 * Recovering this installation's own stream after a restore from an old backup (docs/design.md
 * "Restores"): the hub's acknowledgement said it holds events we no longer have.
 */
export interface RecoveryStatus {
  /** True while new writes are refused (E_RECOVERY_NEEDED). */
  needed: boolean;
  /** Who holds the missing events (the hub), when needed. */
  hub: { id: string; name: string } | null;
  /** Our last event here, and the last one the hub acknowledged. */
  ourLastSeq: number;
  hubAckedSeq: number | null;
  /** hubAckedSeq − ourLastSeq when needed, else 0. */
  missing: number;
}

/** The recovery copy inside a hub bundle: one or more attachments with these names and this type. */
export const RECOVERY_FILE_TYPE = 'application/x-ndjson';
export const RECOVERY_FILE_NAME = /^recupero-([0-9]{6})-([0-9]+)-([0-9]+)\.ndjson$/;

export function recoveryFileName(istat: string, first: number, last: number): string {
  return `recupero-${istat}-${first}-${last}.ndjson`;
}

export const RecoveryExportInput = z
  .object({
    /** The member (ISTAT code) whose stream is copied. */
    for: z.string().trim().regex(/^[0-9]{6}$/, { message: 'Codice ISTAT di 6 cifre.' }),
    /** Exact target file (CLI only); without it the bytes come back in the answer (download). */
    out: localPath().optional(),
    /** Not encrypted (tests and audits). */
    plain: z.boolean().default(false),
  })
  .strict();

export interface RecoveryExportResult {
  fileName: string;
  /** Where it was written (empty when the bytes are returned). */
  path: string;
  /** The bundle's bytes, base64, when no `out` was given. */
  contentBase64?: string;
  member: string;
  /** The member's events copied (1..last), and the copy's files. */
  copiedEvents: number;
  bytes: number;
  sha256: string;
}

export const RecoveryApplyInput = z.union([
  z.object({ path: localPath() }).strict(),
  z.object({ name: z.string().min(1).max(260), contentBase64: z.string().max(400 * 1024 * 1024) }).strict(),
]);

export interface RecoveryApplyResult {
  /** The ordinary import of the hub bundle that carries the copy. */
  import: BundleImportResult;
  /** Events added back to our outbox (head+1 .. the hub's ack). */
  recovered: { first: number; last: number } | null;
  /** Records rebuilt from those events, by kind. */
  records: Record<string, number>;
  /** Proposal attachments named by those events that neither we nor the hub hold (to attach again). */
  missingAttachments: number;
  /** An Italian sentence for the clerk. */
  message: string;
  status: RecoveryStatus;
}
