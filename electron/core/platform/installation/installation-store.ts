import type Database from 'better-sqlite3';
import type { Installation } from '../../../../shared/domain/installation';
import type { Role } from '../../../../shared/domain/ids';
import { appError } from '../errors';

interface InstallationRow {
  role: Role;
  id: string;
  name: string;
  operator: string;
  province: string | null;
  key_id: string;
  signing_key: string;
  age_recipient: string;
  created_at: string;
}

export interface InstallationRecord extends Installation {
  keyId: string;
  signingKey: string;
  ageRecipient: string;
}

export function readInstallation(db: Database.Database): InstallationRecord | null {
  const row = db.prepare('SELECT * FROM installation WHERE singleton = 1').get() as InstallationRow | undefined;
  if (!row) return null;
  return {
    role: row.role,
    id: row.id,
    name: row.name,
    operator: row.operator,
    province: row.province,
    createdAt: row.created_at,
    keyId: row.key_id,
    signingKey: row.signing_key,
    ageRecipient: row.age_recipient,
  };
}

export function requireInstallation(db: Database.Database): InstallationRecord {
  const inst = readInstallation(db);
  if (!inst) {
    throw appError('installation.notInitialized');
  }
  return inst;
}

export function insertInstallation(db: Database.Database, inst: InstallationRecord): void {
  db.prepare(
    `INSERT INTO installation (singleton, role, id, name, operator, province, key_id, signing_key, age_recipient, created_at)
     VALUES (1, @role, @id, @name, @operator, @province, @keyId, @signingKey, @ageRecipient, @createdAt)`,
  ).run(inst);
}

export function toInstallation(inst: InstallationRecord): Installation {
  return { role: inst.role, id: inst.id, name: inst.name, operator: inst.operator, province: inst.province, createdAt: inst.createdAt };
}
