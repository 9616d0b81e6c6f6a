import type { ParsedInput } from '../../../../shared/api/contract';
import { isAbsolute } from 'node:path';
import type { CsvFile, CsvFileWritten } from '../../../../shared/domain/csv';
import { formatCents, formatMilli } from '../../../../shared/format/numbers';
import type { ProposalData } from '../../../../shared/records/proposals';
import { PROPOSAL_STAGE_LABELS } from '../../../../shared/governance/proposal-state';
import { stateOf, type ProposalRow } from '../proposals/proposals-service';
import { listServices } from '../catalogue/catalogue-store';
import type { AppContext } from '../../platform/context';
import { appError } from '../../platform/errors';
import { listGroups, listMeetings } from '../groups/groups-store';
import { stmt } from '../../platform/store/statements';
import { listCourses, listParticipations } from '../training/training-store';
import { ftsQuery } from '../usage/usage-list';
import type { UsageRow } from '../usage/usage-store';
import { csvBytes, writeCsvFile } from './csv-file';
import { csvFileRefusal } from './csv-problems';
import type { CsvCell } from '../../format/csv/csv-text';
import { formatItalianDate } from './italian-values';

type Cell = CsvCell;
/** Excel on Italian Windows reads "1234,5" as a number: decimal comma, no thousands dots. */
const dec = (milli: number) => formatMilli(milli, { grouping: false });
const euroCell = (cents: number) => formatCents(cents, { grouping: false });
const yesNo = (b: boolean) => (b ? 'sì' : 'no');
const CHANNEL_IT = { counter: 'sportello', online: 'online', phone: 'telefono' } as const;
const MODE_IT = { in_person: 'in presenza', online: 'online', blended: 'mista' } as const;

/** The columns the export reads of a usage row (usage-store's row, without keys and versions). */
type UsageExportRow = Pick<UsageRow, 'service' | 'date' | 'period' | 'quantity_milli' | 'citizens' | 'businesses' | 'offices' | 'channel' | 'note' | 'updated_by'>;

/**
 * Usage as a CSV that `csv.import` reads back (same first columns), with the service's name
 * and unit added for the reader. A generator over the query: rows are formatted one at a time
 * as the file is written, never all held (a million entries stream in constant memory). The
 * services' names come from a map, not a join (a dozen services, read once).
 */
function* usageRows(ctx: AppContext, f: NonNullable<ParsedInput<'csv.export'>['usageFilters']>): Generator<Cell[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.service) (where.push('service = ?'), params.push(f.service));
  if (f.from) (where.push('date >= ?'), params.push(f.from));
  if (f.to) (where.push('date <= ?'), params.push(f.to));
  const match = f.text ? ftsQuery(f.text) : null;
  if (match) (where.push('n IN (SELECT rowid FROM usage_fts WHERE usage_fts MATCH ?)'), params.push(match));
  const sql = `SELECT service, date, period, quantity_milli, citizens, businesses, offices, channel, note, updated_by FROM usage
               ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY date, n`;
  const services = new Map(listServices(ctx.db).map((s) => [s.code, s]));
  for (const u of ctx.db.prepare(sql).iterate(...params) as IterableIterator<UsageExportRow>) {
    const s = services.get(u.service);
    yield [
      u.service,
      u.period === 'month' ? `${u.date.slice(5, 7)}/${u.date.slice(0, 4)}` : formatItalianDate(u.date),
      u.period === 'month' ? 'mese' : 'giorno',
      dec(u.quantity_milli),
      u.citizens,
      u.businesses,
      u.offices,
      u.channel ? CHANNEL_IT[u.channel] : '',
      u.note,
      s?.nameIt ?? '',
      s?.unitIt ?? '',
      u.updated_by,
    ];
  }
}

const USAGE_HEADER = ['servizio', 'data', 'periodo', 'quantità', 'cittadini', 'imprese', 'uffici', 'canale', 'note', 'descrizione servizio', 'unità', 'registrato da'];

function listRows(ctx: AppContext, list: ParsedInput<'csv.export'>['list'], input: ParsedInput<'csv.export'>): { header: string[]; rows: Iterable<Cell[]> } {
  switch (list) {
    case 'usage':
      return { header: USAGE_HEADER, rows: usageRows(ctx, input.usageFilters ?? {}) };
    case 'staff': {
      const rows = stmt(ctx.db, 'SELECT code, display_name, role, office, active FROM staff ORDER BY code').all() as { code: string; display_name: string | null; role: string; office: string; active: number }[];
      return { header: ['codice', 'nome', 'ruolo', 'ufficio', 'attivo'], rows: rows.map((r) => [r.code, r.display_name ?? '', r.role, r.office, yesNo(r.active === 1)]) };
    }
    case 'courses':
      return {
        header: ['titolo', 'area', 'inizio', 'fine', 'ore', 'modalità', 'ente', 'offerto dal consorzio', 'partecipanti', 'valutazione media'],
        rows: listCourses(ctx.db).map((c) => [c.title, c.area, formatItalianDate(c.startDate), formatItalianDate(c.endDate), dec(c.hoursMilli), MODE_IT[c.mode], c.provider, yesNo(c.consortium), c.participants, c.averageEvaluation === null ? '' : String(c.averageEvaluation).replace('.', ',')]),
      };
    case 'participations':
      return {
        header: ['codice', 'nome', 'corso', 'ore', 'completato', 'valutazione', 'commento'],
        rows: listParticipations(ctx.db, {}).map((p) => [p.staffCode, p.staffName ?? '', p.courseTitle, dec(p.hoursMilli), yesNo(p.completed), p.evaluation, p.comment]),
      };
    case 'groups':
      return {
        header: ['gruppo', 'codice', 'nome', 'dal', 'al'],
        rows: listGroups(ctx.db).flatMap((g) =>
          g.members.length ? g.members.map((m) => [g.name, m.code, m.displayName ?? '', formatItalianDate(m.since), m.until ? formatItalianDate(m.until) : '']) : [[g.name, '', '', '', '']],
        ),
      };
    case 'meetings':
      return {
        header: ['gruppo', 'data', 'ore', 'argomento', 'presenti'],
        rows: listMeetings(ctx.db, {}).map((m) => [m.groupName, formatItalianDate(m.date), dec(m.hoursMilli), m.topic, m.attendees.map((a) => a.code).join(', ')]),
      };
    case 'proposals': {
      // The state is the one every screen shows (the hub's, once its steps arrived): one truth.
      const rows = stmt(ctx.db, 'SELECT id, status, data, created_at, updated_at FROM proposals ORDER BY created_at').all() as ProposalRow[];
      return {
        header: ['titolo', 'stato', 'versione', 'costo una tantum (€)', 'costo annuo (€)', 'comuni interessati', 'allegati', 'presentata il'],
        rows: rows.map((r) => {
          const d = JSON.parse(r.data) as ProposalData;
          return [d.title, PROPOSAL_STAGE_LABELS[stateOf(ctx, r, d).stage], d.version, euroCell(d.one_off_cents), euroCell(d.yearly_cents), d.beneficiaries.join(', '), d.attachments.length, d.submitted_at ? formatItalianDate(d.submitted_at.slice(0, 10)) : ''];
        }),
      };
    }
  }
}

const FILE_NAMES = { usage: 'utilizzi', staff: 'personale', courses: 'corsi', participations: 'partecipazioni', groups: 'gruppi', meetings: 'riunioni', proposals: 'proposte' } as const;

/**
 * The rows a download may hold in memory (about 20 MB of CSV, 27 MB in base64 through the
 * window's channel). A longer list is written to a file instead (`csv.exportFile`, `cst export`).
 */
export const CSV_EXPORT_MEMORY_MAX_ROWS = 200_000;

/** The list as bytes, for the window's download (bounded: see CSV_EXPORT_MEMORY_MAX_ROWS). */
export function exportCsv(ctx: AppContext, input: ParsedInput<'csv.export'>): CsvFile {
  const { header, rows } = listRows(ctx, input.list, input);
  const file = csvBytes(header, rows, CSV_EXPORT_MEMORY_MAX_ROWS, () => csvFileRefusal('CSV_EXPORT_TOO_LARGE', { max: CSV_EXPORT_MEMORY_MAX_ROWS }));
  return { fileName: `${FILE_NAMES[input.list]}-${ctx.clock.now().slice(0, 10)}.csv`, contentBase64: file.bytes.toString('base64'), rows: file.rows };
}

/**
 * The list streamed to a file on this computer (the CLI's `--out`): any length, in constant
 * memory, through a temporary file renamed over the target when complete.
 */
export function exportCsvFile(ctx: AppContext, input: ParsedInput<'csv.exportFile'>): CsvFileWritten {
  if (!isAbsolute(input.out)) {
    throw appError('csv.outNotAbsolute', {}, { field: 'out' });
  }
  const { header, rows } = listRows(ctx, input.list, input);
  try {
    const written = writeCsvFile(input.out, header, rows);
    return { path: input.out, ...written };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (!code) throw err;
    throw appError('csv.cannotWrite', { path: input.out, reason: code }, { field: 'out' });
  }
}
