import { DEFAULT_CRITERIA, withLabelKeys } from '../../../shared/governance/evaluation';
import { DEFAULT_TC_RULES } from '../../../shared/governance/tc-quorum';
import type { VotingRules } from '../../../shared/governance/voting';
import type { GovSettings } from '../../../shared/domain/gov-plan';
import type { ParsedInput } from '../../../shared/api/contract';
import type { AppContext } from '../platform/context';
import { stmt } from '../platform/store/statements';
import { appError } from '../platform/errors';
import { requireGovHub } from './gov-errors';
import { announceCoordinator } from './coordinator-announcement';

/**
 * Governance settings of the hub, in `settings` (key `gov`, JSON): the evaluation criteria,
 * the voting rules of each body, the Assembly's choice of naming members in the report, and the
 * Executive Committee's components (member ISTAT codes) with the Technical Director's name, and
 * the Technical Committee's quorum and proxies (issue 15: a majority of the members with a
 * designated technician, one proxy per member present, unless changed).
 * Defaults: the criteria of shared/governance; the Executive Committee decides by simple
 * majority of the votes cast with half its members present; the Assembly by absolute majority
 * of the weight of all members (one member one vote), with a quorum of half the members.
 */
export const DEFAULT_VOTING: GovSettings['voting'] = {
  executive_committee: { weighting: 'one_member_one_vote', majority: { kind: 'simple' }, quorum: { of: 'members', numerator: 1, denominator: 2 } },
  assembly: { weighting: 'one_member_one_vote', majority: { kind: 'simple' }, quorum: { of: 'members', numerator: 1, denominator: 2 } },
};

export function readGovSettings(ctx: AppContext): GovSettings {
  const raw = stmt(ctx.db, "SELECT value FROM settings WHERE key = 'gov'").pluck().get() as string | undefined;
  const saved = raw ? (JSON.parse(raw) as Partial<GovSettings>) : {};
  return {
    criteria: withLabelKeys(saved.criteria ?? DEFAULT_CRITERIA),
    voting: { ...DEFAULT_VOTING, ...(saved.voting ?? {}) },
    reportNamed: saved.reportNamed ?? false,
    executiveCommittee: saved.executiveCommittee ?? { members: [], technicalDirector: '' },
    technicalCommittee: saved.technicalCommittee ?? DEFAULT_TC_RULES,
  };
}

/** Refuses committee members that are not active members of the registry, or named twice (nothing saved). */
function checkCommittee(ctx: AppContext, members: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const istat of members) {
    if (seen.has(istat)) {
      throw appError('settings.committeeDuplicate', { member: istat }, { field: 'executiveCommittee.members', params: { rule: 'COMMITTEE_DUPLICATE' } });
    }
    seen.add(istat);
    const m = stmt(ctx.db, 'SELECT membership FROM members WHERE istat = ?').pluck().get(istat) as string | undefined;
    if (m !== 'active') {
      throw m
        ? appError('settings.committeeNotActive', { member: istat }, { field: 'executiveCommittee.members', params: { rule: 'COMMITTEE_NOT_ACTIVE' } })
        : appError('settings.committeeUnknown', { member: istat }, { field: 'executiveCommittee.members', params: { rule: 'COMMITTEE_UNKNOWN_MEMBER' } });
    }
  }
  return [...members].sort();
}

export function updateGovSettings(ctx: AppContext, input: ParsedInput<'gov.settings.update'>): GovSettings {
  requireGovHub(ctx);
  const cur = readGovSettings(ctx);
  const next: GovSettings = {
    criteria: withLabelKeys(input.criteria ?? cur.criteria),
    voting: {
      executive_committee: (input.voting?.executive_committee as VotingRules | undefined) ?? cur.voting.executive_committee,
      assembly: (input.voting?.assembly as VotingRules | undefined) ?? cur.voting.assembly,
    },
    reportNamed: input.reportNamed ?? cur.reportNamed,
    executiveCommittee: input.executiveCommittee
      ? { members: checkCommittee(ctx, input.executiveCommittee.members), technicalDirector: input.executiveCommittee.technicalDirector.trim() }
      : cur.executiveCommittee,
    technicalCommittee: input.technicalCommittee ?? cur.technicalCommittee,
  };
  // The settings and the coordinator's announcement to the members, in one transaction.
  ctx.db.transaction(() => {
    stmt(ctx.db, "INSERT INTO settings (key, value) VALUES ('gov', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(JSON.stringify(next));
    announceCoordinator(ctx, next.executiveCommittee.technicalDirector);
  })();
  return next;
}
