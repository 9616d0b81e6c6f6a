import type { ApiError } from '../../../../shared/api/errors';
import { MAX_CONFIRMATION_LIST_BYTES, type IdentityConfirmOutcome, type IdentityConfirmRow } from '../../../../shared/domain/identity-bulk';
import { readFileUpTo } from '../../platform/fs/bounded-read';
import type { AppContext } from '../../platform/context';
import { AppError, appError } from '../../platform/errors';
import { findMunicipality } from '../../platform/reference/municipalities';
import { readConfirmationList, type ListRow } from './confirmation-list';
import { requireBulkEnrolment } from './identity-bulk-import';
import { confirmIdentity } from './identity-exchange';
import { findPeer } from './peers-store';

export interface ConfirmedFromList {
  counts: Record<IdentityConfirmOutcome, number>;
  rows: IdentityConfirmRow[];
  /** The members confirmed now (their kept bundles are applied next, outside this transaction). */
  confirmed: string[];
}

/**
 * Confirms every member whose fingerprint in the list matches the identity imported for its
 * ISTAT code (identity.confirmMany). Every other row is listed with its line and reason, and
 * nothing is confirmed for it. Each member is confirmed by the single confirmation
 * (confirmIdentity: the same comparison, the peer and the registry together), all in one
 * transaction: a failure of the store undoes the whole list, never half a member.
 */
export function confirmFromList(ctx: AppContext, bytes: Buffer): ConfirmedFromList {
  requireBulkEnrolment(ctx);
  const list = readConfirmationList(bytes);
  if (list.length === 0) throw appError('identityBulk.listEmpty');
  const linesOf = new Map<string, number[]>();
  for (const r of list) if (r.istat) linesOf.set(r.istat, [...(linesOf.get(r.istat) ?? []), r.line]);
  const memberName = ctx.db.prepare('SELECT name FROM members WHERE istat = ?').pluck();
  const confirmed: string[] = [];

  const rows = ctx.db.transaction(() =>
    list.map((r): IdentityConfirmRow => {
      const name = (r.istat && findMunicipality(r.istat)?.name) || null;
      const row = (outcome: IdentityConfirmOutcome, error: ApiError | null = null): IdentityConfirmRow => ({ line: r.line, istat: r.istat ?? r.written, name, outcome, error });
      const problem = rowProblem(ctx, r, name, linesOf, memberName);
      if (problem) return row('mismatch', problem);
      const istat = r.istat as string;
      const before = findPeer(ctx.db, 'municipality', istat);
      try {
        confirmIdentity(ctx, istat, r.fingerprint);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        return row('mismatch', err.key === 'identity.fingerprintMismatch' ? appError('identityBulk.mismatch', { name: name ?? istat, istat }).toValue() : err.toValue());
      }
      if (before?.status === 'confirmed') return row('alreadyConfirmed');
      confirmed.push(istat);
      return row('confirmed');
    }),
  )();

  const counts: Record<IdentityConfirmOutcome, number> = { confirmed: 0, alreadyConfirmed: 0, mismatch: 0 };
  for (const r of rows) counts[r.outcome] += 1;
  ctx.log.info('identities confirmed from a list', counts);
  return { counts, rows, confirmed };
}

/** Why nothing can be confirmed for this row before its fingerprint is even compared, or null. */
function rowProblem(
  ctx: AppContext,
  r: ListRow,
  name: string | null,
  linesOf: ReadonlyMap<string, number[]>,
  memberName: { get(istat: string): unknown },
): ApiError | null {
  if (r.problem || !r.istat) return r.problem;
  const lines = linesOf.get(r.istat) ?? [];
  if (lines.length > 1) return appError('identityBulk.duplicateCode', { istat: r.istat, lines: lines.join(', ') }).toValue();
  if (!name) return appError('identityBulk.unknownCode', { istat: r.istat }).toValue();
  if (memberName.get(r.istat) === undefined) return appError('identityBulk.notMember', { name, istat: r.istat }).toValue();
  if (!findPeer(ctx.db, 'municipality', r.istat)) return appError('identityBulk.notImported', { name, istat: r.istat }).toValue();
  return null;
}

/** The list's bytes: uploaded by the window, or read by the CLI with the same bound. */
export function confirmationListBytes(input: { path: string } | { name: string; contentBase64: string }): Buffer {
  const maxMb = MAX_CONFIRMATION_LIST_BYTES / (1024 * 1024);
  if ('contentBase64' in input) {
    const bytes = Buffer.from(input.contentBase64, 'base64');
    if (bytes.length > MAX_CONFIRMATION_LIST_BYTES) throw appError('identityBulk.listTooLarge', { maxMb });
    return bytes;
  }
  let bytes: Buffer | null;
  try {
    bytes = readFileUpTo(input.path, MAX_CONFIRMATION_LIST_BYTES);
  } catch (err) {
    throw appError('identityBulk.unreadable', { file: input.path, reason: (err as NodeJS.ErrnoException).code ?? String(err) });
  }
  if (!bytes) throw appError('identityBulk.listTooLarge', { maxMb });
  return bytes;
}
