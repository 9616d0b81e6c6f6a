import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openBackend } from '../../electron/core/app/backend';
import { fixedClock, sequentialIds } from '../../electron/core/platform/defaults';
import { listProvinces, municipalitiesOfProvince } from '../../electron/core/platform/reference/municipalities';
import type { Municipality } from '../../shared/domain/installation';

/** The services the governance benches give every member usage of. */
export const SERVICES = ['S01', 'S02', 'S03', 'S04', 'S05', 'S06', 'S07', 'S08'];

/**
 * Bench-only: a hub (fixed clock and ids, no automatic backup) whose members are every
 * municipality of Italy (7,896), loaded straight into the registry in one transaction.
 * `population` gives each member's population; `each` adds that member's other rows (usage,
 * training…) inside the same transaction.
 */
export async function italyHub(
  name: string,
  population: (m: Municipality, index: number) => number,
  each: (db: Database.Database, m: Municipality, index: number, population: number) => void,
) {
  const dir = mkdtempSync(join(tmpdir(), `cst-bench-${name}-`));
  const backend = openBackend({ autoBackupDelayMs: false, dataDir: dir, appVersion: 'bench', clock: fixedClock('2026-11-26T08:00:00.000Z'), ids: sequentialIds(1), log: { info() {}, warn() {}, error() {} } });
  const call = async (method: string, input: unknown) => {
    const r = await backend.dispatch(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as never;
  };
  await call('setup.hub', { id: 'CST-IT', name: 'CST Italia', operator: 'Bench' });
  const db = backend.ctx.db;
  const all = listProvinces().flatMap((p) => municipalitiesOfProvince(p.code));
  db.transaction(() => {
    const ins = db.prepare(
      `INSERT INTO members (istat, name, province, population, population_year, status, added_at, membership) VALUES (?, ?, ?, ?, 2025, 'confirmed', 'x', 'active')
       ON CONFLICT (istat) DO UPDATE SET population = excluded.population, membership = 'active'`,
    );
    all.forEach((m, i) => {
      const pop = population(m, i);
      ins.run(m.istat, m.name, m.province, pop);
      each(db, m, i, pop);
    });
  })();
  const members = db.prepare("SELECT count(*) FROM members WHERE membership = 'active'").pluck().get() as number;
  return {
    backend,
    db,
    call,
    all,
    members,
    close() {
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
