/**
 * Municipality: its designation of a technician and a substitute for the Technical Committee
 * (issue 15). One record per member (`technician_designation`, id derived from the ISTAT code):
 * designating someone else, correcting a contact or ending the designation is a new version of
 * the same record, written here with its event in one transaction; the outbox keeps every
 * version (the history and the CSV read it).
 *
 * Privacy as for staff: the event carries each person's pseudonymous code, and the name only
 * while the setting "share names with the consortium" is on; turning it on or off writes the
 * designation again (home-service calls reputDesignation in the setting's transaction).
 */
import type { ParsedInput } from '../../../../shared/api/contract';
import type { Designation } from '../../../../shared/domain/committee';
import type { CsvFile } from '../../../../shared/domain/csv';
import { technicianDesignationKind, type CommitteeSeatData, type DesignatedPerson, type DesignationData } from '../../../../shared/records/committee';
import type { AppContext } from '../../platform/context';
import { appError } from '../../platform/errors';
import { requireInstallation } from '../../platform/installation/installation-store';
import { stmt } from '../../platform/store/statements';
import { writeCsv } from '../../format/csv/csv-text';
import { EARLIEST_DATE, operatorName, putRecord, requireMunicipality } from '../../sync/records/record-events';
import { designationRecordId } from '../../hub/committee/committee-ids';
import { readShareNames } from '../staff/share-names';
import { readDesignationRow, writeDesignationRow, type DesignationRow } from './designation-store';

const DEFAULT_CODES = { technician: 'TEC-1', substitute: 'SOS-1' } as const;

interface Names {
  technician: string;
  substitute: string;
}

const person = (code: string, name: string, share: boolean): DesignatedPerson => ({ code, ...(share && name ? { display_name: name } : {}) });

function eventData(d: Omit<DesignationData, 'technician' | 'substitute' | 'updated_by'> & { technician: string; substitute: string | null }, names: Names, share: boolean, updatedBy: string): DesignationData {
  return {
    technician: person(d.technician, names.technician, share),
    substitute: d.substitute === null ? null : person(d.substitute, names.substitute, share),
    role: d.role,
    office_email: d.office_email,
    office_phone: d.office_phone,
    from: d.from,
    until: d.until,
    updated_by: updatedBy,
  };
}

/** Without who and when: two versions saying the same are the same designation. */
const content = (d: object) => {
  const { updated_by: _u, changed_at: _c, member: _m, ...rest } = d as Record<string, unknown>;
  void _u;
  void _c;
  void _m;
  return JSON.stringify(rest);
};

function toDesignation(ctx: AppContext, row: DesignationRow): Designation {
  const d = JSON.parse(row.data) as DesignationData;
  const us = requireInstallation(ctx.db).id;
  const seat = stmt(ctx.db, 'SELECT data FROM committee_seats WHERE member = ?').pluck().get(us) as string | undefined;
  return {
    id: row.id,
    technician: { name: row.technician_name || null, code: d.technician.code },
    substitute: d.substitute ? { name: row.substitute_name || null, code: d.substitute.code } : null,
    role: d.role,
    officeEmail: d.office_email,
    officePhone: d.office_phone,
    from: d.from,
    until: d.until,
    namesShared: readShareNames(ctx),
    seenByHub: seat !== undefined && content(JSON.parse(seat) as CommitteeSeatData) === content(d),
    updatedBy: d.updated_by,
    updatedAt: row.updated_at,
  };
}

export function getDesignation(ctx: AppContext): Designation | null {
  requireMunicipality(ctx);
  const row = readDesignationRow(ctx.db);
  return row ? toDesignation(ctx, row) : null;
}

/** Writes the version (event and local row) unless it says what the current one says. */
function write(ctx: AppContext, names: Names, data: DesignationData): Designation {
  const id = designationRecordId(requireInstallation(ctx.db).id);
  const current = readDesignationRow(ctx.db);
  const sameNames = current && current.technician_name === names.technician && current.substitute_name === names.substitute;
  if (current && sameNames && content(JSON.parse(current.data) as object) === content(data)) return toDesignation(ctx, current);
  const saved = putRecord(ctx, technicianDesignationKind, id, data);
  writeDesignationRow(ctx.db, id, names, saved, ctx.clock.now());
  return toDesignation(ctx, readDesignationRow(ctx.db)!);
}

function checkDates(from: string, until: string | null): void {
  if (from < EARLIEST_DATE) throw appError('records.dateBefore2000', {}, { field: 'from' });
  if (until !== null && until < from) throw appError('committee.untilBeforeFrom', {}, { field: 'until' });
}

/** "Salva la designazione": the technician (and substitute) from a date, a new version if it changes anything. */
export function saveDesignation(ctx: AppContext, input: ParsedInput<'committee.designation.save'>): Designation {
  requireMunicipality(ctx);
  checkDates(input.from, input.until);
  const technician = input.technicianCode || DEFAULT_CODES.technician;
  const hasSubstitute = input.substituteName !== '' || input.substituteCode !== '';
  if (input.substituteCode && !input.substituteName) throw appError('committee.substituteName', {}, { field: 'substituteName' });
  const substitute = hasSubstitute ? input.substituteCode || (technician === DEFAULT_CODES.substitute ? 'SOS-2' : DEFAULT_CODES.substitute) : null;
  if (substitute !== null && substitute === technician) throw appError('committee.sameCode', { code: technician }, { field: 'substituteCode' });
  const names = { technician: input.technicianName, substitute: hasSubstitute ? input.substituteName : '' };
  return ctx.db.transaction(() =>
    write(
      ctx,
      names,
      eventData({ technician, substitute, role: input.role, office_email: input.officeEmail, office_phone: input.officePhone, from: input.from, until: input.until }, names, readShareNames(ctx), operatorName(ctx)),
    ),
  )();
}

/** "Termina la designazione": the same designation with its last day. */
export function endDesignation(ctx: AppContext, input: ParsedInput<'committee.designation.end'>): Designation {
  requireMunicipality(ctx);
  return ctx.db.transaction(() => {
    const row = readDesignationRow(ctx.db);
    if (!row) throw appError('committee.nothingToEnd', {}, { field: 'until' });
    const d = JSON.parse(row.data) as DesignationData;
    checkDates(d.from, input.until);
    return write(ctx, { technician: row.technician_name, substitute: row.substitute_name }, { ...d, until: input.until, updated_by: operatorName(ctx) });
  })();
}

/** Name sharing turned on or off: the designation again, with or without the names (caller's transaction). */
export function reputDesignation(ctx: AppContext, shareNames: boolean): void {
  const row = readDesignationRow(ctx.db);
  if (!row) return;
  const d = JSON.parse(row.data) as DesignationData;
  const names = { technician: row.technician_name, substitute: row.substitute_name };
  const data = eventData({ ...d, technician: d.technician.code, substitute: d.substitute?.code ?? null }, names, shareNames, operatorName(ctx));
  const saved = putRecord(ctx, technicianDesignationKind, row.id, data);
  writeDesignationRow(ctx.db, row.id, names, saved, ctx.clock.now());
}

const dateIt = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');

/** Every version of the designation, oldest first: what was sent, when and by whom. */
export function designationCsv(ctx: AppContext): CsvFile {
  requireMunicipality(ctx);
  const us = requireInstallation(ctx.db).id;
  const row = readDesignationRow(ctx.db);
  const lines = stmt(ctx.db, 'SELECT line FROM outbox WHERE kind = ? AND record_id = ? ORDER BY seq').pluck().all(technicianDesignationKind.kind, designationRecordId(us)) as Buffer[];
  // A name that did not leave is still the clerk's own: shown for the codes it belongs to now.
  const localName = (p: DesignatedPerson | null, which: 'technician' | 'substitute') => {
    if (!p) return '';
    if (p.display_name) return p.display_name;
    const current = row ? (JSON.parse(row.data) as DesignationData)[which] : null;
    return current?.code === p.code ? ((which === 'technician' ? row?.technician_name : row?.substitute_name) ?? '') : '';
  };
  const rows = lines.map((line, i) => {
    const e = JSON.parse(line.toString('utf8')) as { at: string; data?: DesignationData };
    const d = e.data;
    if (!d) return [i + 1, dateIt(e.at.slice(0, 10)), ...Array<string>(11).fill('')];
    return [
      i + 1,
      dateIt(e.at.slice(0, 10)),
      d.technician.code,
      localName(d.technician, 'technician'),
      d.substitute?.code ?? '',
      localName(d.substitute, 'substitute'),
      d.role,
      d.office_email,
      d.office_phone,
      dateIt(d.from),
      dateIt(d.until),
      d.technician.display_name ? 'sì' : 'no',
      d.updated_by,
    ];
  });
  const header = ['Versione', 'Data della modifica', 'Codice del tecnico', 'Nome del tecnico', 'Codice del sostituto', 'Nome del sostituto', 'Ruolo', 'E-mail dell’ufficio', 'Telefono dell’ufficio', 'Dal', 'Al', 'Nomi inviati al consorzio', 'Modificato da'];
  const bytes = writeCsv(header, rows);
  return { fileName: `designazione-comitato-tecnico-${us}.csv`, contentBase64: bytes.toString('base64'), rows: rows.length };
}
