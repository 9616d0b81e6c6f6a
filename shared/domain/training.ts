import { z } from 'zod';
import { IsoDate, lineText, noteText, RecordId } from '../records/common';
import { CourseMode } from '../records/training';
import { QuantityText } from './usage';

export const CourseInput = z
  .object({
    title: lineText(200),
    area: lineText(100, 0).default(''),
    startDate: IsoDate,
    endDate: IsoDate,
    /** Hours as typed: "6" or "7,5". */
    hours: QuantityText,
    mode: CourseMode.default('in_person'),
    provider: lineText(150, 0).default(''),
    consortium: z.boolean().default(false),
  })
  .strict();
export const CourseUpdateInput = CourseInput.extend({ id: RecordId }).strict();

export const ParticipationInput = z
  .object({
    staffId: RecordId,
    courseId: RecordId,
    /** Hours attended; the course's hours when absent. */
    hours: QuantityText.optional(),
    completed: z.boolean().default(false),
    evaluation: z.number().int().min(1, { message: 'La valutazione va da 1 a 5.' }).max(5, { message: 'La valutazione va da 1 a 5.' }).nullable().default(null),
    comment: noteText().default(''),
  })
  .strict();
export const ParticipationUpdateInput = ParticipationInput.extend({ id: RecordId }).strict();
export const ParticipationListInput = z.object({ courseId: RecordId.optional(), staffId: RecordId.optional() }).strict();

export interface Course {
  id: string;
  title: string;
  area: string;
  startDate: string;
  endDate: string;
  hours: string;
  hoursMilli: number;
  mode: z.infer<typeof CourseMode>;
  provider: string;
  consortium: boolean;
  participants: number;
  /** Mean of the participants' evaluations, null when none; one decimal. */
  averageEvaluation: number | null;
  updatedBy: string;
  updatedAt: string;
}

export interface Participation {
  id: string;
  staffId: string;
  staffCode: string;
  staffName: string | null;
  courseId: string;
  courseTitle: string;
  hours: string;
  hoursMilli: number;
  completed: boolean;
  evaluation: number | null;
  comment: string;
  updatedBy: string;
  updatedAt: string;
}

export interface TrainingTotals {
  year: number;
  perPerson: { staffId: string; code: string; displayName: string | null; courses: number; completed: number; hoursMilli: number; hours: string }[];
  perCourse: { courseId: string; title: string; participants: number; completed: number; hoursMilli: number; hours: string; averageEvaluation: number | null }[];
  total: { courses: number; participations: number; completed: number; hoursMilli: number; hours: string };
}
