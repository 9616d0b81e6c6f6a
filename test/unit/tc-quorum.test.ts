import { describe, expect, it } from 'vitest';
import { GovernanceError } from '../../shared/governance/errors';
import { checkAttendance, computeQuorum } from '../../shared/governance/tc-quorum';
import type { TcAttendanceEntry, TcQuorumRule } from '../../shared/records/tc-meetings';

const a = (member: string, status: TcAttendanceEntry['status'], proxy_to: string | null = null): TcAttendanceEntry => ({ member, status, proxy_to });
const majority: TcQuorumRule = { basis: 'designated', kind: 'majority', numerator: 1, denominator: 2 };
const ruleOf = (fn: () => void) => {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof GovernanceError ? e.code : String(e);
  }
};

describe('the Technical Committee quorum', () => {
  it('counts technicians, substitutes and proxies as present; members without a technician are outside the base', () => {
    const list = [a('000001', 'titular'), a('000002', 'substitute'), a('000003', 'proxy', '000001'), a('000004', 'absent'), a('000005', 'not_designated'), a('000006', 'absent')];
    expect(computeQuorum(list, majority)).toMatchObject({ base: 5, present: 3, required: 3, reached: true });
    // Counted on every member: the one with no technician is in the base and never present.
    expect(computeQuorum(list, { ...majority, basis: 'members' })).toMatchObject({ base: 6, present: 3, required: 4, reached: false });
  });

  it('majority is more than half; a fraction is rounded up; an empty base never reaches it', () => {
    const four = [a('000001', 'titular'), a('000002', 'titular'), a('000003', 'absent'), a('000004', 'absent')];
    expect(computeQuorum(four, majority)).toMatchObject({ required: 3, reached: false });
    expect(computeQuorum(four, { ...majority, kind: 'fraction', numerator: 1, denominator: 2 })).toMatchObject({ required: 2, reached: true });
    expect(computeQuorum(four, { ...majority, kind: 'fraction', numerator: 2, denominator: 3 })).toMatchObject({ required: 3, reached: false });
    expect(computeQuorum([a('000001', 'not_designated')], majority)).toMatchObject({ base: 0, present: 0, required: 0, reached: false });
    expect(computeQuorum([], majority).reached).toBe(false);
  });

  it('refuses proxies the rules do not allow, to an absent member, to itself, beyond the limit, and a member listed twice', () => {
    const allowed = { allowed: true, max_per_attendee: 1 };
    expect(ruleOf(() => checkAttendance([a('000001', 'titular'), a('000002', 'proxy', '000001')], allowed))).toBeNull();
    expect(ruleOf(() => checkAttendance([a('000001', 'titular'), a('000002', 'proxy', '000001')], { allowed: false, max_per_attendee: 0 }))).toBe('TC_PROXY_NOT_ALLOWED');
    expect(ruleOf(() => checkAttendance([a('000001', 'absent'), a('000002', 'proxy', '000001')], allowed))).toBe('TC_PROXY_TO_ABSENT');
    expect(ruleOf(() => checkAttendance([a('000001', 'proxy', '000002')], allowed))).toBe('TC_PROXY_TO_ABSENT');
    expect(ruleOf(() => checkAttendance([a('000001', 'not_designated'), a('000002', 'proxy', '000001')], allowed))).toBe('TC_PROXY_TO_ABSENT');
    expect(ruleOf(() => checkAttendance([a('000001', 'proxy', '000001')], allowed))).toBe('TC_PROXY_SELF');
    expect(ruleOf(() => checkAttendance([a('000001', 'proxy')], allowed))).toBe('TC_PROXY_TO_MISSING');
    expect(ruleOf(() => checkAttendance([a('000001', 'absent', '000002')], allowed))).toBe('TC_PROXY_NOT_GIVEN');
    const two = [a('000001', 'titular'), a('000002', 'proxy', '000001'), a('000003', 'proxy', '000001')];
    expect(ruleOf(() => checkAttendance(two, allowed))).toBe('TC_PROXY_TOO_MANY');
    expect(ruleOf(() => checkAttendance(two, { allowed: true, max_per_attendee: 2 }))).toBeNull();
    expect(computeQuorum(two, majority)).toMatchObject({ present: 3, reached: true });
    expect(ruleOf(() => checkAttendance([a('000001', 'titular'), a('000001', 'absent')], allowed))).toBe('TC_MEMBER_TWICE');
  });
});
