/** Read-side of bundles: pending queue, forks, history (exports and receptions). */
import type Database from 'better-sqlite3';
import type { BundleErrorCode } from '../../../../shared/api/errors';
import type { BundleFork, BundleHistory, ForkDecision, BundleOutcome, PendingBundle } from '../../../../shared/domain/bundles';
import type { Role } from '../../../../shared/domain/ids';

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

interface ForkQueryRow {
  fork_no: number;
  peer_no: number;
  kind: Role;
  id: string;
  name: string;
  applied_seq: number;
  seq: number;
  stored_line: Buffer | null;
  stored_hash: Buffer | null;
  received_line: Buffer | null;
  received_hash: Buffer | null;
  file_sha256: string;
  detected_at: string;
  resolution: ForkDecision | null;
  resolved_by: string | null;
  resolved_at: string | null;
  resolution_note: string | null;
  events_removed: number;
  events_applied: number;
}

/** Open forks first (oldest first), then the decided ones (latest decision first) as the history. */
export function listForks(db: Database.Database, forkNo?: number): BundleFork[] {
  const rows = db
    .prepare(
      `SELECT f.*, p.kind, p.id, p.name, p.applied_seq FROM bundle_forks f JOIN peers p ON p.peer_no = f.peer_no
       ${forkNo === undefined ? '' : 'WHERE f.fork_no = ?'}
       ORDER BY f.resolution IS NOT NULL, CASE WHEN f.resolution IS NULL THEN f.detected_at END, f.resolved_at DESC, f.fork_no`,
    )
    .all(...(forkNo === undefined ? [] : [forkNo])) as ForkQueryRow[];
  const file = db.prepare(
    'SELECT original_name AS name, received_at AS receivedAt, first_seq AS first, last_seq AS last FROM received_bundles WHERE file_sha256 = ? ORDER BY reception_no LIMIT 1',
  );
  // The bundle that brought our version: the first applied file of that sender covering the seq.
  const storedFrom = db.prepare(
    `SELECT original_name AS name, received_at AS receivedAt FROM received_bundles
     WHERE sender_kind = ? AND sender_id = ? AND outcome = 'applied' AND first_seq <= ? AND last_seq >= ? AND file_sha256 <> ?
     ORDER BY reception_no LIMIT 1`,
  );
  return rows.map((r) => {
    const f = file.get(r.file_sha256) as { name: string; receivedAt: string; first: number | null; last: number | null } | undefined;
    const range = f && f.first !== null && f.last !== null ? { first: f.first, last: f.last } : null;
    const from = storedFrom.get(r.kind, r.id, r.seq, r.seq, r.file_sha256) as { name: string; receivedAt: string } | undefined;
    return {
      forkNo: r.fork_no,
      sender: { kind: r.kind, id: r.id, name: r.name },
      seq: r.seq,
      storedLine: r.stored_line?.toString('utf8') ?? null,
      storedHash: r.stored_hash?.toString('hex') ?? null,
      receivedLine: r.received_line?.toString('utf8') ?? null,
      receivedHash: r.received_hash?.toString('hex') ?? null,
      sha256: r.file_sha256,
      detectedAt: r.detected_at,
      file: { name: f?.name ?? r.file_sha256, receivedAt: f?.receivedAt ?? r.detected_at, range },
      storedFrom: from ?? null,
      appliedSeq: r.applied_seq,
      // A line fork: the file carries its own version of event `seq` and everything after it.
      canAccept: r.received_line !== null && range !== null && range.first <= r.seq,
      resolution:
        r.resolution && r.resolved_at
          ? { decision: r.resolution, by: r.resolved_by ?? '', at: r.resolved_at, note: r.resolution_note ?? '', eventsRemoved: r.events_removed, eventsApplied: r.events_applied }
          : null,
    };
  });
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
