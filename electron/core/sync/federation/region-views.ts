/**
 * What the regional hub shows (docs/federation.md): its provinces, the municipalities each one
 * vouches for, and usage totals region → province → municipality, read from the monthly totals
 * the usage projector keeps while bundles are applied (never recomputed from events).
 */
import type Database from 'better-sqlite3';
import type { ProvinceSummary, RegionUsage, UsageTotals, VouchedMember } from '../../../../shared/domain/federation';
import { appError } from '../../platform/errors';
import { findFederationHub, listFederationHubs, toFederationHub } from './federation-store';

export function listProvinces(db: Database.Database): ProvinceSummary[] {
  const stats = db.prepare(
    `SELECT COUNT(*) AS members, COUNT(p.last_received_at) AS withData, COALESCE(SUM(p.applied_seq), 0) AS events
     FROM federation_members f LEFT JOIN peers p ON p.kind = 'municipality' AND p.id = f.istat
     WHERE f.province_id = ? AND f.vouched = 1`,
  );
  return listFederationHubs(db, 'province').map((h) => {
    const s = stats.get(h.id) as { members: number; withData: number; events: number };
    return { ...toFederationHub(h), rosterSerial: h.rosterSerial, rosterAt: h.rosterAt, mailbox: h.mailboxUrl, lastCollection: h.lastCollection, members: s.members, membersWithData: s.withData, eventsReceived: s.events };
  });
}

export function provinceRoster(db: Database.Database, province: string): VouchedMember[] {
  if (!findFederationHub(db, 'province', province)) throw appError('federation.provinceUnknown', { id: province });
  const rows = db
    .prepare(
      `SELECT f.istat, f.name, f.vouched, p.key_id AS keyId, p.fingerprint, p.applied_seq AS events, p.last_received_at AS lastReceivedAt
       FROM federation_members f JOIN peers p ON p.kind = 'municipality' AND p.id = f.istat
       WHERE f.province_id = ? ORDER BY f.istat`,
    )
    .all(province) as { istat: string; name: string; vouched: number; keyId: string; fingerprint: string; events: number; lastReceivedAt: string | null }[];
  return rows.map((r) => ({ istat: r.istat, name: r.name, keyId: r.keyId, fingerprint: r.fingerprint, vouched: r.vouched === 1, eventsReceived: r.events, lastReceivedAt: r.lastReceivedAt }));
}

function emptyTotals(): UsageTotals {
  return { entries: 0, byService: [] };
}

function add(t: UsageTotals, service: string, entries: number, quantityMilli: number): void {
  t.entries += entries;
  const s = t.byService.find((x) => x.service === service);
  if (s) {
    s.entries += entries;
    s.quantityMilli += quantityMilli;
  } else t.byService.push({ service, entries, quantityMilli });
}

/**
 * One grouped read (municipality × service over the year, or over all months) joined to the
 * province that vouches for each municipality; the three levels are summed from it, so the
 * region's totals are exactly the sum of its provinces' and theirs of their municipalities'.
 * A regional hub holds a few hundred municipalities: the sums are a few thousand rows.
 */
export function regionUsage(db: Database.Database, year: number | null): RegionUsage {
  const rows = db
    .prepare(
      `SELECT f.province_id AS province, f.istat, f.name, u.service, SUM(u.entries) AS entries, SUM(u.quantity_milli) AS quantity
       FROM federation_members f JOIN received_usage_monthly u ON u.owner = f.istat
       WHERE (? IS NULL OR (u.month >= ? AND u.month < ?))
       GROUP BY f.province_id, f.istat, u.service ORDER BY f.province_id, f.istat, u.service`,
    )
    .all(year, year === null ? null : `${year}-01`, year === null ? null : `${year + 1}-01`) as {
    province: string;
    istat: string;
    name: string;
    service: string;
    entries: number;
    quantity: number;
  }[];
  const region = emptyTotals();
  const provinces = new Map<string, RegionUsage['provinces'][number]>();
  for (const h of listFederationHubs(db, 'province')) provinces.set(h.id, { id: h.id, name: h.name, totals: emptyTotals(), municipalities: [] });
  for (const r of rows) {
    const p = provinces.get(r.province);
    if (!p) continue;
    let m = p.municipalities.find((x) => x.istat === r.istat);
    if (!m) p.municipalities.push((m = { istat: r.istat, name: r.name, totals: emptyTotals() }));
    add(m.totals, r.service, r.entries, r.quantity);
    add(p.totals, r.service, r.entries, r.quantity);
    add(region, r.service, r.entries, r.quantity);
  }
  return { year, region, provinces: [...provinces.values()] };
}
