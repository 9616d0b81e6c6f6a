/**
 * The `gov_*` tables, on both roles: the hub writes them with its own records (in the
 * transaction of the change's event), a municipality while applying a hub bundle.
 */
import type Database from 'better-sqlite3';
import type { ConsortiumReportContent, ConsortiumReportData, ConsortiumReportPartData, CostStatementData, PlanVersionData, ProposalStatusData } from '../../../shared/records/gov-records';
import { stmt } from '../platform/store/statements';

export function writeProposalStatus(db: Database.Database, recordId: string, d: ProposalStatusData, at: string): void {
  stmt(
    db,
    `INSERT INTO gov_proposal_status (proposal_id, record_id, owner, status, group_id, total_hundredths, data, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (proposal_id) DO UPDATE SET status = excluded.status, group_id = excluded.group_id,
       total_hundredths = excluded.total_hundredths, data = excluded.data, updated_at = excluded.updated_at`,
  ).run(d.proposal_id, recordId, d.owner, d.status, d.group_id, d.evaluation?.total_hundredths ?? null, JSON.stringify(d), at);
}

export function readProposalStatus(db: Database.Database, proposalId: string): { data: ProposalStatusData; recordId: string; updatedAt: string } | null {
  const row = stmt(db, 'SELECT record_id, data, updated_at FROM gov_proposal_status WHERE proposal_id = ?').get(proposalId) as
    | { record_id: string; data: string; updated_at: string }
    | undefined;
  return row ? { data: JSON.parse(row.data) as ProposalStatusData, recordId: row.record_id, updatedAt: row.updated_at } : null;
}

export function writePlanVersion(db: Database.Database, d: PlanVersionData, at: string): void {
  stmt(
    db,
    `INSERT INTO gov_plan_versions (year, version, state, data, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (year, version) DO UPDATE SET state = excluded.state, data = excluded.data, updated_at = excluded.updated_at`,
  ).run(d.year, d.version, d.state, JSON.stringify(d), at);
}

export function readPlanVersions(db: Database.Database, year: number): PlanVersionData[] {
  return (stmt(db, 'SELECT data FROM gov_plan_versions WHERE year = ? ORDER BY version').pluck().all(year) as string[]).map((s) => JSON.parse(s) as PlanVersionData);
}

export function writeStatement(db: Database.Database, d: CostStatementData, at: string): void {
  stmt(
    db,
    `INSERT INTO gov_statements (year, istat, version, data, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (year, istat, version) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
  ).run(d.year, d.istat, d.version, JSON.stringify(d), at);
}

/** The statement of the newest version that has one. */
export function readStatement(db: Database.Database, year: number, istat: string, version?: number): CostStatementData | null {
  const raw = (
    version === undefined
      ? stmt(db, 'SELECT data FROM gov_statements WHERE year = ? AND istat = ? ORDER BY version DESC LIMIT 1').pluck().get(year, istat)
      : stmt(db, 'SELECT data FROM gov_statements WHERE year = ? AND istat = ? AND version = ?').pluck().get(year, istat, version)
  ) as string | undefined;
  return raw ? (JSON.parse(raw) as CostStatementData) : null;
}

export function writeReport(db: Database.Database, d: ConsortiumReportData, at: string): void {
  stmt(db, 'INSERT INTO gov_reports (year, data, updated_at) VALUES (?, ?, ?) ON CONFLICT (year) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at').run(
    d.year,
    JSON.stringify(d),
    at,
  );
}

export function writeReportPart(db: Database.Database, d: ConsortiumReportPartData, at: string): void {
  stmt(
    db,
    `INSERT INTO gov_report_parts (year, part, revision, data, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (year, part) DO UPDATE SET revision = excluded.revision, data = excluded.data, updated_at = excluded.updated_at`,
  ).run(d.year, d.part, d.revision, JSON.stringify(d), at);
}

export function deleteReportPart(db: Database.Database, year: number, part: number): void {
  stmt(db, 'DELETE FROM gov_report_parts WHERE year = ? AND part = ?').run(year, part);
}

export function deleteReport(db: Database.Database, year: number): void {
  stmt(db, 'DELETE FROM gov_reports WHERE year = ?').run(year);
  stmt(db, 'DELETE FROM gov_report_parts WHERE year = ?').run(year);
}

/** Number of parts stored for a year (any revision): the hub deletes those a shorter publication leaves over. */
export function reportPartCount(db: Database.Database, year: number): number {
  return (stmt(db, 'SELECT coalesce(max(part) + 1, 0) FROM gov_report_parts WHERE year = ?').pluck().get(year) as number) ?? 0;
}

export function readReportSummary(db: Database.Database, year: number): { data: ConsortiumReportData; updatedAt: string } | null {
  const row = stmt(db, 'SELECT data, updated_at FROM gov_reports WHERE year = ?').get(year) as { data: string; updated_at: string } | undefined;
  return row ? { data: JSON.parse(row.data) as ConsortiumReportData, updatedAt: row.updated_at } : null;
}

/**
 * The report of a year assembled from its summary and the parts of the summary's revision, or
 * null while any part is missing (a publication is taken whole or not at all).
 */
export function readReport(db: Database.Database, year: number): { data: ConsortiumReportContent; updatedAt: string } | null {
  const summary = readReportSummary(db, year);
  if (!summary) return null;
  const s = summary.data;
  const parts = (stmt(db, 'SELECT data FROM gov_report_parts WHERE year = ? AND revision = ? ORDER BY part').pluck().all(year, s.revision) as string[]).map(
    (x) => JSON.parse(x) as ConsortiumReportPartData,
  );
  if (parts.length !== s.parts || parts.some((p, i) => p.part !== i)) return null;
  const rows = parts.flatMap((p) => p.rows);
  const practices = parts.flatMap((p) => p.good_practices);
  if (rows.length !== s.row_count || practices.length !== s.practice_count) return null;
  return { data: { year: s.year, named: s.named, revision: s.revision, rows, good_practices: practices, published_by: s.published_by }, updatedAt: summary.updatedAt };
}
