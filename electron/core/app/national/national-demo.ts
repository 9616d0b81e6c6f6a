/**
 * `cst demo --national` (issue 12): a hub with every municipality of Italy (or `members` of
 * them) and `years` of their records, built the way a real hub gets it. Each member is a real
 * installation (national-member.ts) whose keys come from the seed; it is enrolled and confirmed
 * on the hub, writes its years through the municipality's services and sends them in one
 * signed, encrypted bundle, which the hub imports through the ordinary import (the 12 steps, the
 * verification worker, the projectors). The same seed gives the same hub data (the bundles'
 * bytes differ: age encryption is randomised by design, so do the archived files' names).
 *
 * Not one transaction: a run stopped halfway leaves the members imported so far. The demo is
 * meant for a folder of its own, so it refuses a hub that already received bundles.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Municipality } from '../../../../shared/domain/installation';
import type { Log } from '../../platform/context';
import { fixedClock } from '../../platform/defaults';
import { appError } from '../../platform/errors';
import { readInstallation } from '../../platform/installation/installation-store';
import { listProvinces, municipalitiesOfProvince } from '../../platform/reference/municipalities';
import { DB_FILE_NAME } from '../../platform/store/db-file';
import { defaultVerifier } from '../../format/worker/verifier';
import { publishInitialHubRecords } from '../../hub/members/hub-members';
import { importBundles } from '../../sync/inbox/import';
import { exportIdentity } from '../../sync/identity/identity';
import { openBackend, type Backend } from '../backend';
import { insertMembers } from '../setup/members-store';
import { setupHub } from '../setup/setup';
import { enrol, simulateMember, type SimulatedMember } from './national-member';
import { keySeed, memberIds } from './national-seeds';

/** The simulated present: the members' clock and the hub's. Fixed, so a seed rebuilds the same data. */
export const NATIONAL_UNTIL = '2026-11-30T17:00:00.000Z';
/** Bundles per import call: the worker verifies the next one while the hub applies this one. */
const IMPORT_BATCH = 16;

export interface NationalDemoInput {
  dataDir: string;
  seed: number;
  years: number;
  /** How many municipalities (spread evenly over ISTAT's list); all 7,896 when absent. */
  members?: number;
  appVersion: string;
  log: Log;
  /** Where members live while they write (default: a temporary folder, removed at the end). */
  workDir?: string;
  onProgress?: (p: NationalProgress) => void;
}

export interface NationalProgress {
  membersDone: number;
  membersTotal: number;
  events: number;
  generateMs: number;
  importMs: number;
}

export interface NationalDemoSummary extends NationalProgress {
  seed: number;
  years: number;
  hubId: string;
  /** Events per second of the whole run (members writing and exporting, the hub importing). */
  eventsPerSecond: number;
  importEventsPerSecond: number;
  databaseBytes: number;
  archiveBytes: number;
}

/** Every municipality in ISTAT order, or `count` of them evenly spread (north to south, big and small). */
export function chooseMunicipalities(count?: number): Municipality[] {
  const all = listProvinces()
    .flatMap((p) => municipalitiesOfProvince(p.code))
    .sort((a, b) => a.istat.localeCompare(b.istat));
  if (count === undefined || count >= all.length) return all;
  return Array.from({ length: count }, (_, i) => all[Math.floor((i * all.length) / count)]!);
}

export async function buildNationalDemo(input: NationalDemoInput): Promise<NationalDemoSummary> {
  const chosen = chooseMunicipalities(input.members);
  const hub = openNationalHub(input, chosen);
  const ownWork = input.workDir === undefined;
  const workDir = input.workDir ?? mkdtempSync(join(tmpdir(), 'cst-national-'));
  const verifier = defaultVerifier();
  try {
    const hubIdentity = exportIdentity(hub.ctx).bytes;
    const progress: NationalProgress = { membersDone: 0, membersTotal: chosen.length, events: 0, generateMs: 0, importMs: 0 };
    let waiting: SimulatedMember[] = [];
    const importWaiting = async () => {
      const t0 = performance.now();
      const results = await importBundles(hub.ctx, waiting.map((w) => ({ path: w.bundlePath })), { verifier });
      progress.importMs += performance.now() - t0;
      for (const [i, r] of results.entries()) {
        if (r.outcome !== 'applied') throw appError('demo.bundleNotApplied', { name: waiting[i]?.istat ?? '?', detail: `${r.code ?? r.outcome}: ${r.detail ?? r.message}` });
        progress.events += r.eventsApplied;
      }
      for (const w of waiting) rmSync(w.bundlePath, { force: true });
      progress.membersDone += waiting.length;
      waiting = [];
      input.onProgress?.({ ...progress });
    };
    for (const [i, municipality] of chosen.entries()) {
      const t0 = performance.now();
      const member = await simulateMember({
        seed: input.seed,
        index: i + 1,
        municipality,
        months: 12 * input.years,
        until: NATIONAL_UNTIL,
        hubIdentity,
        workDir,
        appVersion: input.appVersion,
        log: input.log,
      });
      progress.generateMs += performance.now() - t0;
      enrol(hub.ctx, member.identity);
      waiting.push(member);
      if (waiting.length === IMPORT_BATCH) await importWaiting();
    }
    if (waiting.length > 0) await importWaiting();
    const totalMs = progress.generateMs + progress.importMs;
    return {
      ...progress,
      seed: input.seed,
      years: input.years,
      hubId: readInstallation(hub.ctx.db)!.id,
      eventsPerSecond: totalMs > 0 ? (progress.events / totalMs) * 1000 : 0,
      importEventsPerSecond: progress.importMs > 0 ? (progress.events / progress.importMs) * 1000 : 0,
      ...storeSizes(input.dataDir),
    };
  } finally {
    await verifier.close();
    hub.close();
    if (ownWork) rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * Opens the hub: a new folder becomes the hub CST-IT (keys from the seed) with the chosen
 * members in its registry, published as its first events; a hub already set up is used if it
 * has received nothing yet (its missing members are added to the registry).
 */
export function openNationalHub(input: Pick<NationalDemoInput, 'dataDir' | 'seed' | 'appVersion' | 'log'> & { resume?: boolean }, chosen: Municipality[]): Backend {
  const hub = openBackend({ dataDir: input.dataDir, appVersion: input.appVersion, clock: fixedClock(NATIONAL_UNTIL), ids: memberIds(input.seed, 'hub', 0), log: input.log, autoBackupDelayMs: false });
  try {
    prepareHub(hub, input.seed, chosen, input.resume === true);
    return hub;
  } catch (err) {
    hub.close();
    throw err;
  }
}

/** `resume`: the import-rate bench carrying on a store an earlier run of it built (it received bundles). */
function prepareHub(hub: Backend, seed: number, chosen: Municipality[], resume: boolean): void {
  const { db } = hub.ctx;
  const existing = readInstallation(db);
  if (existing && (existing.role !== 'hub' || (!resume && db.prepare('SELECT 1 FROM inbox_events LIMIT 1').get()))) {
    throw appError('demo.nationalNotFresh');
  }
  if (!existing) setupHub(hub.ctx, { id: 'CST-IT', name: 'CST Italia (dimostrazione nazionale)', operator: 'Dimostrazione' }, keySeed(seed, 'hub'));
  const known = new Set(db.prepare('SELECT istat FROM members').pluck().all() as string[]);
  db.transaction(() => insertMembers(db, chosen.filter((m) => !known.has(m.istat)), hub.ctx.clock.now()))();
  if (!existing) publishInitialHubRecords(hub.ctx);
}

function storeSizes(dataDir: string): { databaseBytes: number; archiveBytes: number } {
  const size = (p: string) => {
    try {
      return statSync(p).size;
    } catch {
      return 0;
    }
  };
  const archive = join(dataDir, 'inbox', 'archive');
  let archiveBytes = 0;
  try {
    for (const f of readdirSync(archive)) archiveBytes += size(join(archive, f));
  } catch {
    // no archive yet
  }
  const db = join(dataDir, DB_FILE_NAME);
  return { databaseBytes: size(db) + size(`${db}-wal`), archiveBytes };
}
