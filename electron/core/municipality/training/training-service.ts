import type { ParsedInput } from '../../../../shared/api/contract';
import { formatMilli, parseMilli } from '../../../../shared/domain/quantity';
import type { Course, Participation, TrainingTotals } from '../../../../shared/domain/training';
import { courseKind, participationKind, type CourseData } from '../../../../shared/records/training';
import type { AppContext } from '../../platform/context';
import { appError } from '../../platform/errors';
import { checkRecordDate, deleteRecord, EARLIEST_DATE, notFound, operatorName, putRecord, requireMunicipality } from '../../sync/records/record-events';
import { stmt } from '../../platform/store/statements';
import { getStaffRow } from '../staff/staff-store';
import { getCourse, getParticipation, upsertCourse, upsertParticipation } from './training-store';
import { refuseHubCourse } from '../catalogue/hub-course-guard';

function hoursMilli(text: string, field: string): number {
  const milli = parseMilli(text);
  if (milli === null) throw appError('training.hoursNotNumber', {}, { field });
  if (milli > 2_000_000) throw appError('training.hoursTooMany', {}, { field });
  return milli;
}

function courseData(ctx: AppContext, input: ParsedInput<'courses.create'>): CourseData {
  // A course may be booked ahead: its dates may be up to a year in the future, not more.
  if (input.startDate < EARLIEST_DATE) checkRecordDate(ctx, input.startDate, 'startDate');
  const nextYear = new Date(Date.parse(ctx.clock.now()) + 366 * 86_400_000).toISOString().slice(0, 10);
  for (const [field, date] of [['startDate', input.startDate], ['endDate', input.endDate]] as const) {
    if (date > nextYear) throw appError('training.dateTooFarAhead', {}, { field });
  }
  if (input.endDate < input.startDate) {
    throw appError('training.endBeforeStart', {}, { field: 'endDate' });
  }
  return {
    title: input.title,
    area: input.area,
    start_date: input.startDate,
    end_date: input.endDate,
    hours_milli: hoursMilli(input.hours, 'hours'),
    mode: input.mode,
    provider: input.provider,
    consortium: input.consortium,
    updated_by: operatorName(ctx),
  };
}

export function createCourse(ctx: AppContext, input: ParsedInput<'courses.create'>): Course {
  requireMunicipality(ctx);
  const data = courseData(ctx, input);
  const id = ctx.ids.uuid();
  return ctx.db.transaction(() => {
    upsertCourse(ctx.db, id, putRecord(ctx, courseKind, id, data), ctx.clock.now());
    return getCourse(ctx.db, id)!;
  })();
}

export function updateCourse(ctx: AppContext, input: ParsedInput<'courses.update'>): Course {
  requireMunicipality(ctx);
  const data = courseData(ctx, input);
  return ctx.db.transaction(() => {
    if (!getCourse(ctx.db, input.id)) throw notFound('course', input.id);
    refuseHubCourse(ctx.db, input.id);
    upsertCourse(ctx.db, input.id, putRecord(ctx, courseKind, input.id, data), ctx.clock.now());
    return getCourse(ctx.db, input.id)!;
  })();
}

export function deleteCourse(ctx: AppContext, input: { id: string }): { id: string } {
  requireMunicipality(ctx);
  return ctx.db.transaction(() => {
    const course = getCourse(ctx.db, input.id);
    if (!course) throw notFound('course', input.id);
    refuseHubCourse(ctx.db, input.id);
    if (course.participants > 0) {
      throw appError('training.courseHasParticipants', {}, { field: 'id' });
    }
    deleteRecord(ctx, courseKind, input.id);
    stmt(ctx.db, 'DELETE FROM courses WHERE id = ?').run(input.id);
    return { id: input.id };
  })();
}

function putParticipation(ctx: AppContext, id: string, input: ParsedInput<'participations.create'>): Participation {
  if (!getStaffRow(ctx.db, input.staffId)) throw appError('training.staffNotFound', {}, { field: 'staffId' });
  const course = getCourse(ctx.db, input.courseId);
  if (!course) throw appError('training.courseNotFound', {}, { field: 'courseId' });
  const clash = stmt(ctx.db, 'SELECT id FROM participations WHERE course_id = ? AND staff_id = ? AND id <> ?').pluck().get(input.courseId, input.staffId, id);
  if (clash) throw appError('training.alreadyEnrolled', {}, { field: 'staffId' });
  const data = putRecord(ctx, participationKind, id, {
    staff_id: input.staffId,
    course_id: input.courseId,
    hours_milli: input.hours === undefined ? course.hoursMilli : hoursMilli(input.hours, 'hours'),
    completed: input.completed,
    evaluation: input.evaluation,
    comment: input.comment,
    updated_by: operatorName(ctx),
  });
  upsertParticipation(ctx.db, id, data, ctx.clock.now());
  return getParticipation(ctx.db, id)!;
}

export function createParticipation(ctx: AppContext, input: ParsedInput<'participations.create'>): Participation {
  requireMunicipality(ctx);
  const id = ctx.ids.uuid();
  return ctx.db.transaction(() => putParticipation(ctx, id, input))();
}

export function updateParticipation(ctx: AppContext, input: ParsedInput<'participations.update'>): Participation {
  requireMunicipality(ctx);
  return ctx.db.transaction(() => {
    if (!getParticipation(ctx.db, input.id)) throw notFound('participation', input.id);
    return putParticipation(ctx, input.id, input);
  })();
}

export function deleteParticipation(ctx: AppContext, input: { id: string }): { id: string } {
  requireMunicipality(ctx);
  return ctx.db.transaction(() => {
    if (!getParticipation(ctx.db, input.id)) throw notFound('participation', input.id);
    deleteRecord(ctx, participationKind, input.id);
    stmt(ctx.db, 'DELETE FROM participations WHERE id = ?').run(input.id);
    return { id: input.id };
  })();
}

/** Totals per person, per course and for the year (courses by their start date). */
export function trainingTotals(ctx: AppContext, input: { year: number }): TrainingTotals {
  const range = [`${input.year}-01-01`, `${input.year}-12-31`];
  const perPerson = stmt(
    ctx.db,
    `SELECT s.id AS staffId, s.code, s.display_name AS displayName, count(*) AS courses, sum(p.completed) AS completed, sum(p.hours_milli) AS hoursMilli
     FROM participations p JOIN courses c ON c.id = p.course_id JOIN staff s ON s.id = p.staff_id
     WHERE c.start_date BETWEEN ? AND ? GROUP BY s.id ORDER BY s.code`,
  ).all(...range) as Omit<TrainingTotals['perPerson'][number], 'hours'>[];
  const perCourse = stmt(
    ctx.db,
    `SELECT c.id AS courseId, c.title, count(p.id) AS participants, coalesce(sum(p.completed), 0) AS completed,
            coalesce(sum(p.hours_milli), 0) AS hoursMilli, avg(p.evaluation) AS averageEvaluation
     FROM courses c LEFT JOIN participations p ON p.course_id = c.id
     WHERE c.start_date BETWEEN ? AND ? GROUP BY c.id ORDER BY c.start_date, c.title`,
  ).all(...range) as Omit<TrainingTotals['perCourse'][number], 'hours'>[];
  const withHours = <T extends { hoursMilli: number }>(r: T) => ({ ...r, hours: formatMilli(r.hoursMilli) });
  const hoursMilliTotal = perCourse.reduce((n, c) => n + c.hoursMilli, 0);
  return {
    year: input.year,
    perPerson: perPerson.map((p) => withHours({ ...p, displayName: p.displayName || null })),
    perCourse: perCourse.map((c) => withHours({ ...c, averageEvaluation: c.averageEvaluation === null ? null : Math.round(c.averageEvaluation * 10) / 10 })),
    total: {
      courses: perCourse.length,
      participations: perCourse.reduce((n, c) => n + c.participants, 0),
      completed: perCourse.reduce((n, c) => n + c.completed, 0),
      hoursMilli: hoursMilliTotal,
      hours: formatMilli(hoursMilliTotal),
    },
  };
}
