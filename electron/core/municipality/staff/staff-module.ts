import type { HandlerGroup } from '../../platform/api/handler-table';
import type { FeatureModule } from '../../platform/api/feature-module';
import { staffKind } from '../../../../shared/records/staff';
import { restoreStaffFromEvent } from './staff-restore';
import { createStaff, deleteStaff, listStaff, updateStaff } from './staff-service';

export const staffHandlers = {
  'staff.create': createStaff,
  'staff.update': updateStaff,
  'staff.delete': deleteStaff,
  'staff.list': listStaff,
} satisfies HandlerGroup;

/** The town hall's staff (personale), named or by pseudonymous code. */
export const staffModule = {
  name: 'municipality/staff',
  handlers: staffHandlers,
  kinds: [staffKind],
  restorers: { staff: (db, _dir, ev) => restoreStaffFromEvent(db, ev) },
} satisfies FeatureModule;
