import type Database from 'better-sqlite3';

/**
 * The triggers that make our event log append-only (migration 002). Dropped, the log can be
 * cut or rewritten without SQLite refusing; `cst check` names any that is missing.
 */
export const APPEND_ONLY_TRIGGERS = ['outbox_no_update', 'outbox_no_delete'] as const;

export function missingAppendOnlyTriggers(db: Database.Database): string[] {
  const present = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[]);
  return APPEND_ONLY_TRIGGERS.filter((name) => !present.has(name));
}
