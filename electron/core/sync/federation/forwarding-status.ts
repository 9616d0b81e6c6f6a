/**
 * On a provincial hub: what it forwarded to the regional hub so far (`federation_forwarded`,
 * one row a member file, stamped when it was first written to a forwarding folder), for the
 * status card of its settings.
 */
import type Database from 'better-sqlite3';
import type { RegionalStatus } from '../../../../shared/domain/federation';

export function forwardedSoFar(db: Database.Database): RegionalStatus['forwarded'] {
  return db.prepare('SELECT COUNT(*) AS files, MAX(forwarded_at) AS lastAt FROM federation_forwarded').get() as RegionalStatus['forwarded'];
}
