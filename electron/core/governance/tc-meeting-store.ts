/**
 * The Technical Committee's meetings (`gov_tc_meetings`, `gov_tc_meeting_proposals`), on both
 * roles: the hub writes them with its `tc_meeting` records, a municipality while applying a hub
 * bundle. Each row keeps the record's `data` exactly as its event carries it.
 */
import type Database from 'better-sqlite3';
import type { TcMeetingData } from '../../../shared/records/tc-meetings';
import { stmt } from '../platform/store/statements';

export function writeTcMeeting(db: Database.Database, id: string, d: TcMeetingData, at: string): void {
  stmt(db, 'INSERT INTO gov_tc_meetings (id, date, data, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET date = excluded.date, data = excluded.data, updated_at = excluded.updated_at').run(
    id,
    d.date,
    JSON.stringify(d),
    at,
  );
  stmt(db, 'DELETE FROM gov_tc_meeting_proposals WHERE meeting_id = ?').run(id);
  const add = stmt(db, 'INSERT OR IGNORE INTO gov_tc_meeting_proposals (meeting_id, proposal_id) VALUES (?, ?)');
  for (const p of d.proposals) add.run(id, p);
}

export function deleteTcMeeting(db: Database.Database, id: string): void {
  stmt(db, 'DELETE FROM gov_tc_meetings WHERE id = ?').run(id);
}

export function readTcMeeting(db: Database.Database, id: string): { data: TcMeetingData; updatedAt: string } | null {
  const row = stmt(db, 'SELECT data, updated_at FROM gov_tc_meetings WHERE id = ?').get(id) as { data: string; updated_at: string } | undefined;
  return row ? { data: JSON.parse(row.data) as TcMeetingData, updatedAt: row.updated_at } : null;
}

/** Every meeting (of a year), newest first. */
export function readTcMeetings(db: Database.Database, year?: number): { id: string; data: TcMeetingData; updatedAt: string }[] {
  const rows = (
    year === undefined
      ? stmt(db, 'SELECT id, data, updated_at FROM gov_tc_meetings ORDER BY date DESC, id DESC').all()
      : stmt(db, 'SELECT id, data, updated_at FROM gov_tc_meetings WHERE date >= ? AND date <= ? ORDER BY date DESC, id DESC').all(`${year}-01-01`, `${year}-12-31`)
  ) as { id: string; data: string; updated_at: string }[];
  return rows.map((r) => ({ id: r.id, data: JSON.parse(r.data) as TcMeetingData, updatedAt: r.updated_at }));
}

export function meetingExamined(db: Database.Database, meetingId: string, proposalId: string): boolean {
  return stmt(db, 'SELECT 1 FROM gov_tc_meeting_proposals WHERE meeting_id = ? AND proposal_id = ?').get(meetingId, proposalId) !== undefined;
}

/** The meetings that examined a proposal, oldest first. */
export function meetingsOfProposal(db: Database.Database, proposalId: string): { id: string; date: string }[] {
  return stmt(db, 'SELECT m.id, m.date FROM gov_tc_meeting_proposals p JOIN gov_tc_meetings m ON m.id = p.meeting_id WHERE p.proposal_id = ? ORDER BY m.date, m.id').all(proposalId) as {
    id: string;
    date: string;
  }[];
}
