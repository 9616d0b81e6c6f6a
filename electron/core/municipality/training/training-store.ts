import type Database from 'better-sqlite3';
import { formatMilli } from '../../../../shared/domain/quantity';
import type { Course, Participation } from '../../../../shared/domain/training';
import type { CourseData, ParticipationData } from '../../../../shared/records/training';
import { stmt } from '../../platform/store/statements';

const COURSE_SELECT = `SELECT c.*, (SELECT count(*) FROM participations p WHERE p.course_id = c.id) AS participants,
                              (SELECT avg(evaluation) FROM participations p WHERE p.course_id = c.id) AS avg_eval
                       FROM courses c`;

interface CourseRow {
  id: string;
  title: string;
  area: string;
  start_date: string;
  end_date: string;
  hours_milli: number;
  mode: Course['mode'];
  provider: string;
  consortium: number;
  updated_by: string;
  updated_at: string;
  participants: number;
  avg_eval: number | null;
}

const oneDecimal = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

function toCourse(r: CourseRow): Course {
  return {
    id: r.id,
    title: r.title,
    area: r.area,
    startDate: r.start_date,
    endDate: r.end_date,
    hours: formatMilli(r.hours_milli),
    hoursMilli: r.hours_milli,
    mode: r.mode,
    provider: r.provider,
    consortium: r.consortium === 1,
    participants: r.participants,
    averageEvaluation: oneDecimal(r.avg_eval),
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  };
}

export function getCourse(db: Database.Database, id: string): Course | undefined {
  const r = stmt(db, `${COURSE_SELECT} WHERE c.id = ?`).get(id) as CourseRow | undefined;
  return r && toCourse(r);
}

export function listCourses(db: Database.Database, year?: number): Course[] {
  const rows = year
    ? stmt(db, `${COURSE_SELECT} WHERE c.start_date BETWEEN ? AND ? ORDER BY c.start_date DESC, c.title`).all(`${year}-01-01`, `${year}-12-31`)
    : stmt(db, `${COURSE_SELECT} ORDER BY c.start_date DESC, c.title`).all();
  return (rows as CourseRow[]).map(toCourse);
}

export function upsertCourse(db: Database.Database, id: string, d: CourseData, at: string): void {
  stmt(
    db,
    `INSERT INTO courses (id, title, area, start_date, end_date, hours_milli, mode, provider, consortium, updated_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, area = excluded.area, start_date = excluded.start_date,
       end_date = excluded.end_date, hours_milli = excluded.hours_milli, mode = excluded.mode, provider = excluded.provider,
       consortium = excluded.consortium, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  ).run(id, d.title, d.area, d.start_date, d.end_date, d.hours_milli, d.mode, d.provider, d.consortium ? 1 : 0, d.updated_by, at, at);
}

const PARTICIPATION_SELECT = `SELECT p.*, s.code AS staff_code, s.display_name AS staff_name, c.title AS course_title
                              FROM participations p JOIN staff s ON s.id = p.staff_id JOIN courses c ON c.id = p.course_id`;

interface ParticipationRow {
  id: string;
  staff_id: string;
  course_id: string;
  hours_milli: number;
  completed: number;
  evaluation: number | null;
  comment: string;
  updated_by: string;
  updated_at: string;
  staff_code: string;
  staff_name: string | null;
  course_title: string;
}

function toParticipation(r: ParticipationRow): Participation {
  return {
    id: r.id,
    staffId: r.staff_id,
    staffCode: r.staff_code,
    staffName: r.staff_name,
    courseId: r.course_id,
    courseTitle: r.course_title,
    hours: formatMilli(r.hours_milli),
    hoursMilli: r.hours_milli,
    completed: r.completed === 1,
    evaluation: r.evaluation,
    comment: r.comment,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  };
}

export function getParticipation(db: Database.Database, id: string): Participation | undefined {
  const r = stmt(db, `${PARTICIPATION_SELECT} WHERE p.id = ?`).get(id) as ParticipationRow | undefined;
  return r && toParticipation(r);
}

export function listParticipations(db: Database.Database, f: { courseId?: string; staffId?: string }): Participation[] {
  const rows = stmt(
    db,
    `${PARTICIPATION_SELECT} WHERE (@course IS NULL OR p.course_id = @course) AND (@staff IS NULL OR p.staff_id = @staff) ORDER BY c.start_date DESC, s.code`,
  ).all({ course: f.courseId ?? null, staff: f.staffId ?? null }) as ParticipationRow[];
  return rows.map(toParticipation);
}

export function upsertParticipation(db: Database.Database, id: string, d: ParticipationData, at: string): void {
  stmt(
    db,
    `INSERT INTO participations (id, staff_id, course_id, hours_milli, completed, evaluation, comment, updated_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET staff_id = excluded.staff_id, course_id = excluded.course_id, hours_milli = excluded.hours_milli,
       completed = excluded.completed, evaluation = excluded.evaluation, comment = excluded.comment,
       updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  ).run(id, d.staff_id, d.course_id, d.hours_milli, d.completed ? 1 : 0, d.evaluation, d.comment, d.updated_by, at, at);
}
