import type Database from 'better-sqlite3';
import { dropUsageAggregateTriggers, rebuildUsageAggregates } from '../../electron/core/platform/store/migrations/019-usage-aggregates';
import { dropUsageProvinceTriggers, rebuildUsageProvinceAggregates } from '../../electron/core/platform/store/migrations/022-usage-province-aggregates';
import { dropUsageMemberTotalTriggers, rebuildUsageMemberTotals } from '../../electron/core/platform/store/migrations/024-usage-member-totals';
import type { Municipality } from '../../shared/domain/installation';
import type { ProposalData } from '../../shared/records/proposals';
import { SERVICES } from './usage-seed';

const MONTHS = Array.from({ length: 120 }, (_, i) => `${2017 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

/**
 * Bench-only: ten years of a national hub's history written straight with SQL, as the
 * projectors leave it — usage per service × member × month (11 × 120 per member), training per
 * member and year, staff counts, three proposals per member — in one transaction. The usage
 * aggregates' triggers are dropped while the 10.4 million cells go in and the aggregates are
 * then built by the migrations' own backfills (rebuildUsageAggregates, rebuildUsageProvinceAggregates, rebuildUsageMemberTotals), which also recreates the
 * triggers: the same state the import path keeps, ~4× faster to reach.
 */
export function seedNationalHistory(db: Database.Database, members: readonly Municipality[]) {
  let seed = 4242;
  const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
  const cell = db.prepare('INSERT INTO received_usage_monthly (owner, service, month, quantity_milli, entries) VALUES (?, ?, ?, ?, ?)');
  const training = db.prepare('INSERT INTO hub_training_yearly (owner, year, participations, completed, hours_milli) VALUES (?, ?, ?, ?, ?)');
  const staff = db.prepare('INSERT INTO hub_staff_counts (owner, staff, active_staff) VALUES (?, ?, ?)');
  const proposal = db.prepare(
    'INSERT INTO hub_proposals (id, owner, peer_no, status, version, title, submitted_at, last_seq, updated_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let cells = 0;
  let proposals = 0;
  // Bench-only speed-ups of the bulk load: a page cache holding the whole load (no spill to the
  // WAL mid-transaction) and the cells' two secondary indexes built once at the end, with the
  // definitions of migrations 004 and 006.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -3000000');
  db.transaction(() => {
    dropUsageAggregateTriggers(db);
    dropUsageProvinceTriggers(db);
    dropUsageMemberTotalTriggers(db);
    db.exec('DROP INDEX received_usage_monthly_by_month; DROP INDEX received_usage_monthly_by_service;');
    members.forEach((m, i) => {
      const size = Math.max(1, Math.round((m.population ?? 1000) / 1000));
      for (const s of SERVICES) {
        for (const month of MONTHS) {
          cell.run(m.istat, s, month, 1000 * Math.max(1, Math.round(size * 10 * rand())), 1 + Math.floor(rand() * 20));
          cells += 1;
        }
      }
      for (let y = 2017; y <= 2026; y++) training.run(m.istat, y, 2 + (i % 7), 1 + (i % 5), 1000 * (4 + ((i + y) % 60)));
      staff.run(m.istat, 3 + (i % 40), 3 + (i % 40));
      for (let k = 0; k < 3; k++) {
        const status = k === 2 && i % 4 === 0 ? 'draft' : k === 1 && i % 9 === 0 ? 'withdrawn' : 'submitted';
        const day = `20${17 + ((i + k * 3) % 10)}-${String(1 + ((i + k) % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
        const data: ProposalData = {
          status,
          version: 1 + k,
          title: `Proposta ${k + 1} di ${m.name}`,
          problem: 'Tempi lunghi allo sportello',
          solution: 'Prenotazione in linea',
          group_id: null,
          benefits: 'Meno code',
          beneficiaries: [m.istat],
          one_off_cents: 100_000 * (1 + k),
          yearly_cents: 20_000 * (1 + (i % 9)),
          attachments: [],
          submitted_at: status === 'draft' ? null : `${day}T10:00:00.000Z`,
          updated_by: 'Bench',
        };
        const id = `b0000000-0000-4000-8000-${String(i * 3 + k).padStart(12, '0')}`;
        proposal.run(id, m.istat, i + 2, status, data.version, data.title, data.submitted_at, 10 + k, `${day}T10:00:00.000Z`, JSON.stringify(data));
        proposals += 1;
      }
    });
    db.exec(`CREATE INDEX received_usage_monthly_by_month ON received_usage_monthly (month, service);
             CREATE INDEX received_usage_monthly_by_service ON received_usage_monthly (service, month, owner, quantity_milli, entries);`);
    rebuildUsageAggregates(db);
    rebuildUsageProvinceAggregates(db);
    rebuildUsageMemberTotals(db);
  })();
  // The app's own page cache again, for the timings.
  db.pragma(`cache_size = ${cacheSize}`);
  return { usage_cells: cells, training_rows: members.length * 10, proposals };
}
