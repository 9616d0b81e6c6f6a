/**
 * On a provincial hub: what it forwarded to the regional hub so far (`federation_forwarded`,
 * one row a member file, stamped when it was first written to a forwarding folder or the mailbox;
 * those found encrypted to this hub alone counted apart, not-for-region.ts), for the
 * status card of its settings.
 */
import type Database from 'better-sqlite3';
import type { RegionalStatus } from '../../../../shared/domain/federation';

export function forwardedSoFar(db: Database.Database): RegionalStatus['forwarded'] {
  return db
    .prepare('SELECT COUNT(*) FILTER (WHERE not_for_region = 0) AS files, MAX(forwarded_at) FILTER (WHERE not_for_region = 0) AS lastAt, COUNT(*) FILTER (WHERE not_for_region = 1) AS notForRegion FROM federation_forwarded')
    .get() as RegionalStatus['forwarded'];
}
