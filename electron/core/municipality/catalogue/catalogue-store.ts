import type Database from 'better-sqlite3';
import type { Service } from '../../../../shared/domain/usage';
import { stmt } from '../../platform/store/statements';

const SELECT = `SELECT code, name_it AS nameIt, name_en AS nameEn, category, unit, unit_it AS unitIt, unit_en AS unitEn,
                       decimals, source FROM services`;

type ServiceRow = Omit<Service, 'decimals'> & { decimals: number };
const toService = (r: ServiceRow): Service => ({ ...r, decimals: r.decimals === 1 });

export function listServices(db: Database.Database): Service[] {
  return (stmt(db, `${SELECT} ORDER BY position`).all() as ServiceRow[]).map(toService);
}

export function findService(db: Database.Database, code: string): Service | undefined {
  const row = stmt(db, `${SELECT} WHERE code = ?`).get(code) as ServiceRow | undefined;
  return row && toService(row);
}
