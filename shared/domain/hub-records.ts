import { z } from 'zod';
import { IsoDate, lineText, noteText, RecordId } from '../records/common';
import { ServiceCategory, ServiceCode, UnitCode } from '../records/catalogue';
import { GroupCoordinator } from '../records/hub-groups';
import { MembershipStatus } from '../records/hub-members';
import { CourseMode } from '../records/training';
import { IstatCode } from './ids';
import { QuantityText } from './usage';

/** Inputs and views of the hub's own records (issue 4): catalogue, offered courses, groups, registry. */

const CentsInput = z.number().int({ message: 'Importo in centesimi interi.' }).min(0, { message: "L'importo non può essere negativo." }).max(100_000_000_000);

/** `hub.services.save`: creates the service with this code, or replaces its state. */
export const HubServiceInput = z
  .object({
    code: ServiceCode,
    nameIt: lineText(120),
    nameEn: lineText(120),
    category: ServiceCategory,
    unit: UnitCode,
    /** Default: whether the unit has decimals (GB, hours). */
    decimals: z.boolean().optional(),
    active: z.boolean().default(true),
    /** Default: after the last service (new), unchanged (existing). */
    position: z.number().int().min(0).max(100_000).optional(),
    fixedYearlyCents: CentsInput.nullable().default(null),
    unitCostCents: CentsInput.nullable().default(null),
  })
  .strict();

export interface HubService {
  id: string;
  code: string;
  nameIt: string;
  nameEn: string;
  category: z.infer<typeof ServiceCategory>;
  unit: z.infer<typeof UnitCode>;
  decimals: boolean;
  active: boolean;
  position: number;
  fixedYearlyCents: number | null;
  unitCostCents: number | null;
  updatedBy: string;
  updatedAt: string;
}

export const OfferedCourseInput = z
  .object({
    /** Absent: a new course. */
    id: RecordId.optional(),
    title: lineText(200),
    area: lineText(100, 0).default(''),
    startDate: IsoDate,
    endDate: IsoDate,
    hours: QuantityText,
    mode: CourseMode.default('in_person'),
    provider: lineText(150, 0).default(''),
    description: noteText().default(''),
  })
  .strict();

export interface OfferedCourse {
  id: string;
  title: string;
  area: string;
  startDate: string;
  endDate: string;
  hours: string;
  hoursMilli: number;
  mode: z.infer<typeof CourseMode>;
  provider: string;
  description: string;
  updatedBy: string;
  updatedAt: string;
}

export const ThematicGroupInput = z
  .object({
    id: RecordId.optional(),
    name: lineText(120),
    description: noteText().default(''),
    coordinator: GroupCoordinator.nullable().default(null),
    active: z.boolean().default(true),
  })
  .strict();

export interface ThematicGroup {
  id: string;
  name: string;
  description: string;
  coordinator: { istat: string; person: string; memberName: string | null } | null;
  active: boolean;
  updatedBy: string;
  updatedAt: string;
}

/** `members.update`: the hub edits the public part of a member's entry (ISTAT's population every year). */
export const MemberUpdateInput = z
  .object({
    istat: IstatCode,
    population: z.number().int().min(0).max(100_000_000).nullable().optional(),
    populationYear: z.number().int().min(1861).max(2999).nullable().optional(),
    status: MembershipStatus.optional(),
    memberSince: IsoDate.nullable().optional(),
  })
  .strict();

/** `members.add`: a municipality of ISTAT's list joins the consortium. */
export const MemberAddInput = z.object({ istat: IstatCode, memberSince: IsoDate.nullable().default(null) }).strict();
export const MemberRemoveInput = z.object({ istat: IstatCode }).strict();
