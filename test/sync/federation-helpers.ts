/**
 * A region of hubs side by side in one process (docs/federation.md): a regional hub, provincial
 * hubs linked to it both ways by fingerprint, and municipalities enrolled at their province.
 */
import { expect } from 'vitest';
import type Database from 'better-sqlite3';
import { openTestBackend, type TestBackend } from '../helpers/backend';
import { tempDir } from '../helpers/temp-dir';
import { memberIdentity } from '../helpers/member-identities';
import { introduce, townToHub } from './hub-helpers';

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

/** A region with data, as a regional office sees it after the provinces' first forwarding. */
export interface RegionWithData {
  region: TestBackend;
  provinces: TestBackend[];
  towns: TestBackend[];
  /** Every backend closed (the region's data folder stays, for a shell or a UI backend to open). */
  close(): void;
}

/**
 * Two provinces and a region, all real: CST-PU vouches for Urbino and Pesaro, which send usage,
 * and for `enrolled` more municipalities of the Marche enrolled by identity file alone (no data
 * yet: a consortium the size of a province, or two); CST-AN for Ancona, which sends usage. Each
 * province forwards the very bundles it received; the region imports both folders.
 */
export async function openRegionWithData(options: { enrolled?: number } = {}): Promise<RegionWithData> {
  const region = await openRegion();
  const pu = await openProvince('CST-PU', 'PU');
  const an = await openProvince('CST-AN', 'AN');
  const towns = [await openMember(pu, '041067'), await openMember(pu, '041044'), await openMember(an, '042002')];
  const hubOf = [pu, pu, an];
  await linkProvince(region, pu);
  await linkProvince(region, an);
  const reference = [...(await pu.must('reference.searchMunicipalities', { query: '041', limit: 100 })), ...(await pu.must('reference.searchMunicipalities', { query: '042', limit: 100 }))];
  const extra = reference.filter((m) => !['041067', '041044', '042002'].includes(m.istat)).slice(0, options.enrolled ?? 0);
  const registry = new Set((await pu.must('members.list', {})).map((m) => m.istat));
  for (const m of extra) {
    // The consortium's own province is in its registry from the setup; the others are added.
    if (!registry.has(m.istat)) await pu.must('members.add', { istat: m.istat, memberSince: '2026-01-01' });
    const id = memberIdentity({ istat: m.istat, name: m.name });
    const peer = await pu.must('identity.import', { contentBase64: id.bytes.toString('base64'), fileName: id.fileName });
    await pu.must('identity.confirm', { id: peer.id, fingerprint: id.fingerprint });
  }
  for (const [i, town] of towns.entries()) {
    const hub = hubOf[i]!;
    await replyTo(hub, town, ['041067', '041044', '042002'][i]!);
    await town.must('usage.record', { service: 'PEC', date: '2026-03-02', quantity: String(2 + i) });
    await town.must('usage.record', { service: 'PEC', date: '2026-10-05', quantity: String(10 * (i + 1)) });
    await town.must('usage.record', { service: 'SITO', date: '2026-10-06', quantity: '1,5' });
    await town.must('usage.record', { service: 'PEC', date: '2025-06-01', quantity: '7' });
    await townToHub(town, hub);
  }
  for (const hub of [pu, an]) {
    const dir = tempDir();
    await hub.must('federation.forward', { dir });
    const r = await region.must('federation.import', { dir });
    expect(r.results.map((x) => x.outcome).filter((o) => o !== 'applied')).toEqual([]);
  }
  const all = [region, pu, an, ...towns];
  return { region, provinces: [pu, an], towns, close: () => all.forEach((t) => t.backend.close()) };
}

/**
 * A region and a province CST-PU with one member, Urbino, whose bundle was exported before it
 * learned of the region (encrypted to its hub alone: one X25519 stanza) and received by the
 * province after it confirmed the region (docs/federation.md, "Only what R can open goes up").
 * Nothing forwarded yet; `early` is the member's file.
 */
export async function provinceWithEarlyFile(): Promise<{ region: TestBackend; hub: TestBackend; town: TestBackend; early: string; close(): void }> {
  const region = await openRegion();
  const hub = await openProvince('CST-PU', 'PU');
  const town = await openMember(hub, '041067');
  await replyTo(hub, town, '041067');
  await town.must('usage.record', { service: 'PEC', date: '2026-10-05', quantity: '2' });
  const [early] = await town.must('bundle.export', { dir: tempDir() });
  await linkProvince(region, hub);
  const [res] = await hub.must('bundle.import', { files: [{ path: early!.path }] });
  expect(res!.outcome).toBe('applied');
  return { region, hub, town, early: early!.path, close: () => [region, hub, town].forEach((t) => t.backend.close()) };
}

/** A small seeded generator (mulberry32): the same shuffles on every run. */
export function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}
