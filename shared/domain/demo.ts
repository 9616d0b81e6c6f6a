import { z } from 'zod';

export const DemoInput = z
  .object({
    /** How many months of usage, ending today. */
    months: z.number().int().min(1, { message: 'Almeno 1 mese.' }).max(36, { message: 'Al massimo 36 mesi.' }).default(12),
    /** Same seed, same figures. */
    seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
  })
  .strict();

export interface DemoSummary {
  months: number;
  seed: number;
  usageEntries: number;
  staff: number;
  courses: number;
  participations: number;
  groups: number;
  memberships: number;
  meetings: number;
  proposals: number;
  events: number;
}
