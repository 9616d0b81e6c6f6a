import type { TFunction } from 'i18next';
import type { TcQuorumOutcome } from '../../../../shared/records/tc-meetings';
import type { TcRules } from '../../../../shared/domain/tc-meetings';

/** "Raggiunto (5 su 8)" / "Reached (5 of 8)". */
export function quorumShort(q: TcQuorumOutcome, t: TFunction): string {
  return t(q.reached ? 'meetings.quorumReached' : 'meetings.quorumNotReached', { present: q.present, base: q.base });
}

/** The committee's rule in words: "Regola: maggioranza dei comuni con un tecnico designato; deleghe ammesse, …". */
export function ruleText(rules: TcRules, t: TFunction): string {
  const q = rules.quorum;
  return t('meetings.ruleText', {
    kind: q.kind === 'majority' ? t('meetings.ruleMajority') : t('meetings.ruleFraction', { numerator: q.numerator, denominator: q.denominator }),
    basis: t(q.basis === 'designated' ? 'meetings.ruleDesignated' : 'meetings.ruleMembers'),
    proxies: rules.proxies.allowed ? t('meetings.proxiesYes', { count: rules.proxies.max_per_attendee }) : t('meetings.proxiesNo'),
  });
}

export function placeText(m: { place: string; online: boolean }, t: TFunction): string {
  if (m.place && m.online) return t('meetings.placeAndOnline', { place: m.place });
  return m.place || t('meetings.online');
}
