/**
 * Helpers for the bundle tests: installations built from the published vector keys, real
 * backends on real SQLite files (test/helpers/backend.ts), and a full DB dump for
 * "never changes the database in part" checks.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { insertInstallation } from '../../electron/core/platform/installation/installation-store';
import { fingerprint } from '../../electron/core/format/crypto/fingerprint';
import { confirmIdentity, importIdentity } from '../../electron/core/sync/peers/identity-exchange';
import { openTestBackend, type TestBackend } from '../helpers/backend';
import { identityFileOf, type Party } from './bundle-craft';
import { vectorFile } from './bundle-vector-files';

export { VECTORS, vectorFile } from './bundle-vector-files';

export const URBINO_FINGERPRINT = '01180 20306 32007 75456 39963 57214';
export const HUB_FINGERPRINT = '52680 40966 60774 80524 66126 89294';

interface SecretJson {
  kind: 'hub' | 'municipality';
  id: string;
  name: string;
  created_at: string;
  key_id: string;
  ed25519_seed: string;
  signing_key: string;
  age_identity: string;
  age_recipient: string;
}

/** Makes `t`'s data directory the installation of a vector key set (hub CST-PU or Urbino). */
export function becomeVector(t: TestBackend, who: 'hub' | 'urbino'): void {
  const s = JSON.parse(vectorFile(`${who}/secret.json`).toString('utf8')) as SecretJson;
  mkdirSync(join(t.dataDir, 'keys'), { recursive: true });
  const secret = { ed25519_seed: s.ed25519_seed, key_id: s.key_id, signing_key: s.signing_key, age_identity: s.age_identity, age_recipient: s.age_recipient };
  writeFileSync(join(t.dataDir, 'keys', 'secret.json'), JSON.stringify(secret), { mode: 0o600 });
  const db = t.backend.ctx.db;
  insertInstallation(db, {
    role: s.kind,
    id: s.id,
    name: s.name,
    operator: 'Test',
    province: 'PU',
    createdAt: s.created_at,
    keyId: s.key_id,
    signingKey: s.signing_key,
    ageRecipient: s.age_recipient,
  });
  if (s.kind === 'hub') addMember(db, '041067', 'Urbino');
}

export function addMember(db: Database.Database, istat: string, name: string): void {
  db.prepare("INSERT OR IGNORE INTO members (istat, name, province, population, population_year, status, added_at) VALUES (?, ?, 'PU', NULL, NULL, 'pending', '2026-11-26T09:00:00.000Z')").run(istat, name);
}

/** The hub of the vectors with Urbino's identity imported and confirmed, nothing applied. */
export function vectorHub(): TestBackend {
  const t = openTestBackend();
  becomeVector(t, 'hub');
  importIdentity(t.backend.ctx, vectorFile('urbino/identity.cstid'));
  confirmIdentity(t.backend.ctx, '041067', URBINO_FINGERPRINT);
  return t;
}

/** vectorHub with a second member (`other`, e.g. a Pesaro made for the test) confirmed too. */
export function vectorHubWith(other: Party): TestBackend {
  const t = vectorHub();
  addMember(t.backend.ctx.db, other.id, other.name);
  importIdentity(t.backend.ctx, identityFileOf(other));
  confirmIdentity(t.backend.ctx, other.id, fingerprint(other.signingKey, other.ageRecipient));
  return t;
}

/** A hub's state that matters: streams, records, projections, positions, its own outbox (not the reception journal). */
export function hubState(db: Database.Database): string {
  const q = (sql: string) => JSON.stringify(db.prepare(sql).raw(true).all().map((r) => (r as unknown[]).map((v) => (Buffer.isBuffer(v) ? v.toString('hex') : v))));
  return [
    q('SELECT * FROM inbox_events ORDER BY key'),
    q('SELECT * FROM received_records ORDER BY id'),
    q('SELECT * FROM received_usage_monthly ORDER BY owner, service, month'),
    q('SELECT kind, id, status, applied_seq, applied_hash, acked_seq, ack_problem FROM peers ORDER BY peer_no'),
    q('SELECT * FROM outbox ORDER BY seq'),
  ].join('\n');
}

/** Every row of every table, in key order: equal dumps mean an unchanged database. */
export function dumpDb(db: Database.Database): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name").pluck().all() as string[];
  const out: string[] = [];
  for (const t of tables) {
    if (/_fts_/.test(t)) continue;
    const rows = db.prepare(`SELECT * FROM "${t}"`).raw(true).all() as unknown[][];
    const lines = rows.map((r) => JSON.stringify(r.map((v) => (Buffer.isBuffer(v) ? v.toString('hex') : v))));
    out.push(`# ${t}`, ...lines.sort());
  }
  return out.join('\n');
}
