import type { ApiError } from '../../../../shared/api/errors';
import type { ParsedInput } from '../../../../shared/api/contract';
import type { IdentityImportItem, IdentityImportManyResult, IdentityImportOutcome } from '../../../../shared/domain/identity-bulk';
import type { AppContext } from '../../platform/context';
import { AppError, appError } from '../../platform/errors';
import { requireInstallation } from '../../platform/installation/installation-store';
import { readIdentityFiles, type ReadIdentity } from './identity-bulk-read';
import { enrolIdentity, type EnrolOutcome } from './identity-exchange';

/** How often the reading pauses to let progress reach the window (each file costs a signature check). */
const PROGRESS_EVERY = 250;

/** Bulk enrolment is the hub's: a municipality has one peer, its consortium. */
export function requireBulkEnrolment(ctx: AppContext): void {
  if (requireInstallation(ctx.db).role !== 'hub') throw appError('identityBulk.hubOnly');
}

const OUTCOME: Record<EnrolOutcome, IdentityImportOutcome> = { new: 'imported', replaced: 'replaced', unchanged: 'unchanged' };

/**
 * Many identity files at once (identity.importMany). Each is read and verified on its own,
 * outside any transaction (the signature checks are the slow part); then every verified one is
 * stored in one transaction, each through the single import's rules (enrolIdentity) inside its
 * own savepoint, so a refused one (not a member, new keys for a confirmed member) leaves nothing
 * and the others are stored. Two files for the same member with different keys are both
 * refused: which one is right is for the member to say, not for the order of the files.
 */
export async function importIdentities(ctx: AppContext, input: ParsedInput<'identity.importMany'>): Promise<IdentityImportManyResult> {
  requireBulkEnrolment(ctx);
  const read: ReadIdentity[] = [];
  for (const item of readIdentityFiles(input.files)) {
    read.push(item);
    if (read.length % PROGRESS_EVERY === 0) {
      ctx.emit('task.progress', { taskId: 'identity.importMany', label: 'Lettura dei file di identità', done: read.length, total: 0 });
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  const ambiguous = membersWithTwoKeys(read);
  const items = ctx.db.transaction(() => read.map((r) => enrolOne(ctx, r, ambiguous)))();
  const counts: Record<IdentityImportOutcome, number> = { imported: 0, replaced: 0, unchanged: 0, skipped: 0, failed: 0 };
  for (const item of items) counts[item.outcome] += 1;
  ctx.log.info('identities imported in bulk', counts);
  return { counts, items };
}

function membersWithTwoKeys(read: readonly ReadIdentity[]): Set<string> {
  const keysOf = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const r of read) {
    if (!('identity' in r)) continue;
    const keys = `${r.identity.signing_key}\n${r.identity.age_recipient}`;
    const seen = keysOf.get(r.identity.id);
    if (seen === undefined) keysOf.set(r.identity.id, keys);
    else if (seen !== keys) ambiguous.add(r.identity.id);
  }
  return ambiguous;
}

function failed(source: string, error: ApiError): IdentityImportItem {
  return { source, outcome: 'failed', member: null, error };
}

function enrolOne(ctx: AppContext, r: ReadIdentity, ambiguous: ReadonlySet<string>): IdentityImportItem {
  if ('skipped' in r) return { source: r.source, outcome: 'skipped', member: null, error: r.skipped };
  if ('failed' in r) return failed(r.source, r.failed);
  const { id, name } = r.identity;
  if (ambiguous.has(id)) return failed(r.source, appError('identityBulk.sameMemberTwice', { name, id }).toValue());
  try {
    // A savepoint: a refusal thrown half-way undoes this file's writes only.
    const { peer, outcome } = ctx.db.transaction(() => enrolIdentity(ctx, r.identity))();
    return { source: r.source, outcome: OUTCOME[outcome], member: { id: peer.id, name: peer.name, fingerprint: peer.fingerprint, status: peer.status }, error: null };
  } catch (err) {
    if (err instanceof AppError) return failed(r.source, err.toValue());
    throw err;
  }
}
