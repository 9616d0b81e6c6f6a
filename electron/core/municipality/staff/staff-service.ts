import type { ParsedInput } from '../../../../shared/api/contract';
import type { StaffMember } from '../../../../shared/domain/staff';
import { staffKind, type StaffData } from '../../../../shared/records/staff';
import type { AppContext } from '../../platform/context';
import { appError } from '../../platform/errors';
import { deleteRecord, notFound, operatorName, putRecord, requireMunicipality } from '../../sync/records/record-events';
import { stmt } from '../../platform/store/statements';
import { readShareNames } from './share-names';
import { allStaffRows, findStaffByCode, getStaffRow, nextStaffCode, staffReferences, toStaffMember, upsertStaffRow, type StaffRow } from './staff-store';

interface StaffState {
  code: string;
  displayName: string;
  role: string;
  office: string;
  active: boolean;
}

/**
 * Privacy: what leaves the municipality. With names not shared (the default) the event carries
 * the pseudonymous code, role and office, never the name.
 */
export function staffEventData(s: StaffState, shareNames: boolean, updatedBy: string): StaffData {
  return {
    code: s.code,
    ...(shareNames && s.displayName ? { display_name: s.displayName } : {}),
    role: s.role,
    office: s.office,
    active: s.active,
    updated_by: updatedBy,
  };
}

/** Writes the local row (with the name) and the event (with or without it), in the caller's transaction. */
export function putStaff(ctx: AppContext, id: string, s: StaffState, shareNames: boolean, updatedBy: string): StaffRow {
  const clash = findStaffByCode(ctx.db, s.code);
  if (clash && clash.id !== id) {
    throw appError('staff.codeTaken', { code: s.code }, { field: 'code' });
  }
  const data = putRecord(ctx, staffKind, id, staffEventData(s, shareNames, updatedBy));
  upsertStaffRow(ctx.db, id, s.displayName, data, ctx.clock.now());
  return getStaffRow(ctx.db, id)!;
}

export function createStaff(ctx: AppContext, input: ParsedInput<'staff.create'>): StaffMember {
  requireMunicipality(ctx);
  const id = ctx.ids.uuid();
  return ctx.db.transaction(() => {
    const code = input.code ?? nextStaffCode(ctx.db);
    const state = { code, displayName: input.displayName, role: input.role, office: input.office, active: true };
    return toStaffMember(putStaff(ctx, id, state, readShareNames(ctx), operatorName(ctx)));
  })();
}

export function updateStaff(ctx: AppContext, input: ParsedInput<'staff.update'>): StaffMember {
  requireMunicipality(ctx);
  return ctx.db.transaction(() => {
    if (!getStaffRow(ctx.db, input.id)) throw notFound('staff', input.id);
    const state = { code: input.code, displayName: input.displayName, role: input.role, office: input.office, active: input.active };
    return toStaffMember(putStaff(ctx, input.id, state, readShareNames(ctx), operatorName(ctx)));
  })();
}

export function deleteStaff(ctx: AppContext, input: { id: string }): { id: string } {
  requireMunicipality(ctx);
  return ctx.db.transaction(() => {
    if (!getStaffRow(ctx.db, input.id)) throw notFound('staff', input.id);
    if (staffReferences(ctx.db, input.id) > 0) {
      throw appError('staff.hasRecords', {}, { field: 'id' });
    }
    deleteRecord(ctx, staffKind, input.id);
    stmt(ctx.db, 'DELETE FROM staff WHERE id = ?').run(input.id);
    return { id: input.id };
  })();
}

export function listStaff(ctx: AppContext, input: ParsedInput<'staff.list'>): StaffMember[] {
  const text = input.text?.trim().toLocaleLowerCase('it');
  return allStaffRows(ctx.db)
    .filter((r) => input.includeInactive || r.active === 1)
    .filter((r) => !text || [r.code, r.display_name ?? '', r.role, r.office].some((f) => f.toLocaleLowerCase('it').includes(text)))
    .map(toStaffMember);
}

/**
 * Turning name sharing on (or off) re-puts every staff record with (or without) the name, in
 * the same transaction as the setting: from then on the consortium's copy matches the choice.
 * Names already sent stay in the outbox (it is immutable); turning sharing off stops new ones.
 */
export function reputAllStaff(ctx: AppContext, shareNames: boolean): number {
  const who = operatorName(ctx);
  const rows = allStaffRows(ctx.db);
  for (const r of rows) {
    putStaff(ctx, r.id, { code: r.code, displayName: r.display_name ?? '', role: r.role, office: r.office, active: r.active === 1 }, shareNames, who);
  }
  return rows.length;
}
