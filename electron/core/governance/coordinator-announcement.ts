/**
 * The Technical Committee's coordinator on the members (issue 15): the hub announces the
 * Technical Director's name (Executive Committee settings) in its `committee_coordinator` record,
 * written in the transaction that saves the settings, so every member's roster names the
 * coordinator as the hub's does. On a municipality the projector keeps the name in a setting.
 */
import type Database from 'better-sqlite3';
import { committeeCoordinatorKind, type CommitteeCoordinatorData } from '../../../shared/records/committee';
import type { AppContext } from '../platform/context';
import type { Projector } from '../platform/records/projector';
import { stmt } from '../platform/store/statements';
import { announce } from '../sync/records/announcement';
import { operatorName } from '../sync/records/record-events';

const SETTING = 'committee.coordinatorFromHub';

/** Hub: the record follows the Technical Director's name (empty: no coordinator, deleted). */
export function announceCoordinator(ctx: AppContext, technicalDirector: string): void {
  announce(ctx, committeeCoordinatorKind, technicalDirector ? { name: technicalDirector, updated_by: operatorName(ctx) } : null, (a, b) => a.name === b.name);
}

/** Municipality: the coordinator the hub announced, or null. */
export function announcedCoordinator(db: Database.Database): string | null {
  return (stmt(db, 'SELECT value FROM settings WHERE key = ?').pluck().get(SETTING) as string | undefined) ?? null;
}

function writeAnnouncedCoordinator(db: Database.Database, name: string | null): void {
  if (name === null) stmt(db, 'DELETE FROM settings WHERE key = ?').run(SETTING);
  else stmt(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(SETTING, name);
}

/**
 * Municipality: sets (or, on a delete, clears) the whole value, so applying it again changes
 * nothing and a fork rewind's replay ends on the hub's last word.
 */
export const coordinatorProjector: Projector = {
  kind: committeeCoordinatorKind.kind,
  open(db) {
    return {
      project(change) {
        writeAnnouncedCoordinator(db, change.data ? (change.data as unknown as CommitteeCoordinatorData).name : null);
      },
      close() {},
    };
  },
};
