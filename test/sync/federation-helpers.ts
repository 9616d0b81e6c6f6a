/**
 * A region of hubs side by side in one process (docs/federation.md): a regional hub, provincial
 * hubs linked to it both ways by fingerprint, and municipalities enrolled at their province.
 */
import { expect } from 'vitest';
import type Database from 'better-sqlite3';
import { openTestBackend, type TestBackend } from '../helpers/backend';
import { tempDir } from '../helpers/temp-dir';
import { introduce } from './hub-helpers';

export async function openRegion(id = 'REG-MARCHE'): Promise<TestBackend> {
  const region = openTestBackend({ start: '2026-11-26T08:00:00.000Z' });
  await region.must('setup.hub', { id, name: 'Ufficio regionale Marche', operator: 'Ufficio regionale' });
  return region;
}

export async function openProvince(id: string, province: string): Promise<TestBackend> {
  const hub = openTestBackend({ start: '2026-11-26T08:00:00.000Z' });
  await hub.must('setup.hub', { id, name: `Consorzio ${province}`, province, operator: `Ufficio ${id}` });
  return hub;
}

export async function openMember(hub: TestBackend, istat: string): Promise<TestBackend> {
  const town = openTestBackend({ start: '2026-11-26T08:00:00.000Z' });
  await town.must('setup.municipality', { istat, operator: `Operatore ${istat}` });
  await introduce(town, hub);
  await introduce(hub, town);
  return town;
}

/** Both confirmations by fingerprint: the province confirms the region, the region the province. */
export async function linkProvince(region: TestBackend, province: TestBackend): Promise<void> {
  const regionId = await region.must('identity.export', {});
  const pending = await province.must('federation.regional.import', { contentBase64: regionId.contentBase64 });
  expect(pending.status).toBe('pending');
  await province.must('federation.regional.confirm', { fingerprint: pending.fingerprint });
  const provinceId = await province.must('identity.export', {});
  const p = await region.must('federation.province.import', { contentBase64: provinceId.contentBase64 });
  await region.must('federation.province.confirm', { id: p.id, fingerprint: p.fingerprint });
}

/** The province's reply to a member (its stream: the `regional_hub` record among it). */
export async function replyTo(hub: TestBackend, town: TestBackend, istat: string): Promise<void> {
  const [exp] = await hub.must('bundle.export', { dir: tempDir(), for: istat });
  const [res] = await town.must('bundle.import', { files: [{ path: exp!.path }] });
  expect(res!.code, res!.message).toBeNull();
}

/** Every received record (owner, kind, id, last seq, state), sorted: two hubs' copies compare equal when they hold the same. */
export function receivedRecords(db: Database.Database, owners: string[]): string[] {
  const marks = owners.map(() => '?').join(', ');
  return (
    db
      .prepare(
        `SELECT owner, kind, id, last_seq, deleted, data FROM received_records_data WHERE owner IN (${marks}) ORDER BY owner, id`,
      )
      .all(...owners) as Record<string, unknown>[]
  ).map((r) => JSON.stringify(r));
}

export function usageRows(db: Database.Database, owners: string[]): string[] {
  const marks = owners.map(() => '?').join(', ');
  return (db.prepare(`SELECT owner, service, month, quantity_milli, entries FROM received_usage_monthly WHERE owner IN (${marks}) ORDER BY owner, service, month`).all(...owners) as Record<string, unknown>[]).map((r) =>
    JSON.stringify(r),
  );
}

export function streamHeads(db: Database.Database, owners: string[]): string[] {
  const marks = owners.map(() => '?').join(', ');
  return (db.prepare(`SELECT id, applied_seq, hex(applied_hash) AS h FROM peers WHERE kind = 'municipality' AND id IN (${marks}) ORDER BY id`).all(...owners) as Record<string, unknown>[]).map((r) =>
    JSON.stringify(r),
  );
}
