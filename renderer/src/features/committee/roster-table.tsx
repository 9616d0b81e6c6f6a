import { useTranslation } from 'react-i18next';
import type { DesignationPerson, Roster, RosterSeat } from '../../../../shared/domain/committee';
import { DataTable, type Column } from '../../components/data-table';
import { formatIsoDay } from '../../i18n/dates';

/** A person as the member shared it: "Mario Rossi (TEC-1)", or the code alone. */
export function personText(p: DesignationPerson): string {
  return p.name ? `${p.name} (${p.code})` : p.code;
}

export function periodText(from: string | null, until: string | null, t: (key: string, params?: Record<string, string>) => string): string {
  if (!from) return '';
  return until ? t('tcCommittee.sinceUntil', { from: formatIsoDay(from), until: formatIsoDay(until) }) : t('tcCommittee.since', { from: formatIsoDay(from) });
}

/**
 * Who represents which member on the roster's day, then the members with nobody designated that
 * day by name (a table of fifty rows saying "nobody" would hide the committee).
 */
export function RosterTable({ roster, level = 3 }: { roster: Roster; level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const { t } = useTranslation();
  const shown = (s: RosterSeat) => s.status === 'designated';
  // Five columns, so the table fits a town hall's 1366-pixel screen without scrolling sideways.
  const columns: Column<RosterSeat>[] = [
    { key: 'member', header: t('tcCommittee.colMember'), cell: (s) => s.memberName, rowHeader: true },
    {
      key: 'people',
      header: t('tcCommittee.colPeople'),
      cell: (s) =>
        shown(s) && s.technician ? (
          <>
            {personText(s.technician)}
            {s.substitute ? (
              <>
                <br />
                <span className="cst-muted">{t('tcCommittee.substituteOf', { person: personText(s.substitute) })}</span>
              </>
            ) : null}
          </>
        ) : (
          t('tcCommittee.nobody')
        ),
    },
    {
      key: 'office',
      header: t('tcCommittee.colOffice'),
      cell: (s) =>
        shown(s) ? (
          <>
            {[s.role, s.officeEmail, s.officePhone]
              .filter(Boolean)
              .map((line, i) => (
                <span key={i}>
                  {i > 0 ? <br /> : null}
                  {line}
                </span>
              ))}
          </>
        ) : (
          ''
        ),
    },
    { key: 'period', header: t('tcCommittee.colPeriod'), cell: (s) => (s.status === 'none' ? '' : periodText(s.from, s.until, t)) },
  ];
  const seated = roster.seats.filter(shown);
  const without = roster.seats.filter((s) => !shown(s));
  const withoutText = without
    .map((s) => (s.status === 'ended' && s.until ? t('tcCommittee.endedOn', { member: s.memberName, until: formatIsoDay(s.until) }) : s.memberName))
    .join(', ');
  return (
    <>
      <p>{t('tcCommittee.rosterCount', { count: roster.designated, total: roster.seats.length })}</p>
      <DataTable caption={t('tcCommittee.rosterCaption', { date: formatIsoDay(roster.date) })} columns={columns} rows={seated} rowKey={(s) => s.istat} empty={t('tcCommittee.nobodyDesignated')} />
      {without.length > 0 ? (
        <>
          <Heading className="cst-subtitle">{t('tcCommittee.withoutTitle', { count: without.length, date: formatIsoDay(roster.date) })}</Heading>
          <p>{withoutText}.</p>
        </>
      ) : null}
    </>
  );
}
