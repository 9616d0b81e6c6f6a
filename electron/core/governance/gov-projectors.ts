/**
 * Municipality: the hub's governance records, applied while a hub bundle is applied (in its
 * transaction): the proposals' status and timeline, the plan's versions, the cost statements
 * and the consortium report. The hub's stream is the same for every member, so each member
 * holds every statement; its views read its own.
 */
import type Database from 'better-sqlite3';
import type { ConsortiumReportData, ConsortiumReportPartData, CostStatementData, PlanVersionData, ProposalStatusData } from '../../../shared/records/gov-records';
import type { Projector, RecordChange } from '../platform/records/projector';
import { stmt } from '../platform/store/statements';
import { peerNoOf, receivedEventAt } from '../sync/inbox/event-at';
import { resubmitOnNewVersion } from './evaluation-service';
import { deleteReport, deleteReportPart, writePlanVersion, writeProposalStatus, writeReport, writeReportPart, writeStatement } from './gov-store';

function atOf(db: Database.Database, change: RecordChange): string {
  const peerNo = peerNoOf(db, 'hub', change.owner);
  return (peerNo !== undefined && receivedEventAt(db, peerNo, change.seq)) || new Date(0).toISOString();
}

/**
 * A projector of one hub-owned kind into its tables. `tables` are emptied when the HUB's stream
 * is rewound (a fork accepted by a member): there they hold only the hub's records, which the
 * replay then writes again. A member's rewind on the hub leaves them alone (the hub's own).
 */
function simple(
  kind: string,
  tables: readonly string[],
  put: (db: Database.Database, change: RecordChange, at: string) => void,
  remove: (db: Database.Database, change: RecordChange) => void,
): Projector {
  return {
    kind,
    reset(db, owner) {
      if (peerNoOf(db, 'hub', owner) === undefined) return;
      for (const t of tables) stmt(db, `DELETE FROM ${t}`).run();
    },
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

/**
 * Hub: a member's new version of a submitted proposal (its `version` grows). Once the bundle's
 * events are projected (hub_proposals is current), a proposal the hub had returned for changes
 * goes back to "received" as a hub event, in the bundle's transaction: the exchange that brings
 * the new version also records it. Dated when the hub received the bundle (its reception row,
 * written before the bundle is applied), never before the hub's last event.
 */
const resubmissionProjector: Projector = {
  kind: 'proposal',
  open(db) {
    const changed = new Map<string, number>();
    return {
      project(c) {
        const d = c.data as { status?: string; version?: number } | null;
        const p = c.previous as { version?: number } | null;
        if (d?.status === 'submitted' && p && typeof d.version === 'number' && d.version > (p.version ?? 0)) changed.set(c.id, d.version);
      },
      close() {
        if (changed.size === 0) return;
        const received = (stmt(db, 'SELECT max(received_at) FROM received_bundles').pluck().get() as string | null) ?? '';
        const last = (stmt(db, 'SELECT at FROM outbox ORDER BY seq DESC LIMIT 1').pluck().get() as string | undefined) ?? '';
        const at = received > last ? received : last || new Date().toISOString();
        for (const [id, version] of changed) resubmitOnNewVersion({ db, clock: { now: () => at } }, id, version);
        changed.clear();
      },
    };
  },
  // No reset: a rewind feeds it the removed events backwards (versions go down), which changes nothing.
};

export const GOV_PROJECTORS: readonly Projector[] = [
  resubmissionProjector,
  simple(
    'proposal_status',
    ['gov_proposal_status'],
    (db, c, at) => writeProposalStatus(db, c.id, c.data as unknown as ProposalStatusData, at),
    (db, c) => stmt(db, 'DELETE FROM gov_proposal_status WHERE record_id = ?').run(c.id),
  ),
  simple(
    'plan_version',
    ['gov_plan_versions'],
    (db, c, at) => writePlanVersion(db, c.data as unknown as PlanVersionData, at),
    (db, c) => {
      const p = prev<PlanVersionData>(c);
      if (p) stmt(db, 'DELETE FROM gov_plan_versions WHERE year = ? AND version = ?').run(p.year, p.version);
    },
  ),
  simple(
    'cost_statement',
    ['gov_statements'],
    (db, c, at) => writeStatement(db, c.data as unknown as CostStatementData, at),
    (db, c) => {
      const p = prev<CostStatementData>(c);
      if (p) stmt(db, 'DELETE FROM gov_statements WHERE year = ? AND istat = ? AND version = ?').run(p.year, p.istat, p.version);
    },
  ),
  simple(
    'consortium_report',
    ['gov_reports'],
    (db, c, at) => writeReport(db, c.data as unknown as ConsortiumReportData, at),
    (db, c) => {
      const p = prev<ConsortiumReportData>(c);
      if (p) deleteReport(db, p.year);
    },
  ),
  simple(
    'consortium_report_part',
    ['gov_report_parts'],
    (db, c, at) => writeReportPart(db, c.data as unknown as ConsortiumReportPartData, at),
    (db, c) => {
      const p = prev<ConsortiumReportPartData>(c);
      if (p) deleteReportPart(db, p.year, p.part);
    },
  ),
];
