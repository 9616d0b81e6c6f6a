/**
 * A municipality "restored from an old backup" in one process: its database copied at an
 * earlier point (VACUUM INTO: a consistent file even with WAL) with its keys, then the live
 * backend closed and a new one opened on the copy.
 */
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { openTestBackend, type TestBackend } from '../helpers/backend';
import { tempDir } from '../helpers/temp-dir';
import { hubToTown, openHub, openTown, townToHub } from './hub-helpers';

/** A hub and Urbino in sync (one usage entry sent, the hub's reply applied), and a backup of Urbino taken then. */
export async function syncedTownWithBackup() {
  const hub = await openHub();
  const town = await openTown(hub, '041067');
  await town.must('usage.record', { service: 'WIFI', date: '2026-11-02', quantity: '3' });
  await townToHub(town, hub);
  await hubToTown(hub, town, '041067');
  return { hub, town, backup: takeBackup(town) };
}

export function takeBackup(t: TestBackend): string {
  const dir = tempDir();
  t.backend.ctx.db.exec(`VACUUM INTO '${join(dir, 'cst-desk.sqlite').replaceAll("'", "''")}'`);
  mkdirSync(join(dir, 'keys'), { recursive: true });
  cpSync(join(t.dataDir, 'keys'), join(dir, 'keys'), { recursive: true });
  return dir;
}

export function restoreBackup(t: TestBackend, backupDir: string, start: string): TestBackend {
  t.backend.close();
  const dir = tempDir();
  cpSync(backupDir, dir, { recursive: true });
  return openTestBackend({ dataDir: dir, start });
}

/** Every local record a clerk sees, without the row timestamps (see the report: restored rows take the event's time). */
export async function localRecords(t: TestBackend) {
  const strip = <T extends object>(xs: T[]) => xs.map((x) => Object.fromEntries(Object.entries(x).filter(([k]) => !['createdAt', 'updatedAt'].includes(k))));
  const usage = await t.must('usage.list', { limit: 500 });
  const proposals = await t.must('proposals.list', {});
  const attachments = [];
  for (const p of proposals) for (const a of p.attachments) attachments.push(await t.must('attachments.get', { sha256: a.sha256 }));
  return {
    usage: strip(usage.rows),
    usageTotals: usage.totals,
    staff: strip(await t.must('staff.list', { includeInactive: true })),
    courses: strip(await t.must('courses.list', {})),
    participations: strip(await t.must('participations.list', {})),
    groups: strip(await t.must('groups.list', {})),
    meetings: strip(await t.must('meetings.list', {})),
    proposals: strip(proposals),
    attachments,
    monthly: await t.must('usage.monthly', { year: 2026 }),
  };
}

export async function refused(t: TestBackend, p: Promise<{ ok: boolean }>, code: string): Promise<string> {
  const r = (await p) as { ok: false; error: { code: string; message: string } };
  expect(r.ok).toBe(false);
  expect(r.error.code).toBe(code);
  return r.error.message;
}
