import type Database from 'better-sqlite3';

/**
 * One of our own events given back by the hub's recovery copy, already checked (envelope,
 * chain, kind's schema): what each feature's "restore from event" function receives.
 */
export interface RecoveredEvent<D = unknown> {
  seq: number;
  /** When the change was made (the event's `at`): the restored row's updated_at. */
  at: string;
  kind: string;
  op: 'put' | 'delete';
  id: string;
  /** The parsed `data` (the kind's schema output) for a put; null for a delete. */
  data: D | null;
}

/**
 * Rebuilds one of our own records from a recovered event (a feature's restorer); returns the
 * attachment files the restored record names but the data folder lacks.
 */
export type RestoreFn = (db: Database.Database, dataDir: string, ev: RecoveredEvent<never>) => string[] | void;
