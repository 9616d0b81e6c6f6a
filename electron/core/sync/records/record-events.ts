import type { z } from 'zod';
import type { RecordKind } from '../../../../shared/records/registry';
import { AppError, appError, validationFailure } from '../../platform/errors';
import type { AppContext } from '../../platform/context';
import { appendEvent } from '../outbox/outbox';
import { stmt } from '../../platform/store/statements';

/**
 * Appends the `put` event of a record: `data` is parsed with the kind's schema and the parsed
 * value is what goes in the line, so the line is canonical (members in schema order, trimmed
 * texts). Must run inside the transaction of the change (appendEvent checks it).
 */
export function putRecord<S extends z.ZodType>(ctx: AppContext, kind: RecordKind<S>, id: string, data: z.input<S>): z.output<S> {
  const parsed = kind.schema.safeParse(data);
  if (!parsed.success) throw validationFailure(parsed.error, data);
  appendEvent(ctx, { kind: kind.kind, op: 'put', id, data: parsed.data });
  return parsed.data;
}

export function deleteRecord(ctx: AppContext, kind: RecordKind, id: string): void {
  appendEvent(ctx, { kind: kind.kind, op: 'delete', id });
}

/** Only a municipality writes these records (docs/design.md: every record has exactly one writer). */
export function requireMunicipality(ctx: AppContext): void {
  const inst = installationRole(ctx);
  if (!inst) {
    throw appError('installation.notInitialized');
  }
  if (inst.role !== 'municipality') {
    throw appError('records.hubInstallation');
  }
}

/** The operator's name for `updated_by`: the setting, else the name given at setup. */
export function operatorName(ctx: AppContext): string {
  const row = stmt(ctx.db, "SELECT value FROM settings WHERE key = 'operator'").get() as { value: string } | undefined;
  if (row?.value) return row.value;
  return installationRole(ctx)?.operator || 'Operatore';
}

/** Role and operator of the installation, by a cached statement: this runs for every record written. */
function installationRole(ctx: AppContext): { role: string; operator: string } | undefined {
  return stmt(ctx.db, 'SELECT role, operator FROM installation WHERE singleton = 1').get() as { role: string; operator: string } | undefined;
}

export const EARLIEST_DATE = '2000-01-01';

/**
 * Dates of records: not before 2000, and not after tomorrow (the clock is UTC and Italy is
 * one or two hours ahead, so "today" in the town hall may already be tomorrow in UTC).
 */
export function checkRecordDate(ctx: AppContext, date: string, field: string): void {
  if (date < EARLIEST_DATE) {
    throw appError('records.dateBefore2000', {}, { field });
  }
  const tomorrow = new Date(Date.parse(ctx.clock.now()) + 86_400_000).toISOString().slice(0, 10);
  if (date > tomorrow) {
    throw appError('records.dateInFuture', {}, { field });
  }
}

/** The records a "not found" names, in both languages (the sentence is the catalogue's). */
const NOUNS = {
  course: ['Corso', 'Course'],
  group: ['Gruppo', 'Group'],
  groupMembership: ['Partecipazione al gruppo', 'Group membership'],
  participation: ['Partecipazione', 'Participation'],
  staff: ['Persona', 'Person'],
  proposal: ['Proposta', 'Proposal'],
  meeting: ['Riunione', 'Meeting'],
  service: ['Servizio', 'Service'],
  member: ['Socio', 'Member'],
  usage: ['Utilizzo', 'Usage record'],
} as const;

export function notFound(what: keyof typeof NOUNS, id: string): AppError {
  const [it, en] = NOUNS[what];
  return appError('records.notFound', { what: it, whatEn: en, id: id.slice(0, 64) });
}
