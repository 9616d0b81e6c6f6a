import { useTranslation } from 'react-i18next';
import type { DesignationPerson, Roster, RosterSeat } from '../../../../shared/domain/committee';
import { Badge } from '../../components/badge';
import { DataTable, type Column } from '../../components/data-table';
import { formatIsoDay } from '../../i18n/dates';

/** A person as the member shared it: "Mario Rossi (TEC-1)", or the code alone. */
export function personText(p: DesignationPerson): string {
  return p.name ? `${p.name} (${p.code})` : p.code;
}

export function periodText(from: string | null, until: string | null, t: (key: string, params?: Record<string, string>) => string): string {
  if (!from) return '';
  return until ? t('committee.sinceUntil', { from: formatIsoDay(from), until: formatIsoDay(until) }) : t('committee.since', { from: formatIsoDay(from) });
}

function StatusBadge({ status }: { status: RosterSeat['status'] }) {
  const { t } = useTranslation();
  if (status === 'designated') return <Badge tone="success">{t('committee.statusDesignated')}</Badge>;
  if (status === 'ended') return <Badge tone="neutral">{t('committee.statusEnded')}</Badge>;
  return <Badge tone="warning">{t('committee.statusNone')}</Badge>;
}

/** Who represents which member on the roster's day; members with nobody designated say so. */
export function RosterTable({ roster }: { roster: Roster }) {
  const { t } = useTranslation();
  const shown = (s: RosterSeat) => s.status === 'designated';
  const columns: Column<RosterSeat>[] = [
    { key: 'member', header: t('committee.colMember'), cell: (s) => s.memberName, rowHeader: true },
    { key: 'status', header: t('committee.colStatus'), cell: (s) => <StatusBadge status={s.status} /> },
    { key: 'technician', header: t('committee.colTechnician'), cell: (s) => (shown(s) && s.technician ? personText(s.technician) : t('committee.nobody')) },
    { key: 'substitute', header: t('committee.colSubstitute'), cell: (s) => (shown(s) && s.substitute ? personText(s.substitute) : '') },
    { key: 'role', header: t('committee.colRole'), cell: (s) => (shown(s) ? s.role : '') },
    {
      key: 'contacts',
      header: t('committee.colContacts'),
      cell: (s) =>
        shown(s) ? (
          <>
            {s.officeEmail}
            {s.officeEmail && s.officePhone ? <br /> : null}
            {s.officePhone}
          </>
        ) : (
          ''
        ),
    },
    { key: 'period', header: t('committee.colPeriod'), cell: (s) => (s.status === 'none' ? '' : periodText(s.from, s.until, t)) },
  ];
  return (
    <>
      <p>{t('committee.rosterCount', { count: roster.designated, total: roster.seats.length })}</p>
      <DataTable caption={t('committee.rosterCaption', { date: formatIsoDay(roster.date) })} columns={columns} rows={roster.seats} rowKey={(s) => s.istat} empty={t('committee.empty')} />
    </>
  );
}
