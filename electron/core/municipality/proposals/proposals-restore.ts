/**
 * Re-materializes a proposal from one of our own recovered events (recovery/recovery-apply.ts):
 * the row as proposals-service saves it, and its attachments listed in the attachments table
 * when their file is in the data folder (the recovery bundle carries the files the hub holds;
 * the import stored them under <data dir>/attachments/<sha256>). Returns the files missing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { ProposalData } from '../../../../shared/records/proposals';
import { ATTACHMENTS_DIR } from '../../sync/attachments/attachment-store';
import { stmt } from '../../platform/store/statements';
import type { RecoveredEvent } from '../../platform/records/recovered-event';

export function restoreProposalFromEvent(db: Database.Database, dataDir: string, ev: RecoveredEvent<ProposalData>): string[] {
  if (ev.op === 'delete' || !ev.data) {
    stmt(db, 'DELETE FROM proposals WHERE id = ?').run(ev.id);
    return [];
  }
  const d = ev.data;
  stmt(
    db,
    `INSERT INTO proposals (id, status, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET status = excluded.status, data = excluded.data, updated_at = excluded.updated_at`,
  ).run(ev.id, d.status, JSON.stringify(d), ev.at, ev.at);
  const missing: string[] = [];
  for (const a of d.attachments) {
    if (!existsSync(join(dataDir, ATTACHMENTS_DIR, a.sha256))) {
      missing.push(a.sha256);
      continue;
    }
    stmt(db, 'INSERT INTO attachments (sha256, bytes, type, stored_at) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING').run(a.sha256, a.bytes, a.type, ev.at);
  }
  return missing;
}
