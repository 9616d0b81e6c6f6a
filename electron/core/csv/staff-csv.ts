import type { CsvProblem } from '../../../shared/domain/csv';
import { StaffCreateInput } from '../../../shared/domain/staff';
import { operatorName } from '../records/record-events';
import { stmt } from '../records/statements';
import { readShareNames } from '../staff/share-names';
import { putStaff } from '../staff/staff-service';
import { findStaffByCode, nextStaffCode } from '../staff/staff-store';
import { columnOf, type CsvColumn, type CsvSchema } from './csv-schema';
import { foldHeader } from './csv-text';

interface StaffCsvRow {
  code: string | null;
  displayName: string;
  role: string;
  office: string;
  active: boolean;
}

export const STAFF_COLUMNS: CsvColumn[] = [
  { field: 'code', header: 'codice', aliases: ['codice', 'codicepseudonimo', 'pseudonimo', 'code'], required: false },
  { field: 'displayName', header: 'nome', aliases: ['nome', 'nominativo', 'nomeecognome', 'cognomeenome', 'name'], required: false },
  { field: 'role', header: 'ruolo', aliases: ['ruolo', 'qualifica', 'role'], required: false },
  { field: 'office', header: 'ufficio', aliases: ['ufficio', 'servizio', 'settore', 'office'], required: false },
  { field: 'active', header: 'attivo', aliases: ['attivo', 'inservizio', 'active'], required: false },
];

const YES_NO: Record<string, boolean> = { '': true, si: true, s: true, yes: true, '1': true, vero: true, no: false, n: false, '0': false, falso: false };

export const staffCsv: CsvSchema<StaffCsvRow> = {
  kind: 'staff',
  columns: STAFF_COLUMNS,
  missingColumns: (present) => (present.has('code') || present.has('displayName') ? null : 'manca la colonna "nome" (o "codice"): aggiungerla nella prima riga.'),
  check(_ctx, cells, row) {
    const problems: CsvProblem[] = [];
    const bad = (field: string, message: string) => problems.push({ row, column: columnOf(STAFF_COLUMNS, field), message });
    const active = YES_NO[foldHeader(cells.active ?? '')];
    if (active === undefined) bad('active', 'scrivere "sì" o "no" (o lasciare vuoto, che vale sì).');
    const code = (cells.code ?? '').trim();
    const parsed = StaffCreateInput.safeParse({
      displayName: cells.displayName ?? '',
      ...(code ? { code } : {}),
      role: cells.role ?? '',
      office: cells.office ?? '',
    });
    if (!parsed.success) for (const issue of parsed.error.issues.slice(0, 3)) bad(issue.path.map(String).join('.'), issue.message);
    if (parsed.success && !parsed.data.displayName && !parsed.data.code) bad('displayName', 'la riga non ha né nome né codice: compilarne almeno uno.');
    if (problems.length > 0 || !parsed.success) return { problems };
    const d = parsed.data;
    return { value: { code: d.code ?? null, displayName: d.displayName, role: d.role, office: d.office, active: active! }, problems };
  },
  alreadyStored(ctx, v) {
    if (v.code && findStaffByCode(ctx.db, v.code)) return `il codice ${v.code} è già nel registro del personale: togliere la riga o cambiare il codice.`;
    if (v.displayName && stmt(ctx.db, 'SELECT 1 FROM staff WHERE display_name = ? COLLATE NOCASE').get(v.displayName)) {
      return `${v.displayName} è già nel registro del personale: togliere la riga o escluderla.`;
    }
    return null;
  },
  // Two rows with the same code are the same person; without a code, the same name is.
  fingerprint: (v) => (v.code ? `code:${v.code.toUpperCase()}` : `name:${v.displayName.toLocaleLowerCase('it')}`),
  apply(ctx, values) {
    const share = readShareNames(ctx);
    const who = operatorName(ctx);
    for (const v of values) {
      const code = v.code ?? nextStaffCode(ctx.db);
      putStaff(ctx, ctx.ids.uuid(), { code, displayName: v.displayName, role: v.role, office: v.office, active: v.active }, share, who);
    }
  },
};
