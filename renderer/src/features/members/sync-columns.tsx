import type { TFunction } from 'i18next';
import type { Member } from '../../../../shared/domain/installation';
import type { MemberOverview } from '../../../../shared/domain/hub-views';
import { Badge } from '../../components/badge';
import type { Column } from '../../components/data-table';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { identityStatus } from './identity-status';

/**
 * The exchange columns of the members' list (from `hub.members.overview`). A member past the
 * threshold is marked by a word and a sign, not by colour alone.
 */
export function syncColumns(overview: ReadonlyMap<string, MemberOverview>, staleDays: number, t: TFunction): Column<Member>[] {
  const of = (m: Member) => overview.get(m.istat);
  return [
    { key: 'lastBundle', header: t('hubMembers.colLastBundle'), cell: (m) => (of(m)?.lastBundleAt ? formatDateTime(of(m)?.lastBundleAt ?? '') : t('hubMembers.never')) },
    // When the member last recorded something that reached the hub: a date a person reads, not a sequence number.
    { key: 'lastSeq', header: t('hubMembers.colLastSeq'), cell: (m) => (of(m)?.lastEventAt ? formatDateTime(of(m)?.lastEventAt ?? '') : t('hubMembers.never')) },
    {
      key: 'days',
      header: t('hubMembers.colDays'),
      numeric: true,
      cell: (m) => {
        const o = of(m);
        if (!o) return '—';
        const days = o.daysSinceLastSync === null ? t('hubMembers.neverSynced') : formatNumber(o.daysSinceLastSync);
        return o.stale ? (
          <span className="cst-stale">
            <span aria-hidden="true">⚠ </span>
            {days} <span className="cst-stale-word">{t('hubMembers.stale', { days: staleDays })}</span>
          </span>
        ) : (
          days
        );
      },
    },
    {
      key: 'waiting',
      header: t('hubMembers.colWaiting'),
      numeric: true,
      cell: (m) => {
        const o = of(m);
        return o && o.waitingBundles > 0 ? t('hubMembers.waitingText', { events: o.eventsWaiting, count: o.waitingBundles }) : '0';
      },
    },
  ];
}

/** The identity's state in words: nothing received yet, fingerprint to confirm, confirmed. */
export function identityStatusCell(overview: ReadonlyMap<string, MemberOverview>, t: TFunction) {
  return function StatusCell(m: Member) {
    const status = identityStatus(m, overview);
    if (status === 'confirmed') return <Badge tone="success">{t('members.statusConfirmed')}</Badge>;
    if (status === 'pending') return <Badge tone="warning">{t('hubMembers.statusToConfirm')}</Badge>;
    return <Badge tone="neutral">{t('hubMembers.statusNone')}</Badge>;
  };
}
