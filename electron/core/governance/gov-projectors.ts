/**
 * Municipality: the hub's governance records, applied while a hub bundle is applied (in its
 * transaction): the proposals' status and timeline, the plan's versions, the cost statements
 * and the consortium report. The hub's stream is the same for every member, so each member
 * holds every statement; its views read its own.
 */
import type Database from 'better-sqlite3';
import type { ConsortiumReportData, CostStatementData, PlanVersionData, ProposalStatusData } from '../../../shared/records/gov-records';
import type { Projector, RecordChange } from '../inbox/projectors';
import { stmt } from '../records/statements';
import { peerNoOf, receivedEventAt } from '../hub/event-at';
import { writePlanVersion, writeProposalStatus, writeReport, writeStatement } from './gov-store';

function atOf(db: Database.Database, change: RecordChange): string {
  const peerNo = peerNoOf(db, 'hub', change.owner);
  return (peerNo !== undefined && receivedEventAt(db, peerNo, change.seq)) || new Date(0).toISOString();
}

function simple(kind: string, put: (db: Database.Database, change: RecordChange, at: string) => void, remove: (db: Database.Database, change: RecordChange) => void): Projector {
  return {
    kind,
    open(db) {
      return {
        project(change) {
          if (change.data) put(db, change, atOf(db, change));
          else remove(db, change);
        },
        close() {},
      };
    },
  };
}

const prev = <T>(c: RecordChange) => c.previous as unknown as T | null;

export const GOV_PROJECTORS: readonly Projector[] = [
  simple(
    'proposal_status',
    (db, c, at) => writeProposalStatus(db, c.id, c.data as unknown as ProposalStatusData, at),
    (db, c) => stmt(db, 'DELETE FROM gov_proposal_status WHERE record_id = ?').run(c.id),
  ),
  simple(
    'plan_version',
    (db, c, at) => writePlanVersion(db, c.data as unknown as PlanVersionData, at),
    (db, c) => {
      const p = prev<PlanVersionData>(c);
      if (p) stmt(db, 'DELETE FROM gov_plan_versions WHERE year = ? AND version = ?').run(p.year, p.version);
    },
  ),
  simple(
    'cost_statement',
    (db, c, at) => writeStatement(db, c.data as unknown as CostStatementData, at),
    (db, c) => {
      const p = prev<CostStatementData>(c);
      if (p) stmt(db, 'DELETE FROM gov_statements WHERE year = ? AND istat = ? AND version = ?').run(p.year, p.istat, p.version);
    },
  ),
  simple(
    'consortium_report',
    (db, c, at) => writeReport(db, c.data as unknown as ConsortiumReportData, at),
    (db, c) => {
      const p = prev<ConsortiumReportData>(c);
      if (p) stmt(db, 'DELETE FROM gov_reports WHERE year = ?').run(p.year);
    },
  ),
];
