/**
 * Hub: training received from members, kept incrementally while their bundles are applied
 * (never recomputed from the events). Hours are filed by member and by the year of the course's
 * start date; a participation may refer to a course of the member (`course`, its year kept in
 * hub_training_courses) or to a course the hub offers (`offered_course`, in hub_courses).
 * Moving a course to another year moves its totals. Year 0: a course unknown here.
 */
import type Database from 'better-sqlite3';
import type { Projector } from '../../platform/records/projector';
import { stmt } from '../../platform/store/statements';

interface Totals {
  participations: number;
  completed: number;
  hours: number;
}

function addYearly(db: Database.Database, owner: string, year: number, t: Totals, sign: 1 | -1): void {
  stmt(
    db,
    `INSERT INTO hub_training_yearly (owner, year, participations, completed, hours_milli) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (owner, year) DO UPDATE SET participations = participations + excluded.participations,
       completed = completed + excluded.completed, hours_milli = hours_milli + excluded.hours_milli`,
  ).run(owner, year, sign * t.participations, sign * t.completed, sign * t.hours);
  stmt(db, 'DELETE FROM hub_training_yearly WHERE owner = ? AND year = ? AND participations = 0 AND hours_milli = 0').run(owner, year);
}

function addCourseTotals(db: Database.Database, owner: string, courseId: string, t: Totals, sign: 1 | -1): void {
  stmt(
    db,
    `INSERT INTO hub_training_course_totals (owner, course_id, participations, completed, hours_milli) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (owner, course_id) DO UPDATE SET participations = participations + excluded.participations,
       completed = completed + excluded.completed, hours_milli = hours_milli + excluded.hours_milli`,
  ).run(owner, courseId, sign * t.participations, sign * t.completed, sign * t.hours);
}

/** The year a course is filed under: the member's own course, else the hub's offered one, else 0. */
export function courseYear(db: Database.Database, courseId: string): number {
  const own = stmt(db, 'SELECT year FROM hub_training_courses WHERE id = ?').pluck().get(courseId) as number | undefined;
  if (own !== undefined) return own;
  const offered = stmt(db, 'SELECT start_date FROM hub_courses WHERE id = ?').pluck().get(courseId) as string | undefined;
  return offered ? Number(offered.slice(0, 4)) : 0;
}

function moveCourse(db: Database.Database, owner: string, courseId: string, from: number, to: number): void {
  const t = stmt(db, 'SELECT participations, completed, hours_milli AS hours FROM hub_training_course_totals WHERE owner = ? AND course_id = ?').get(owner, courseId) as
    | Totals
    | undefined;
  if (!t || (t.participations === 0 && t.hours === 0)) return;
  addYearly(db, owner, from, t, -1);
  addYearly(db, owner, to, t, 1);
}

/** The hub moved one of its courses to another year: every member's hours in it follow. */
export function moveOfferedCourseYear(db: Database.Database, courseId: string, from: number, to: number): void {
  const owners = stmt(db, 'SELECT owner FROM hub_training_course_totals INDEXED BY hub_training_course_totals_by_course WHERE course_id = ?').pluck().all(courseId) as string[];
  for (const owner of owners) moveCourse(db, owner, courseId, from, to);
}

export const memberCourseProjector: Projector = {
  kind: 'course',
  open(db) {
    return {
      project(change) {
        if (!change.data) return; // a member deletes only a course without participations
        const year = Number(String(change.data.start_date).slice(0, 4));
        const before = stmt(db, 'SELECT year FROM hub_training_courses WHERE id = ?').pluck().get(change.id) as number | undefined;
        stmt(db, 'INSERT INTO hub_training_courses (id, owner, year) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET year = excluded.year').run(change.id, change.owner, year);
        if (before === undefined) {
          // Participations that arrived before their course (not in one stream, but be safe).
          moveCourse(db, change.owner, change.id, 0, year);
        } else if (before !== year) {
          moveCourse(db, change.owner, change.id, before, year);
        }
      },
      close() {},
    };
  },
  reset(db, owner) {
    stmt(db, 'DELETE FROM hub_training_courses WHERE owner = ?').run(owner);
  },
};

function participationTotals(d: Record<string, unknown>): { courseId: string; t: Totals } {
  return { courseId: String(d.course_id), t: { participations: 1, completed: d.completed === true ? 1 : 0, hours: Number(d.hours_milli) } };
}

export const participationProjector: Projector = {
  kind: 'participation',
  open(db) {
    const apply = (owner: string, d: Record<string, unknown>, sign: 1 | -1) => {
      const { courseId, t } = participationTotals(d);
      addCourseTotals(db, owner, courseId, t, sign);
      addYearly(db, owner, courseYear(db, courseId), t, sign);
    };
    return {
      project(change) {
        if (change.previous) apply(change.owner, change.previous, -1);
        if (change.data) apply(change.owner, change.data, 1);
      },
      close() {},
    };
  },
  reset(db, owner) {
    stmt(db, 'DELETE FROM hub_training_course_totals WHERE owner = ?').run(owner);
    stmt(db, 'DELETE FROM hub_training_yearly WHERE owner = ?').run(owner);
  },
};

/** Staff registered by each member (active ones give "hours per employee"). */
export const staffCountProjector: Projector = {
  kind: 'staff',
  open(db) {
    return {
      project(change) {
        const was = change.previous ? 1 : 0;
        const is = change.data ? 1 : 0;
        const wasActive = change.previous?.active === true ? 1 : 0;
        const isActive = change.data?.active === true ? 1 : 0;
        if (was === is && wasActive === isActive) return;
        stmt(
          db,
          `INSERT INTO hub_staff_counts (owner, staff, active_staff) VALUES (?, ?, ?)
           ON CONFLICT (owner) DO UPDATE SET staff = staff + excluded.staff, active_staff = active_staff + excluded.active_staff`,
        ).run(change.owner, is - was, isActive - wasActive);
      },
      close() {},
    };
  },
  reset(db, owner) {
    stmt(db, 'DELETE FROM hub_staff_counts WHERE owner = ?').run(owner);
  },
};
