import { z } from 'zod';
import { recordKind } from './registry';
import { IsoDate, lineText, Milli, noteText, UpdatedBy } from './common';
import { CourseMode } from './training';

/**
 * A training course offered by the consortium (*corso offerto dal consorzio*), owned by the hub.
 * Members see it among their courses (flagged as the consortium's) and register their staff's
 * participations against its id.
 */
export const OfferedCourseData = z
  .object({
    title: lineText(200),
    area: lineText(100, 0),
    start_date: IsoDate,
    end_date: IsoDate,
    hours_milli: Milli,
    mode: CourseMode,
    provider: lineText(150, 0),
    description: noteText(),
    updated_by: UpdatedBy,
  })
  .strict()
  .refine((d) => d.end_date >= d.start_date, { message: 'La data di fine precede quella di inizio.', path: ['end_date'] });
export type OfferedCourseData = z.infer<typeof OfferedCourseData>;

export const offeredCourseKind = recordKind({
  kind: 'offered_course',
  owner: 'hub',
  schema: OfferedCourseData,
  description: 'Corso di formazione offerto dal consorzio ai comuni: titolo, area, date, ore, modalità, ente, descrizione.',
});
