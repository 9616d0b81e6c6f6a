import type Database from 'better-sqlite3';
import { appError } from '../../platform/errors';
import { isHubCourse } from '../../hub/records/hub-store';

/**
 * A course offered by the consortium is the hub's record, shown among the municipality's
 * courses so that participations can refer to it: the municipality cannot change or delete it
 * (it would write a `course` event with the hub's record id).
 */
export function refuseHubCourse(db: Database.Database, id: string): void {
  if (isHubCourse(db, id)) {
    throw appError('training.hubCourse', {}, { field: 'id' });
  }
}
