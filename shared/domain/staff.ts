import { z } from 'zod';
import { lineText, RecordId } from '../records/common';
import { StaffCode } from '../records/staff';

export const StaffCreateInput = z
  .object({
    displayName: lineText(100, 0).default(''),
    /** Generated (P-001, P-002…) when absent. */
    code: StaffCode.optional(),
    role: lineText(100, 0).default(''),
    office: lineText(100, 0).default(''),
  })
  .strict();

export const StaffUpdateInput = z
  .object({
    id: RecordId,
    displayName: lineText(100, 0),
    code: StaffCode,
    role: lineText(100, 0),
    office: lineText(100, 0),
    active: z.boolean(),
  })
  .strict();

export const StaffListInput = z.object({ text: z.string().max(100).optional(), includeInactive: z.boolean().default(true) }).strict();

export interface StaffMember {
  id: string;
  code: string;
  /** Known locally only; leaves the municipality only when names are shared. */
  displayName: string | null;
  role: string;
  office: string;
  active: boolean;
  updatedBy: string;
  updatedAt: string;
}
