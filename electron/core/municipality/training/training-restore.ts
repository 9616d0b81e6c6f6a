/** Re-materializes courses and participations from our own recovered events (recovery/recovery-apply.ts). */
import type Database from 'better-sqlite3';
import type { CourseData, ParticipationData } from '../../../../shared/records/training';
import { stmt } from '../../platform/store/statements';
import type { RecoveredEvent } from '../../platform/records/recovered-event';
import { upsertCourse, upsertParticipation } from './training-store';

export function restoreCourseFromEvent(db: Database.Database, ev: RecoveredEvent<CourseData>): void {
  if (ev.op === 'delete' || !ev.data) stmt(db, 'DELETE FROM courses WHERE id = ?').run(ev.id);
  else upsertCourse(db, ev.id, ev.data, ev.at);
}

export function restoreParticipationFromEvent(db: Database.Database, ev: RecoveredEvent<ParticipationData>): void {
  if (ev.op === 'delete' || !ev.data) stmt(db, 'DELETE FROM participations WHERE id = ?').run(ev.id);
  else upsertParticipation(db, ev.id, ev.data, ev.at);
}
