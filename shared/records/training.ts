import { z } from 'zod';
import { recordKind } from './registry';
import { IsoDate, lineText, Milli, noteText, RecordId, UpdatedBy } from './common';

export const CourseMode = z.enum(['in_person', 'online', 'blended']);
export type CourseMode = z.infer<typeof CourseMode>;

/** A training course (*corso di formazione*) attended by the staff; `hours_milli` in thousandths of an hour. */
export const CourseData = z
  .object({
    title: lineText(200),
    area: lineText(100, 0),
    start_date: IsoDate,
    end_date: IsoDate,
    hours_milli: Milli,
    mode: CourseMode,
    provider: lineText(150, 0),
    consortium: z.boolean(),
    updated_by: UpdatedBy,
  })
  .strict()
  .refine((d) => d.end_date >= d.start_date, { message: 'La data di fine precede quella di inizio.', path: ['end_date'] });
export type CourseData = z.infer<typeof CourseData>;

/** A person's participation in a course, with their own evaluation (1–5) and comment. */
export const ParticipationData = z
  .object({
    staff_id: RecordId,
    course_id: RecordId,
    hours_milli: Milli,
    completed: z.boolean(),
    evaluation: z.number().int().min(1, { message: 'La valutazione va da 1 a 5.' }).max(5, { message: 'La valutazione va da 1 a 5.' }).nullable(),
    comment: noteText(),
    updated_by: UpdatedBy,
  })
  .strict();
export type ParticipationData = z.infer<typeof ParticipationData>;

export const courseKind = recordKind({
  kind: 'course',
  owner: 'municipality',
  schema: CourseData,
  description: 'Corso di formazione seguito dal personale: titolo, area, date, ore, modalità, ente, se offerto dal consorzio.',
});

export const participationKind = recordKind({
  kind: 'participation',
  owner: 'municipality',
  schema: ParticipationData,
  description: 'Partecipazione di una persona a un corso: ore, completamento, valutazione 1–5 e commento.',
});
