/**
 * Re-materializes one of our joins from our own recovered event (recovery/recovery-apply.ts):
 * the row exactly as joins-service saves it.
 */
import type Database from 'better-sqlite3';
import type { ProposalJoinData } from '../../../../shared/records/proposal-joins';
import type { RecoveredEvent } from '../../platform/records/recovered-event';
import { stmt } from '../../platform/store/statements';

export function restoreJoinFromEvent(db: Database.Database, ev: RecoveredEvent<ProposalJoinData>): void {
  if (ev.op === 'delete' || !ev.data) {
    stmt(db, 'DELETE FROM proposal_joins WHERE id = ?').run(ev.id);
    return;
  }
  writeJoinRow(db, ev.id, ev.data, ev.at);
}

export function writeJoinRow(db: Database.Database, id: string, d: ProposalJoinData, at: string): void {
  stmt(
    db,
    `INSERT INTO proposal_joins (id, proposer, proposal_id, status, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET status = excluded.status, data = excluded.data, updated_at = excluded.updated_at`,
  ).run(id, d.proposer, d.proposal_id, d.status, JSON.stringify(d), at, at);
}
