import type { Member } from '../../../../shared/domain/installation';
import type { MemberOverview } from '../../../../shared/domain/hub-views';

/** Where a member's identity stands at the hub: nothing received yet, fingerprint to confirm, confirmed. */
export type IdentityStatus = MemberOverview['status'];

/**
 * The one reading of a member's identity state, used by the members' list and by the Home's
 * counts so the two never disagree: the overview (which knows whether an identity file arrived)
 * wins; without it, the registry only tells confirmed from not confirmed, and "not confirmed"
 * is counted as "nothing received" (never as "fingerprint to confirm", which needs a file).
 */
export function identityStatus(member: Pick<Member, 'istat' | 'status'>, overview: ReadonlyMap<string, Pick<MemberOverview, 'status'>>): IdentityStatus {
  return overview.get(member.istat)?.status ?? (member.status === 'confirmed' ? 'confirmed' : 'none');
}

/** How many members are in each identity state (the Home's figures). */
export function identityCounts(
  members: readonly Pick<Member, 'istat' | 'status'>[],
  overview: ReadonlyMap<string, Pick<MemberOverview, 'status'>>,
): Record<IdentityStatus, number> {
  const counts: Record<IdentityStatus, number> = { none: 0, pending: 0, confirmed: 0 };
  for (const m of members) counts[identityStatus(m, overview)] += 1;
  return counts;
}
