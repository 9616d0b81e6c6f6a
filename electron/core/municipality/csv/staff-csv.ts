import type { CsvProblem } from '../../../../shared/domain/csv';
import { StaffCreateInput } from '../../../../shared/domain/staff';
import { operatorName } from '../../sync/records/record-events';
import { stmt } from '../../platform/store/statements';
import { readShareNames } from '../staff/share-names';
import { putStaff } from '../staff/staff-service';
import { findStaffByCode, nextStaffCode } from '../staff/staff-store';
import { csvProblem, quoted } from './csv-problems';
import { columnOf, problemOfIssue, type CsvColumn, type CsvSchema, type ProblemRef } from './csv-schema';
import { foldHeader } from '../../format/csv/csv-text';

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
  missingColumns: (present) => (present.has('code') || present.has('displayName') ? null : 'CSV_COLUMN_NAME_OR_CODE_MISSING'),
  check(_ctx, cells, row) {
    const problems: CsvProblem[] = [];
    const bad = (field: string, p: ProblemRef) => problems.push(csvProblem(row, columnOf(STAFF_COLUMNS, field), p.code, p.params));
    const active = YES_NO[foldHeader(cells.active ?? '')];
    if (active === undefined) bad('active', { code: 'CSV_ACTIVE_INVALID', params: { value: quoted(cells.active, 20) } });
    const code = (cells.code ?? '').trim();
    const parsed = StaffCreateInput.safeParse({
      displayName: cells.displayName ?? '',
      ...(code ? { code } : {}),
      role: cells.role ?? '',
      office: cells.office ?? '',
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 3)) {
        const field = issue.path.map(String).join('.');
        bad(field, problemOfIssue(issue, cells[field] ?? ''));
      }
    }
    if (parsed.success && !parsed.data.displayName && !parsed.data.code) bad('displayName', { code: 'CSV_STAFF_NO_NAME_OR_CODE' });
    if (problems.length > 0 || !parsed.success) return { problems };
    const d = parsed.data;
    return { value: { code: d.code ?? null, displayName: d.displayName, role: d.role, office: d.office, active: active! }, problems };
  },
  alreadyStored(ctx, v): ProblemRef | null {
    if (v.code && findStaffByCode(ctx.db, v.code)) return { code: 'CSV_STAFF_CODE_STORED', params: { code: v.code } };
    if (v.displayName && stmt(ctx.db, 'SELECT 1 FROM staff WHERE display_name = ? COLLATE NOCASE').get(v.displayName)) {
      return { code: 'CSV_STAFF_NAME_STORED', params: { name: v.displayName } };
    }
    return null;
  },
  // Two rows with the same code are the same person; without a code, the same name is.
  fingerprint: (v) => (v.code ? `code:${v.code.toUpperCase()}` : `name:${v.displayName.toLocaleLowerCase('it')}`),
  apply(ctx, values, onRow) {
    const share = readShareNames(ctx);
    const who = operatorName(ctx);
    values.forEach((v, i) => {
      const code = v.code ?? nextStaffCode(ctx.db);
      putStaff(ctx, ctx.ids.uuid(), { code, displayName: v.displayName, role: v.role, office: v.office, active: v.active }, share, who);
      onRow?.(i + 1);
    });
  },
};
