import type Database from 'better-sqlite3';
import type { BundleErrorCode } from '../../../../shared/api/errors';
import type { BundleOutcome } from '../../../../shared/domain/bundles';
import type { Role } from '../../../../shared/domain/ids';

export interface ReceptionUpdate {
  outcome: BundleOutcome;
  code: BundleErrorCode | null;
  message: string;
  detail: string | null;
  sender: { kind: Role; id: string } | null;
  firstSeq: number | null;
  lastSeq: number | null;
  bundleId: string | null;
  eventsApplied: number;
  at: string;
}

/** Written before any check: the archive and this row exist whatever the outcome. */
export function insertReception(db: Database.Database, r: { sha256: string; name: string; at: string; size: number }): number {
  const info = db
    .prepare("INSERT INTO received_bundles (file_sha256, original_name, received_at, size, outcome) VALUES (?, ?, ?, ?, 'received')")
    .run(r.sha256, r.name, r.at, r.size);
  return Number(info.lastInsertRowid);
}

function updateParams(u: ReceptionUpdate) {
  return [u.outcome, u.code, u.message, u.detail, u.sender?.kind ?? null, u.sender?.id ?? null, u.firstSeq, u.lastSeq, u.bundleId, u.eventsApplied, u.at];
}

const SET = `outcome = ?, code = ?, message = ?, detail = ?, sender_kind = ?, sender_id = ?, first_seq = ?, last_seq = ?, bundle_id = ?, events_applied = ?, decided_at = ?`;

export function finishReception(db: Database.Database, receptionNo: number, u: ReceptionUpdate): void {
  db.prepare(`UPDATE received_bundles SET ${SET} WHERE reception_no = ?`).run(...updateParams(u), receptionNo);
}

/** A kept or pending file decided later: every reception of that file still waiting takes the outcome. */
export function finishWaitingReceptions(db: Database.Database, sha256: string, u: ReceptionUpdate): void {
  db.prepare(`UPDATE received_bundles SET ${SET} WHERE file_sha256 = ? AND outcome IN ('pending', 'kept', 'received')`).run(...updateParams(u), sha256);
}

export interface WaitingFile {
  sha256: string;
  name: string;
  outcome: 'pending' | 'kept';
  firstSeq: number | null;
}

export function waitingFiles(db: Database.Database, sender: { kind: Role; id: string }, outcomes: ('pending' | 'kept')[]): WaitingFile[] {
  const marks = outcomes.map(() => '?').join(', ');
  return db
    .prepare(
      `SELECT file_sha256 AS sha256, MIN(original_name) AS name, MIN(outcome) AS outcome, MIN(first_seq) AS firstSeq
       FROM received_bundles WHERE sender_kind = ? AND sender_id = ? AND outcome IN (${marks})
       GROUP BY file_sha256 ORDER BY MIN(first_seq), file_sha256`,
    )
    .all(sender.kind, sender.id, ...outcomes) as WaitingFile[];
}

export function insertFork(
  db: Database.Database,
  f: { peerNo: number; seq: number; storedLine: Buffer | null; storedHash: Buffer | null; receivedLine: Buffer | null; receivedHash: Buffer | null; sha256: string; at: string },
): void {
  db.prepare(
    `INSERT OR IGNORE INTO bundle_forks (peer_no, seq, stored_line, stored_hash, received_line, received_hash, file_sha256, detected_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(f.peerNo, f.seq, f.storedLine, f.storedHash, f.receivedLine, f.receivedHash, f.sha256, f.at);
}

export interface ForkRow {
  forkNo: number;
  peerNo: number;
  seq: number;
  receivedLine: Buffer | null;
  sha256: string;
  resolution: 'keep' | 'accept' | null;
}

export function findFork(db: Database.Database, forkNo: number): ForkRow | null {
  const r = db
    .prepare('SELECT fork_no AS forkNo, peer_no AS peerNo, seq, received_line AS receivedLine, file_sha256 AS sha256, resolution FROM bundle_forks WHERE fork_no = ?')
    .get(forkNo) as ForkRow | undefined;
  return r ?? null;
}

/** The operator's decision (who, when, why): the fork leaves the open list for the history. */
export function resolveForkRow(
  db: Database.Database,
  forkNo: number,
  r: { decision: 'keep' | 'accept'; by: string; at: string; note: string; eventsRemoved: number; eventsApplied: number },
): void {
  db.prepare(
    `UPDATE bundle_forks SET resolution = ?, resolved_by = ?, resolved_at = ?, resolution_note = ?, events_removed = ?, events_applied = ?
     WHERE fork_no = ? AND resolution IS NULL`,
  ).run(r.decision, r.by, r.at, r.note, r.eventsRemoved, r.eventsApplied, forkNo);
}

/** The file refused as a fork, applied after the operator accepted its version: every reception of it says so. */
export function finishForkedReceptions(db: Database.Database, sha256: string, u: ReceptionUpdate): void {
  db.prepare(`UPDATE received_bundles SET ${SET} WHERE file_sha256 = ? AND outcome = 'refused' AND code = 'E_FORK'`).run(...updateParams(u), sha256);
}
