/**
 * The unit of each service, to know whether its monthly figures add up (a count) or are a level
 * held (shared/domain/unit-measure.ts). The consortium's catalogue (`hub_services`, held by the
 * hub and received by every member) decides; a member's provisional catalogue (`services`)
 * covers the codes the consortium has not sent. A code in neither is unknown here: '' (a count).
 * Read by the hub's views, the plan and report, and the regional hub's views.
 */
import type Database from 'better-sqlite3';
import { stmt } from './statements';

export function serviceUnits(db: Database.Database): Map<string, string> {
  const units = new Map(stmt(db, 'SELECT code, unit FROM services').raw(true).all() as [string, string][]);
  for (const [code, data] of stmt(db, 'SELECT code, data FROM hub_services').raw(true).all() as [string, string][]) {
    const unit = (JSON.parse(data) as { unit?: unknown }).unit;
    if (typeof unit === 'string') units.set(code, unit);
  }
  return units;
}

export function serviceUnit(db: Database.Database, code: string): string {
  const hub = stmt(db, 'SELECT data FROM hub_services WHERE code = ?').pluck().get(code) as string | undefined;
  const unit = hub === undefined ? undefined : (JSON.parse(hub) as { unit?: unknown }).unit;
  if (typeof unit === 'string') return unit;
  return (stmt(db, 'SELECT unit FROM services WHERE code = ?').pluck().get(code) as string | undefined) ?? '';
}

/**
 * In SQL, over rows of one member's figures for a period (`sq` the sum of its monthly figures,
 * `m` its months with a figure): the sum of the members' averages, a level's total (mailboxes
 * held in all), in integers as combineSum rounds: round(sq / m) = (2·sq + m) / (2·m) for sq ≥ 0.
 */
export const LEVEL_SUM_SQL = 'sum(CASE WHEN sq >= 0 THEN (2 * sq + m) / (2 * m) ELSE -((-2 * sq + m) / (2 * m)) END)';
