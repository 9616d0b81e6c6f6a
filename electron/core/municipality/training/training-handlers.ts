import type { HandlerGroup } from '../../platform/api/handler-table';
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
