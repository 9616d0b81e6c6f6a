import type Database from 'better-sqlite3';
import type { Member, Municipality } from '../../../../shared/domain/installation';

export function insertMembers(db: Database.Database, municipalities: Municipality[], at: string): void {
  const insert = db.prepare(
    `INSERT INTO members (istat, name, province, population, population_year, status, added_at)
     VALUES (?, ?, ?, ?, ?, 'pending', ?)`,
  );
  for (const m of municipalities) insert.run(m.istat, m.name, m.province, m.population, m.populationYear, at);
}

export function listMembers(db: Database.Database): Member[] {
  return db
    .prepare(
      `SELECT istat, name, province, population, population_year AS populationYear, status
       FROM members ORDER BY name COLLATE NOCASE`,
    )
    .all() as Member[];
}
