import { z } from 'zod';
import { RecordId } from '../../records/common';

/** Inputs several methods share. */
export const NoInput = z.object({}).strict();
export const ById = z.object({ id: RecordId }).strict();
export const Year = z.number().int().min(2000).max(2999);
