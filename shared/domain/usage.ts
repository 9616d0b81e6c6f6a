import { z } from 'zod';
import { IsoDate, noteText, RecordId } from '../records/common';
import { ServiceCode, type ServiceCategory, type UnitCode } from '../records/catalogue';
import { UsageChannel } from '../records/usage';
import { DECIMAL_TEXT } from './quantity';
import type { Measure } from './unit-measure';

/** A quantity typed by a person: "12", "12,5" or "12.5" (up to 3 decimals); never a float. */
export const QuantityText = z
  .string()
  .regex(DECIMAL_TEXT, { message: 'Scrivere un numero positivo, per esempio 12 oppure 12,5 (al massimo 3 decimali).' });

const OptionalCount = z.number().int({ message: 'Deve essere un numero intero.' }).min(0, { message: 'Non può essere negativo.' }).max(100_000_000).nullable().optional();

/** What the clerk types to record a usage entry (`usage.record`); `usage.update` adds the id. */
export const UsageInput = z
  .object({
    service: ServiceCode,
    /** The day, or any day of the month when `period` is 'month' (stored as the 1st). */
    date: IsoDate,
    period: z.enum(['day', 'month']).default('day'),
    quantity: QuantityText,
    beneficiaries: z
      .object({ citizens: OptionalCount, businesses: OptionalCount, offices: OptionalCount })
      .strict()
      .optional(),
    channel: UsageChannel.nullable().optional(),
    note: noteText().default(''),
  })
  .strict();

export const UsageUpdateInput = UsageInput.extend({ id: RecordId }).strict();

export const UsageListInput = z
  .object({
    service: ServiceCode.optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    /** Words searched in the notes (all must appear; prefixes match). */
    text: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(500).default(50),
    /** `nextCursor` of the previous page; absent for the first page. */
    cursor: z.string().max(100).nullable().optional(),
  })
  .strict();

export interface Service {
  code: string;
  nameIt: string;
  nameEn: string;
  category: ServiceCategory;
  unit: UnitCode;
  unitIt: string;
  unitEn: string;
  decimals: boolean;
  /** 'provisional' until the hub's catalogue replaces it. */
  source: 'provisional' | 'hub';
}

export interface UsageEntry {
  id: string;
  service: string;
  date: string;
  period: 'day' | 'month';
  /** Canonical decimal text with a dot ("12.5"); format it the Italian way in the UI. */
  quantity: string;
  quantityMilli: number;
  beneficiaries: { citizens: number | null; businesses: number | null; offices: number | null };
  channel: z.infer<typeof UsageChannel> | null;
  note: string;
  /** 1 at creation, +1 at every edit. */
  version: number;
  updatedBy: string;
  updatedAt: string;
  createdAt: string;
}

export interface UnitTotal {
  unit: UnitCode;
  /** 'count': the quantities' sum; 'level' (GB, mailboxes held): per service the average of its months with entries, summed over the unit's services. */
  measure: Measure;
  quantity: string;
  quantityMilli: number;
  entries: number;
}

export interface UsageList {
  rows: UsageEntry[];
  /** Entries matching the filters (all pages). */
  total: number;
  totals: UnitTotal[];
  nextCursor: string | null;
}

export interface UsageMonthlyRow {
  service: string;
  unit: UnitCode;
  /** 'count': `total` is the year's sum; 'level' (GB, mailboxes held): the average of the months with a figure. */
  measure: Measure;
  /** Twelve quantities, January to December, in thousandths. */
  monthsMilli: number[];
  months: string[];
  entries: number;
  totalMilli: number;
  total: string;
}

export interface UsageMonthly {
  year: number;
  rows: UsageMonthlyRow[];
}

export interface UsageTrend {
  /** The months shown, oldest first, as YYYY-MM. */
  months: string[];
  series: { service: string; unit: UnitCode; valuesMilli: number[] }[];
}
