import type { HandlerGroup } from '../../platform/api/handler-table';
import type { FeatureModule } from '../../platform/api/feature-module';
import { courseKind, participationKind } from '../../../../shared/records/training';
import { restoreCourseFromEvent, restoreParticipationFromEvent } from './training-restore';
import { listCourses, listParticipations } from './training-store';
import {
  createCourse,
  createParticipation,
  deleteCourse,
  deleteParticipation,
  trainingTotals,
  updateCourse,
  updateParticipation,
} from './training-service';

export const trainingHandlers = {
  'courses.create': createCourse,
  'courses.update': updateCourse,
  'courses.delete': deleteCourse,
  'courses.list': (ctx, input) => listCourses(ctx.db, input.year),
  'participations.create': createParticipation,
  'participations.update': updateParticipation,
  'participations.delete': deleteParticipation,
  'participations.list': (ctx, input) => listParticipations(ctx.db, input),
  'training.totals': trainingTotals,
} satisfies HandlerGroup;

/** Courses and the staff's participation (formazione). */
export const trainingModule = {
  name: 'municipality/training',
  handlers: trainingHandlers,
  kinds: [courseKind, participationKind],
  restorers: {
    course: (db, _dir, ev) => restoreCourseFromEvent(db, ev),
    participation: (db, _dir, ev) => restoreParticipationFromEvent(db, ev),
  },
} satisfies FeatureModule;
