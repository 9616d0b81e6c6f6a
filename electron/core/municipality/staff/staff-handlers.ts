import type { HandlerGroup } from '../../platform/api/handler-table';
import { createStaff, deleteStaff, listStaff, updateStaff } from './staff-service';

export const staffHandlers = {
  'staff.create': createStaff,
  'staff.update': updateStaff,
  'staff.delete': deleteStaff,
  'staff.list': listStaff,
} satisfies HandlerGroup;
