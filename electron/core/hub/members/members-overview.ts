/**
 * Hub: the members list with their sync state. One query over the registry and the peers
 * (~50 to ~8,000 rows, or one page of them), plus one grouped query over the bundles still
 * waiting (few).
 */
import type { MemberOverview, MembersOverview } from '../../../../shared/domain/hub-views';
import type { AppContext } from '../../platform/context';
import { stmt } from '../../platform/store/statements';
import { receivedEventAt } from '../../sync/inbox/event-at';
import { requireHub } from '../records/hub-guard';
import type { MemberFilter } from '../../../../shared/domain/member-page';
import { pageOf, regionOfProvince, selectMembers } from './member-selection';

export const STALE_DAYS_SETTING = 'hub.stale_days';
export const DEFAULT_STALE_DAYS = 30;
const DAY_MS = 86_400_000;

interface Row {
  istat: string;
  name: string;
  province: string;
  population: number | null;
  population_year: number | null;
  membership: 'active' | 'withdrawn';
  peer_no: number | null;
  peer_status: 'pending' | 'confirmed' | null;
  applied_seq: number | null;
  last_received_at: string | null;
  acked_seq: number | null;
}

export function staleDaysSetting(ctx: AppContext): number {
  const v = stmt(ctx.db, 'SELECT value FROM settings WHERE key = ?').pluck().get(STALE_DAYS_SETTING) as string | undefined;
  const n = v === undefined ? NaN : Number(v);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_STALE_DAYS;
}

export function setStaleDays(ctx: AppContext, days: number): void {
  stmt(ctx.db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(STALE_DAYS_SETTING, String(days));
}

const OVERVIEW_SELECT = `SELECT m.istat, m.name, m.province, m.population, m.population_year, m.membership, p.peer_no, p.status AS peer_status, p.applied_seq, p.last_received_at, p.acked_seq
     FROM members m LEFT JOIN peers p ON p.kind = 'municipality' AND p.id = m.istat`;

export function membersOverview(ctx: AppContext, input: { staleDays?: number | undefined } & MemberFilter): MembersOverview {
  requireHub(ctx);
  const staleDays = input.staleDays ?? staleDaysSetting(ctx);
  const at = ctx.clock.now();
  const now = Date.parse(at);
  const paged = input.page === undefined ? null : pageOf(selectMembers(ctx.db, input), input);
  const rows = paged
    ? (stmt(ctx.db, `${OVERVIEW_SELECT} WHERE m.istat IN (SELECT value FROM json_each(?)) ORDER BY m.name COLLATE NOCASE, m.istat`).all(JSON.stringify(paged.rows.map((m) => m.istat))) as Row[])
    : (stmt(ctx.db, `${OVERVIEW_SELECT} ORDER BY m.name COLLATE NOCASE, m.istat`).all() as Row[]);
  // Waiting bundles per sender, each file once, with the events they carry.
  const waiting = new Map<string, { files: number; events: number }>();
  const w = stmt(
    ctx.db,
    `SELECT sender_id AS id, count(*) AS files, coalesce(sum(max(last_seq - first_seq + 1, 0)), 0) AS events FROM (
       SELECT DISTINCT file_sha256, sender_id, first_seq, last_seq FROM received_bundles
       WHERE outcome IN ('pending', 'kept') AND sender_kind = 'municipality')
     GROUP BY sender_id`,
  ).all() as { id: string; files: number; events: number }[];
  for (const r of w) waiting.set(r.id, { files: r.files, events: r.events });
  const members: MemberOverview[] = rows.map((r) => {
    const days = r.last_received_at ? Math.floor((now - Date.parse(r.last_received_at)) / DAY_MS) : null;
    const status = r.peer_status ?? 'none';
    const lastSeq = r.applied_seq ?? 0;
    return {
      istat: r.istat,
      name: r.name,
      province: r.province,
      region: regionOfProvince(r.province),
      population: r.population,
      populationYear: r.population_year,
      membership: r.membership,
      status,
      lastBundleAt: r.last_received_at,
      lastSeq,
      lastEventAt: r.peer_no !== null && lastSeq > 0 ? receivedEventAt(ctx.db, r.peer_no, lastSeq) : null,
      daysSinceLastSync: days,
      stale: r.membership === 'active' && (days === null ? status === 'confirmed' : days > staleDays),
      waitingBundles: waiting.get(r.istat)?.files ?? 0,
      eventsWaiting: waiting.get(r.istat)?.events ?? 0,
      ackedHubSeq: r.acked_seq,
    };
  });
  return { staleDays, at, members, ...(paged ? { page: paged.page } : {}) };
}
