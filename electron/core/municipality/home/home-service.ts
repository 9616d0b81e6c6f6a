import type { ParsedInput } from '../../../../shared/api/contract';
import type { AppSettings, HomeSummary } from '../../../../shared/domain/home';
import { formatMilli } from '../../../../shared/domain/quantity';
import type { UnitCode } from '../../../../shared/records/catalogue';
import type { AppContext } from '../../platform/context';
import { operatorName, requireMunicipality } from '../../sync/records/record-events';
import { stmt } from '../../platform/store/statements';
import { unacknowledgedEvents } from '../../sync/outbox/unacknowledged';
import { readShareNames, writeSetting } from '../staff/share-names';
import { reputAllStaff } from '../staff/staff-service';
import { listProposals } from '../proposals/proposals-service';
import { reputDesignation } from '../committee/designation-service';

export function readSettings(ctx: AppContext): AppSettings {
  return { shareNames: readShareNames(ctx), operator: operatorName(ctx) };
}

/** Changes the settings; a change of name sharing re-puts every staff record and the designation in the same transaction. */
export function updateSettings(ctx: AppContext, input: ParsedInput<'settings.update'>): AppSettings {
  return ctx.db.transaction(() => {
    if (input.operator !== undefined) writeSetting(ctx, 'operator', input.operator);
    if (input.shareNames !== undefined && input.shareNames !== readShareNames(ctx)) {
      requireMunicipality(ctx);
      writeSetting(ctx, 'share_names', input.shareNames ? '1' : '0');
      reputAllStaff(ctx, input.shareNames);
      reputDesignation(ctx, input.shareNames);
    }
    return readSettings(ctx);
  })();
}

/** When this installation last exported a bundle for the consortium (null before the first). */
function lastExportAt(ctx: AppContext): string | null {
  return (stmt(ctx.db, "SELECT max(created_at) FROM bundle_exports WHERE recipient_kind = 'hub'").pluck().get() as string | null) ?? null;
}

export function homeSummary(ctx: AppContext): HomeSummary {
  const month = ctx.clock.now().slice(0, 7);
  const usage = stmt(
    ctx.db,
    `SELECT m.service, s.unit, m.entries, m.quantity_milli FROM usage_monthly m JOIN services s ON s.code = m.service
     WHERE m.month = ? AND m.entries > 0 ORDER BY s.position`,
  ).all(month) as { service: string; unit: UnitCode; entries: number; quantity_milli: number }[];
  const training = stmt(
    ctx.db,
    `SELECT count(*) AS n, coalesce(sum(p.hours_milli), 0) AS h FROM participations p JOIN courses c ON c.id = p.course_id
     WHERE substr(c.start_date, 1, 7) = ?`,
  ).get(month) as { n: number; h: number };
  // Counted by the one state (shared/governance/proposal-state.ts), as Proposte shows them: a
  // withdrawal that came after the consortium's decision leaves the proposal with the decision.
  const proposals = { draft: 0, submitted: 0, withdrawn: 0 };
  for (const p of listProposals(ctx, {})) proposals[p.state.stage === 'draft' ? 'draft' : p.state.stage === 'withdrawn' ? 'withdrawn' : 'submitted']++;
  return {
    month,
    usage: usage.map((u) => ({ service: u.service, unit: u.unit, entries: u.entries, quantityMilli: u.quantity_milli, quantity: formatMilli(u.quantity_milli) })),
    usageEntries: usage.reduce((n, u) => n + u.entries, 0),
    trainingHoursMilli: training.h,
    participations: training.n,
    proposals,
    unsentEvents: unacknowledgedEvents(ctx.db),
    lastExportAt: lastExportAt(ctx),
  };
}
