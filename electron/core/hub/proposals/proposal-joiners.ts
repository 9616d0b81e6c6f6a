/**
 * Who joined a proposal (issue 13 item 5), on either role: read from `shared_proposal_joins`,
 * which the hub writes when it relays a member's join and a municipality receives from the
 * hub's stream. Members are named by town (the registry, else ISTAT's list), never by code.
 */
import type Database from 'better-sqlite3';
import type { Joiner } from '../../../../shared/domain/proposal-joins';
import type { SharedJoinData } from '../../../../shared/records/proposal-joins';
import { findMunicipality } from '../../platform/reference/municipalities';
import { stmt } from '../../platform/store/statements';

/** A member's name: the registry's (what the hub sent), else ISTAT's list, else its code. */
export function memberName(db: Database.Database, istat: string): string {
  const registry = stmt(db, 'SELECT name FROM members WHERE istat = ?').pluck().get(istat) as string | undefined;
  return registry ?? findMunicipality(istat)?.name ?? istat;
}

/**
 * The members that joined a proposal and have not withdrawn, by town name. `proposer` narrows
 * to one proposer's proposal (a proposal's identity is (owner, id)); the hub's own views key
 * proposals by id alone, as hub_proposals does.
 */
export function joinersOf(db: Database.Database, proposalId: string, proposer?: string): Joiner[] {
  const rows = stmt(
    db,
    `SELECT joiner, data FROM shared_proposal_joins
     WHERE proposal_id = @proposalId AND (@proposer IS NULL OR proposer = @proposer) AND status = 'joined'`,
  ).all({ proposalId, proposer: proposer ?? null }) as { joiner: string; data: string }[];
  return rows
    .map((r) => {
      const d = JSON.parse(r.data) as SharedJoinData;
      return { istat: r.joiner, name: memberName(db, r.joiner), note: d.note, joinedAt: d.changed_at };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'it') || a.istat.localeCompare(b.istat));
}

/** Writes (or removes) one relayed join: the hub when it relays, a municipality when it receives. */
export function writeSharedJoin(db: Database.Database, recordId: string, d: SharedJoinData | null, at: string): void {
  if (!d) {
    stmt(db, 'DELETE FROM shared_proposal_joins WHERE record_id = ?').run(recordId);
    return;
  }
  stmt(
    db,
    `INSERT INTO shared_proposal_joins (record_id, proposer, proposal_id, joiner, status, data, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (record_id) DO UPDATE SET status = excluded.status, data = excluded.data, updated_at = excluded.updated_at`,
  ).run(recordId, d.proposer, d.proposal_id, d.joiner, d.status, JSON.stringify(d), at);
}

/** Writes (or removes) one published proposal, on either role. */
export function writeSharedProposal(db: Database.Database, recordId: string, d: { proposer: string; proposal_id: string; status: string; submitted_at: string | null } | null, at: string): void {
  if (!d) {
    stmt(db, 'DELETE FROM shared_proposals WHERE record_id = ?').run(recordId);
    return;
  }
  stmt(
    db,
    `INSERT INTO shared_proposals (record_id, proposer, proposal_id, status, submitted_at, data, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (record_id) DO UPDATE SET status = excluded.status, submitted_at = excluded.submitted_at, data = excluded.data, updated_at = excluded.updated_at`,
  ).run(recordId, d.proposer, d.proposal_id, d.status, d.submitted_at, JSON.stringify(d), at);
}
