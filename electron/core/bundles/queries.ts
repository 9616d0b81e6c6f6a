/** Read-side of bundles: pending queue, forks, history (exports and receptions). */
import type Database from 'better-sqlite3';
import type { BundleErrorCode } from '../../../shared/api/errors';
import type { BundleFork, BundleHistory, BundleOutcome, PendingBundle } from '../../../shared/domain/bundles';
import type { Role } from '../../../shared/domain/ids';

interface ReceptionRow {
  file_sha256: string;
  original_name: string;
  received_at: string;
  size: number;
  outcome: BundleOutcome | 'received';
  code: string | null;
  message: string | null;
  sender_kind: Role | null;
  sender_id: string | null;
  first_seq: number | null;
  last_seq: number | null;
  events_applied: number;
}

export function pendingBundles(db: Database.Database): PendingBundle[] {
  const rows = db
    .prepare(
      `SELECT r.*, p.applied_seq FROM received_bundles r
       LEFT JOIN peers p ON p.kind = r.sender_kind AND p.id = r.sender_id
       WHERE r.outcome IN ('pending', 'kept')
       AND r.reception_no = (SELECT MIN(reception_no) FROM received_bundles x WHERE x.file_sha256 = r.file_sha256 AND x.outcome IN ('pending', 'kept'))
       ORDER BY r.sender_kind, r.sender_id, r.first_seq`,
    )
    .all() as (ReceptionRow & { applied_seq: number | null })[];
  return rows.map((r) => ({
    sha256: r.file_sha256,
    file: r.original_name,
    receivedAt: r.received_at,
    outcome: r.outcome as 'pending' | 'kept',
    code: r.code as BundleErrorCode | null,
    sender: r.sender_kind && r.sender_id ? { kind: r.sender_kind, id: r.sender_id } : null,
    range: r.first_seq !== null && r.last_seq !== null ? { first: r.first_seq, last: r.last_seq } : null,
    missing: r.outcome === 'pending' && r.first_seq !== null ? { first: (r.applied_seq ?? 0) + 1, last: r.first_seq - 1 } : null,
    message: r.message ?? '',
  }));
}

export function listForks(db: Database.Database): BundleFork[] {
  const rows = db
    .prepare(
      `SELECT f.*, p.kind, p.id, p.name FROM bundle_forks f JOIN peers p ON p.peer_no = f.peer_no ORDER BY f.detected_at, f.fork_no`,
    )
    .all() as {
    kind: Role;
    id: string;
    name: string;
    seq: number;
    stored_line: Buffer | null;
    stored_hash: Buffer | null;
    received_line: Buffer | null;
    received_hash: Buffer | null;
    file_sha256: string;
    detected_at: string;
  }[];
  return rows.map((r) => ({
    sender: { kind: r.kind, id: r.id, name: r.name },
    seq: r.seq,
    storedLine: r.stored_line?.toString('utf8') ?? null,
    storedHash: r.stored_hash?.toString('hex') ?? null,
    receivedLine: r.received_line?.toString('utf8') ?? null,
    receivedHash: r.received_hash?.toString('hex') ?? null,
    sha256: r.file_sha256,
    detectedAt: r.detected_at,
  }));
}

export function bundleHistory(db: Database.Database, limit = 500): BundleHistory {
  const exports = db
    .prepare('SELECT * FROM bundle_exports ORDER BY export_no DESC LIMIT ?')
    .all(limit) as {
    bundle_id: string;
    created_at: string;
    recipient_kind: Role;
    recipient_id: string;
    first_seq: number;
    last_seq: number;
    events: number;
    bytes: number;
    file_name: string;
    encrypted: number;
    acknowledged: number;
    acknowledged_at: string | null;
  }[];
  const receptions = db.prepare('SELECT * FROM received_bundles ORDER BY reception_no DESC LIMIT ?').all(limit) as ReceptionRow[];
  return {
    exports: exports.map((e) => ({
      bundleId: e.bundle_id,
      createdAt: e.created_at,
      recipient: { kind: e.recipient_kind, id: e.recipient_id },
      range: { first: e.first_seq, last: e.last_seq },
      events: e.events,
      bytes: e.bytes,
      fileName: e.file_name,
      encrypted: e.encrypted === 1,
      acknowledged: e.acknowledged === 1,
      acknowledgedAt: e.acknowledged_at,
    })),
    receptions: receptions.map((r) => ({
      sha256: r.file_sha256,
      file: r.original_name,
      receivedAt: r.received_at,
      size: r.size,
      outcome: r.outcome,
      code: r.code,
      message: r.message,
      sender: r.sender_kind && r.sender_id ? { kind: r.sender_kind, id: r.sender_id } : null,
      range: r.first_seq !== null && r.last_seq !== null ? { first: r.first_seq, last: r.last_seq } : null,
      eventsApplied: r.events_applied,
    })),
  };
}
