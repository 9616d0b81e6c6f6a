import { GovernanceError } from './errors';
import type { TcAttendanceEntry, TcProxyRule, TcQuorumOutcome, TcQuorumRule } from '../records/tc-meetings';

/**
 * The Technical Committee's quorum (issue 15), pure. A member counts as present when its
 * technician or substitute attends, or when it gave a valid proxy to a member present; a member
 * with no technician designated is not a component that day (outside the base when the rule
 * counts designated members, never present). Majority is more than half; a fraction is at least
 * numerator/denominator of the base, rounded up. An empty base never reaches the quorum.
 */

export const DEFAULT_TC_RULES: { quorum: TcQuorumRule; proxies: TcProxyRule } = {
  quorum: { basis: 'designated', kind: 'majority', numerator: 1, denominator: 2 },
  proxies: { allowed: true, max_per_attendee: 1 },
};

const attends = (e: TcAttendanceEntry) => e.status === 'titular' || e.status === 'substitute';

/**
 * Refuses an attendance the rules do not allow (nothing is saved): a member listed twice, a
 * proxy where proxies are not allowed, to nobody, to itself or to a member not present, or more
 * proxies to one member than allowed.
 */
export function checkAttendance(entries: readonly TcAttendanceEntry[], proxies: TcProxyRule): void {
  const byMember = new Map<string, TcAttendanceEntry>();
  for (const e of entries) {
    if (byMember.has(e.member)) throw new GovernanceError('TC_MEMBER_TWICE', 'tc.memberTwice', { member: e.member, field: 'attendance' });
    byMember.set(e.member, e);
  }
  const held = new Map<string, number>();
  for (const e of entries) {
    if (e.status !== 'proxy') {
      if (e.proxy_to !== null) throw new GovernanceError('TC_PROXY_NOT_GIVEN', 'tc.proxyNotGiven', { member: e.member, field: 'attendance' });
      continue;
    }
    if (!proxies.allowed) throw new GovernanceError('TC_PROXY_NOT_ALLOWED', 'tc.proxyNotAllowed', { member: e.member, field: 'attendance' });
    if (e.proxy_to === null) throw new GovernanceError('TC_PROXY_TO_MISSING', 'tc.proxyToMissing', { member: e.member, field: 'attendance' });
    if (e.proxy_to === e.member) throw new GovernanceError('TC_PROXY_SELF', 'tc.proxySelf', { member: e.member, field: 'attendance' });
    const to = byMember.get(e.proxy_to);
    if (!to || !attends(to)) throw new GovernanceError('TC_PROXY_TO_ABSENT', 'tc.proxyToAbsent', { member: e.member, to: e.proxy_to, field: 'attendance' });
    const n = (held.get(e.proxy_to) ?? 0) + 1;
    if (n > proxies.max_per_attendee) {
      throw new GovernanceError('TC_PROXY_TOO_MANY', 'tc.proxyTooMany', { to: e.proxy_to, max: proxies.max_per_attendee, field: 'attendance' });
    }
    held.set(e.proxy_to, n);
  }
}

/** The quorum of an attendance already checked (checkAttendance). */
export function computeQuorum(entries: readonly TcAttendanceEntry[], rule: TcQuorumRule): TcQuorumOutcome {
  const counted = rule.basis === 'designated' ? entries.filter((e) => e.status !== 'not_designated') : entries;
  const base = counted.length;
  const present = counted.filter((e) => attends(e) || e.status === 'proxy').length;
  const required = rule.kind === 'majority' ? Math.floor(base / 2) + 1 : Math.ceil((base * rule.numerator) / rule.denominator);
  return { rule: { ...rule }, base, present, required: base === 0 ? 0 : required, reached: base > 0 && present >= required };
}
