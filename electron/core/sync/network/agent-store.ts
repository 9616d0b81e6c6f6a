/**
 * The sync agent's tables (migration 015): the outgoing spool and the agent's one status row.
 * Paths in the spool are relative to the data directory, so a moved data folder still works.
 */
import type Database from 'better-sqlite3';

export const OUTGOING_DIR = 'sync/outgoing';
export const INCOMING_DIR = 'sync/incoming';

export type SpoolState = 'spooled' | 'uploaded' | 'delivered';

export interface SpoolEntry {
  sha256: string;
  recipient: string;
  /** Relative to the data directory. */
  path: string;
  bytes: number;
  firstSeq: number;
  lastSeq: number;
  ackSeq: number | null;
  createdAt: string;
  uploadedAt: string | null;
  deliveredAt: string | null;
  state: SpoolState;
}

interface SpoolRow {
  sha256: string;
  recipient: string;
  path: string;
  bytes: number;
  first_seq: number;
  last_seq: number;
  ack_seq: number | null;
  created_at: string;
  uploaded_at: string | null;
  delivered_at: string | null;
  state: SpoolState;
}

function fromRow(r: SpoolRow): SpoolEntry {
  return {
    sha256: r.sha256,
    recipient: r.recipient,
    path: r.path,
    bytes: r.bytes,
    firstSeq: r.first_seq,
    lastSeq: r.last_seq,
    ackSeq: r.ack_seq,
    createdAt: r.created_at,
    uploadedAt: r.uploaded_at,
    deliveredAt: r.delivered_at,
    state: r.state,
  };
}

export function insertSpool(db: Database.Database, e: Omit<SpoolEntry, 'uploadedAt' | 'deliveredAt' | 'state'>): void {
  db.prepare(
    `INSERT INTO sync_outgoing (sha256, recipient, path, bytes, first_seq, last_seq, ack_seq, created_at, state)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'spooled')`,
  ).run(e.sha256, e.recipient, e.path, e.bytes, e.firstSeq, e.lastSeq, e.ackSeq, e.createdAt);
}

/** Spooled files not yet complete, oldest first, wherever they go. */
export function unsentSpool(db: Database.Database): SpoolEntry[] {
  return (db.prepare("SELECT * FROM sync_outgoing WHERE state = 'spooled' ORDER BY created_at, sha256").all() as SpoolRow[]).map(fromRow);
}

/**
 * A spool row's recipient for a file that goes to another installation's mailbox rather than
 * through our own courier: `<place>:<recipient>` (federation: the regional hub's bundles for a
 * province go to that province's mailbox, inbox `hub`: `CST-PU:hub`). Our own rounds resume the
 * rows without a place; whoever serves a place resumes its own (federation/mailbox-collect.ts).
 */
export function spoolRecipient(place: string | null, recipient: string): string {
  return place === null ? recipient : `${place}:${recipient}`;
}

/** The courier's recipient of a spool row (`hub`, an ISTAT code, `regional`): without its place. */
export function courierRecipient(spooled: string): string {
  return spooled.slice(spooled.lastIndexOf(':') + 1);
}

/** Spooled files not yet complete at the courier of `place` (null: our own), oldest first: each round resumes them. */
export function unsentSpoolAt(db: Database.Database, place: string | null): SpoolEntry[] {
  const rows =
    place === null
      ? db.prepare("SELECT * FROM sync_outgoing WHERE state = 'spooled' AND instr(recipient, ':') = 0 ORDER BY created_at, sha256").all()
      : db.prepare("SELECT * FROM sync_outgoing WHERE state = 'spooled' AND substr(recipient, 1, length(?) + 1) = ? || ':' ORDER BY created_at, sha256").all(place, place);
  return (rows as SpoolRow[]).map(fromRow);
}

/** Forgets what was spooled for a recipient and not sent yet (it is no longer a party): the sweep removes the files. */
export function dropUnsentFor(db: Database.Database, recipient: string): void {
  db.prepare("DELETE FROM sync_outgoing WHERE recipient = ? AND state = 'spooled'").run(recipient);
}

/** The newest bundle for a recipient, whatever its state (the last one we sent). */
export function newestSent(db: Database.Database, recipient: string): SpoolEntry | null {
  const r = db.prepare('SELECT * FROM sync_outgoing WHERE recipient = ? ORDER BY created_at DESC, last_seq DESC LIMIT 1').get(recipient) as SpoolRow | undefined;
  return r ? fromRow(r) : null;
}

/** The highest acknowledgement of the recipient's stream that we put in a bundle for it. */
export function lastAckSent(db: Database.Database, recipient: string): number | null {
  return (db.prepare('SELECT max(ack_seq) FROM sync_outgoing WHERE recipient = ?').pluck().get(recipient) as number | null) ?? null;
}

export function markUploaded(db: Database.Database, sha256: string, at: string): void {
  db.prepare("UPDATE sync_outgoing SET state = 'uploaded', uploaded_at = ? WHERE sha256 = ? AND state = 'spooled'").run(at, sha256);
}

export function markDelivered(db: Database.Database, sha256: string, at: string): void {
  db.prepare("UPDATE sync_outgoing SET state = 'delivered', uploaded_at = coalesce(uploaded_at, ?), delivered_at = ? WHERE sha256 = ?").run(at, at, sha256);
}

export function dropSpool(db: Database.Database, sha256: string): void {
  db.prepare('DELETE FROM sync_outgoing WHERE sha256 = ?').run(sha256);
}

export function countUnsent(db: Database.Database): number {
  return db.prepare("SELECT count(*) FROM sync_outgoing WHERE state = 'spooled'").pluck().get() as number;
}

/** The agent's status row. */
export interface AgentRow {
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  consecutiveFailures: number;
  lastError: { key: string; params: Record<string, string | number>; reason: string | null } | null;
  lastRound: { at: string; sent: number; received: number; applied: number } | null;
  rosterSerial: number;
  rosterDigest: string | null;
}

export function readAgentRow(db: Database.Database): AgentRow {
  const r = db.prepare('SELECT * FROM sync_agent WHERE one = 1').get() as
    | {
        last_success_at: string | null;
        last_attempt_at: string | null;
        next_attempt_at: string | null;
        consecutive_failures: number;
        last_error_key: string | null;
        last_error_params: string | null;
        last_error_reason: string | null;
        last_round: string | null;
        roster_serial: number;
        roster_digest: string | null;
      }
    | undefined;
  if (!r) return { lastSuccessAt: null, lastAttemptAt: null, nextAttemptAt: null, consecutiveFailures: 0, lastError: null, lastRound: null, rosterSerial: 0, rosterDigest: null };
  return {
    lastSuccessAt: r.last_success_at,
    lastAttemptAt: r.last_attempt_at,
    nextAttemptAt: r.next_attempt_at,
    consecutiveFailures: r.consecutive_failures,
    lastError: r.last_error_key ? { key: r.last_error_key, params: JSON.parse(r.last_error_params ?? '{}') as Record<string, string | number>, reason: r.last_error_reason } : null,
    lastRound: r.last_round ? (JSON.parse(r.last_round) as AgentRow['lastRound']) : null,
    rosterSerial: r.roster_serial,
    rosterDigest: r.roster_digest,
  };
}

export function recordAttempt(db: Database.Database, at: string): void {
  db.prepare('UPDATE sync_agent SET last_attempt_at = ? WHERE one = 1').run(at);
}

export function recordSuccess(db: Database.Database, at: string, round: NonNullable<AgentRow['lastRound']>, nextAttemptAt: string | null): void {
  db.prepare(
    `UPDATE sync_agent SET last_success_at = ?, consecutive_failures = 0, last_error_key = NULL, last_error_params = NULL,
       last_error_reason = NULL, last_round = ?, next_attempt_at = ? WHERE one = 1`,
  ).run(at, JSON.stringify(round), nextAttemptAt);
}

export function recordFailure(db: Database.Database, error: { key: string; params: Record<string, string | number>; reason: string }, nextAttemptAt: string | null): number {
  db.prepare(
    `UPDATE sync_agent SET consecutive_failures = consecutive_failures + 1, last_error_key = ?, last_error_params = ?,
       last_error_reason = ?, next_attempt_at = ? WHERE one = 1`,
  ).run(error.key, JSON.stringify(error.params), error.reason, nextAttemptAt);
  return readAgentRow(db).consecutiveFailures;
}

export function recordNextAttempt(db: Database.Database, at: string | null): void {
  db.prepare('UPDATE sync_agent SET next_attempt_at = ? WHERE one = 1').run(at);
}

export function recordRoster(db: Database.Database, serial: number, digest: string): void {
  db.prepare('UPDATE sync_agent SET roster_serial = ?, roster_digest = ? WHERE one = 1').run(serial, digest);
}
