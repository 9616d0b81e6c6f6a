/**
 * The Technical Committee's roster (issue 15), on both roles: who represents which member on a
 * day, members with nobody designated listed as such; on the hub with the Technical Director
 * (hub settings, Executive Committee) as the committee's coordinator. CSV for Excel on Italian
 * Windows.
 */
import type { ParsedInput } from '../../../../shared/api/contract';
import type { CoordinatorChoice, DesignationPerson, Roster, RosterSeat } from '../../../../shared/domain/committee';
import type { CsvFile } from '../../../../shared/domain/csv';
import type { AppContext } from '../../platform/context';
import { requireInstallation } from '../../platform/installation/installation-store';
import { writeCsv } from '../../format/csv/csv-text';
import { coordinatorChoices, rosterSeats } from '../../hub/committee/roster';
import { readGovSettings } from '../gov-settings';
import { requireGovHub } from '../gov-errors';
import { announcedCoordinator } from '../coordinator-announcement';

/** "Today" as the clerk's calendar has it: the clock is UTC, Italy one or two hours ahead. */
export function italianToday(ctx: AppContext): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ctx.clock.now()));
}

export function roster(ctx: AppContext, input: ParsedInput<'committee.roster'>): Roster {
  const hub = requireInstallation(ctx.db).role === 'hub';
  const date = input.date ?? italianToday(ctx);
  const seats = rosterSeats(ctx.db, date);
  const director = hub ? readGovSettings(ctx).executiveCommittee.technicalDirector : announcedCoordinator(ctx.db);
  return { date, coordinator: director || null, seats, designated: seats.filter((s) => s.status === 'designated').length };
}

export function coordinators(ctx: AppContext): CoordinatorChoice[] {
  requireGovHub(ctx);
  return coordinatorChoices(ctx.db, italianToday(ctx));
}

const TEXT = {
  it: {
    header: ['Comune', 'Codice ISTAT', 'Stato', 'Tecnico designato', 'Sostituto', 'Ruolo', 'E-mail dell’ufficio', 'Telefono dell’ufficio', 'Dal', 'Al'],
    status: { designated: 'designato', ended: 'designazione terminata', none: 'nessun tecnico designato' },
    coordinator: 'Coordinatore (Direttore tecnico)',
    file: 'comitato-tecnico',
  },
  en: {
    header: ['Municipality', 'ISTAT code', 'Status', 'Designated technician', 'Substitute', 'Role', 'Office e-mail', 'Office telephone', 'From', 'Until'],
    status: { designated: 'designated', ended: 'designation ended', none: 'no technician designated' },
    coordinator: 'Coordinator (Technical Director)',
    file: 'technical-committee',
  },
} as const;

const dateIt = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');
const shown = (p: DesignationPerson | null) => (p ? (p.name ? `${p.name} (${p.code})` : p.code) : '');

export function rosterCsv(ctx: AppContext, input: ParsedInput<'committee.rosterCsv'>): CsvFile {
  const r = roster(ctx, input.date ? { date: input.date } : {});
  const text = TEXT[input.lang];
  const row = (s: RosterSeat) =>
    s.status === 'none'
      ? [s.memberName, s.istat, text.status.none, '', '', '', '', '', '', '']
      : [s.memberName, s.istat, text.status[s.status], shown(s.technician), shown(s.substitute), s.role, s.officeEmail, s.officePhone, dateIt(s.from), dateIt(s.until)];
  const rows = r.seats.map(row);
  // The coordinator first, as the committee's first line.
  if (r.coordinator) rows.unshift([text.coordinator, '', '', r.coordinator, '', '', '', '', '', '']);
  const bytes = writeCsv([...text.header], rows);
  return { fileName: `${text.file}-${r.date}.csv`, contentBase64: bytes.toString('base64'), rows: rows.length };
}
