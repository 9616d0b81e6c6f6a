import { z } from 'zod';
import type { ApiError } from '../api/errors';
import type { BundleImportResult } from './bundles';
import { localPath } from './local-path';

/**
 * Enrolling many members at once on a national hub (issue 12): their identity files (.cstid)
 * imported in one go, then confirmed from a list of fingerprints (CSV: ISTAT code; fingerprint)
 * that reached the office by a trusted channel, instead of one phone call each.
 */

/** A ZIP of 7,896 identity files is ~8 MB; far above it, still inside the window's 72 MB request. */
export const MAX_IDENTITY_ARCHIVE_BYTES = 32 * 1024 * 1024;
/** A list of 7,896 rows is ~350 kB. */
export const MAX_CONFIRMATION_LIST_BYTES = 4 * 1024 * 1024;

const base64Of = (bytes: number) => z.string().min(1).max(Math.ceil(bytes / 3) * 4 + 4);

/** One file: a .cstid, or a .zip of .cstid files (by its name). */
export const IdentityBulkFile = z.union([
  /** CLI only: a file on this computer (each file of a folder, or the ZIP). */
  z.object({ path: localPath(), name: z.string().max(260).optional() }).strict(),
  /** The window: the bytes of a file chosen or dropped. */
  z.object({ name: z.string().min(1).max(260), contentBase64: base64Of(MAX_IDENTITY_ARCHIVE_BYTES) }).strict(),
]);

export const IdentityImportManyInput = z.object({ files: z.array(IdentityBulkFile).min(1).max(10_000) }).strict();

export const IdentityConfirmManyInput = z.union([
  z.object({ path: localPath(), name: z.string().max(260).optional() }).strict(),
  z.object({ name: z.string().min(1).max(260), contentBase64: base64Of(MAX_CONFIRMATION_LIST_BYTES) }).strict(),
]);

/**
 * - `imported`: new, stored as pending (to confirm);
 * - `replaced`: new keys for a member still pending (the file sent again);
 * - `unchanged`: the same keys were already here (pending or confirmed);
 * - `skipped`: an entry of a ZIP that is not a .cstid (a LEGGIMI.txt), left alone;
 * - `failed`: refused, with the reason in `error`; nothing of it was stored.
 */
export type IdentityImportOutcome = 'imported' | 'replaced' | 'unchanged' | 'skipped' | 'failed';

export interface IdentityImportItem {
  /** The file's name; for an entry of a ZIP, `archivio.zip › cartella/nome.cstid`. */
  source: string;
  outcome: IdentityImportOutcome;
  /** The identity's ISTAT code, name, fingerprint and state here (not for skipped or failed). */
  member: { id: string; name: string; fingerprint: string; status: 'pending' | 'confirmed' } | null;
  /** Why it failed or was skipped, in the catalogue's words (`key`, `params`). */
  error: ApiError | null;
}

export interface IdentityImportManyResult {
  counts: Record<IdentityImportOutcome, number>;
  /** One per file, and one per entry of each ZIP, in the order given. */
  items: IdentityImportItem[];
}

/**
 * - `confirmed`: the fingerprint matched, the member is now confirmed;
 * - `alreadyConfirmed`: it matched and the member was confirmed before;
 * - `mismatch`: nothing confirmed for this row; `error` says why (fingerprint differs, no
 *   identity imported, unknown code, malformed row, code listed twice).
 */
export type IdentityConfirmOutcome = 'confirmed' | 'alreadyConfirmed' | 'mismatch';

export interface IdentityConfirmRow {
  /** The line of the file, as a text editor numbers it. */
  line: number;
  /** The ISTAT code as read (6 digits once recognised; the cell as written otherwise). */
  istat: string;
  /** The member's name when the code is a municipality's. */
  name: string | null;
  outcome: IdentityConfirmOutcome;
  error: ApiError | null;
}

export interface IdentityConfirmManyResult {
  counts: Record<IdentityConfirmOutcome, number>;
  /** One per data row of the list, in the file's order. */
  rows: IdentityConfirmRow[];
  /** Bundles those members had sent before being confirmed, applied now. */
  applied: BundleImportResult[];
}
