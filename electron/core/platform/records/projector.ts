/**
 * Per-kind projections of received records, kept incrementally inside the transaction that
 * applies a bundle (the hub must stay fast with ten years of every member's history: totals are
 * maintained, never recomputed). A projector sees each change with the record's previous state,
 * so it can subtract what an update or a delete takes away. Each feature module lists its
 * projectors (app/modules.ts derives the registry).
 *
 * A projector opens a session per bundle: it may accumulate in memory and write once in
 * close(), still inside the bundle's transaction (a million usage events touch a few hundred
 * service × month totals, not a million rows).
 */
import type Database from 'better-sqlite3';
import type { RestoreFn } from './recovered-event';

/**
 * A usage put's figures (service, month, quantity), as the verifying worker reads them
 * (format/bundle/pre-read.ts) and as the hub's monthly totals file them.
 */
export interface UsageFigures {
  service: string;
  /** YYYY-MM of the entry's date: the hub's monthly totals are filed by it. */
  month: string;
  quantityMilli: number;
}

export interface RecordChange {
  /** The owning installation's id (a municipality's ISTAT code, or the hub's id). */
  owner: string;
  kind: string;
  id: string;
  op: 'put' | 'delete';
  seq: number;
  /** The new state (put) or null (delete); may be parsed from the line only when read. */
  readonly data: Record<string, unknown> | null;
  /** The state before this event, or null if the record did not exist or was deleted. */
  previous: Record<string, unknown> | null;
  /**
   * A usage put's figures as the verifying worker read them (format/bundle/pre-read.ts), so the
   * usage totals need not parse a million lines again. Absent for other kinds and paths.
   */
  usage?: UsageFigures | null;
}

export interface ProjectorSession {
  project(change: RecordChange): void;
  /** Writes what was accumulated; runs inside the bundle's transaction. */
  close(): void;
}

export interface Projector {
  kind: string;
  open(db: Database.Database): ProjectorSession;
  /**
   * Forgets everything projected from one owner's records (a fork accepted by the operator:
   * electron/core/sync/forks/ then replays that owner's remaining events in order). A projector
   * without reset must be invertible: the rewind feeds it each removed event backwards.
   */
  reset?(db: Database.Database, owner: string): void;
}

/**
 * What the features contribute to applying and recovering records, derived once from the list
 * of feature modules (app/modules.ts) and passed in the context: the sync layer applies and
 * restores records without knowing which features exist.
 */
export interface RecordRegistry {
  /** In order: a later projector of the same kind may read what an earlier one wrote. */
  projectors: readonly Projector[];
  /** How each of our own record kinds is rebuilt from a recovered event, by kind. */
  restorers: Readonly<Record<string, RestoreFn>>;
}
