/**
 * The regional hub collects from each province's mailbox (docs/federation.md, "Through the
 * mailbox"): it is a party there (the province's mailbox roster names it), reads the `regional`
 * inbox with the ordinary mailbox client, takes the signed rosters first (a file starting with
 * `{`: mailbox-forward.ts), then imports the bundles through the same path as `federation.import`
 * (regional-import.ts) — the province's own bundles among them, from a hub peer, through the same
 * ordinary import — and removes from the mailbox what ended final, as the sync round does. Then it
 * sends the province its own stream, when there is something new for it, exactly as the sync
 * round does for a member (`sendIfDue`: the bundle of `bundle.export --for <province>`, encrypted
 * to the province and every member its roster vouches for), to the province's inbox `hub`, where
 * the province's agent takes it like a member's: the mailbox lets the regional party write there
 * only, and only age-encrypted files (server/mailbox/routes.ts).
 *
 * A download that does not hash to its name is fetched once more: the same wrong bytes twice are
 * what the mailbox holds (altered there, by whoever can write its data folder), not a damaged
 * transfer. They are imported for what they are, so the refusal (E_DIGEST, E_SIGNATURE…) names
 * the province, and removed; a damaged transfer is fetched again next round.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ForwardedImportResult, ProvinceCollection, RosterTaken } from '../../../../shared/domain/federation';
import type { AppContext } from '../../platform/context';
import { AppError, appError } from '../../platform/errors';
import type { BundleVerifier } from '../../format/worker/verifier';
import type { BundleSource } from '../inbox/import';
import { INCOMING_DIR, spoolRecipient, unsentSpoolAt } from '../network/agent-store';
import { CourierError, REGIONAL_RECIPIENT, type Courier, type WaitingFile } from '../network/courier';
import type { MailboxCourierMaker } from '../network/courier-factory';
import type { CollectedFrom } from '../network/round-extensions';
import { count, FINAL, heldOutcome, removeFinal, sendIfDue, sweepSpool, upload } from '../network/sync-round';
import { findPeer } from '../peers/peers-store';
import { listFederationHubs, setLastCollection, type FederationHubRecord } from './federation-store';
import { ROSTER_FILE_FIRST_BYTE } from './mailbox-forward';
import { importFromProvince, takeProvinceRoster } from './regional-import';
import { makePrivateDir } from '../../platform/fs/private-files';

/** Bounds a collection whatever a mailbox answers (100 pages of 100). */
const MAX_PAGES = 100;
const PAGE_SIZE = 100;

export interface CollectOptions {
  makeMailbox: MailboxCourierMaker;
  verifier: BundleVerifier;
}

export interface ProvinceCollectionReport extends CollectedFrom {
  rosters: RosterTaken[];
  results: ForwardedImportResult[];
}

/** The confirmed provinces whose mailbox address the regional office gave. */
export function provincesWithMailbox(ctx: AppContext): (FederationHubRecord & { mailboxUrl: string })[] {
  return listFederationHubs(ctx.db, 'province').filter((p): p is FederationHubRecord & { mailboxUrl: string } => p.status === 'confirmed' && p.mailboxUrl !== null);
}

/**
 * Every province's mailbox, one after the other. A province whose mailbox cannot be reached or
 * refuses us is recorded in its last collection (shown by the status) and does not stop the others.
 */
export async function collectFromProvinces(ctx: AppContext, options: CollectOptions): Promise<ProvinceCollectionReport[]> {
  const reports: ProvinceCollectionReport[] = [];
  const provinces = provincesWithMailbox(ctx);
  // What a crash left in the spool and the downloads (the sync round does the same; a regional hub may have no mailbox of its own).
  if (provinces.length > 0) sweepSpool(ctx);
  for (const province of provinces) {
    const courier = options.makeMailbox({ baseUrl: province.mailboxUrl, dataDir: ctx.dataDir, self: REGIONAL_RECIPIENT });
    const report: ProvinceCollectionReport = {
      province: { id: province.id, name: province.name },
      collection: { at: ctx.clock.now(), received: 0, applied: 0, duplicate: 0, waiting: 0, refused: 0, removed: 0, sent: 0, rosterSerial: null, error: null },
      rosters: [],
      results: [],
    };
    try {
      await collectFrom(ctx, province, courier, options, report);
    } catch (err) {
      report.collection.error = collectionError(err, province);
      if (!report.collection.error) throw err;
      ctx.log.warn('federation: collection from a province stopped', { province: province.id, key: report.collection.error.key });
    }
    report.collection.at = ctx.clock.now();
    setLastCollection(ctx.db, province.id, report.collection);
    reports.push(report);
  }
  return reports;
}

function collectionError(err: unknown, province: FederationHubRecord): ProvinceCollection['error'] {
  const who = { name: province.name, id: province.id };
  if (err instanceof CourierError) {
    if (err.reason === 'refused') return { key: 'federation.provinceMailboxRefused', params: who };
    if (err.reason === 'server' || err.reason === 'quota') return { key: 'federation.provinceMailboxServer', params: who };
    return { key: 'federation.provinceMailboxOffline', params: who };
  }
  if (err instanceof AppError && err.key) return { key: err.key, params: (err.toValue().params ?? {}) as Record<string, string | number> };
  return null;
}

interface Downloaded {
  sha256: string;
  path: string;
}

async function collectFrom(ctx: AppContext, province: FederationHubRecord, courier: Courier, options: CollectOptions, report: ProvinceCollectionReport): Promise<void> {
  const dir = join(ctx.dataDir, INCOMING_DIR);
  makePrivateDir(dir);
  const c = report.collection;
  const rosters: Downloaded[] = [];
  const bundles: BundleSource[] = [];
  /** Final already (held here) or done with in this collection: removed from the mailbox. */
  const done: string[] = [];
  const held = new Set<string>();
  const temp: string[] = [];
  try {
    let after: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const { items, more } = await courier.list(after, PAGE_SIZE);
      if (items.length === 0) break;
      after = (items[items.length - 1] as WaitingFile).sha256;
      for (const item of items) {
        const outcome = heldOutcome(ctx, item.sha256);
        if (outcome && FINAL.has(outcome)) done.push(item.sha256);
        else if (outcome) held.add(item.sha256); // pending or kept here: no second download
        else {
          const got = await download(courier, item, join(dir, `regional-${province.id}-${item.sha256}.cstb`), temp);
          if (!got) continue;
          c.received += 1;
          if (firstByte(got.path) === ROSTER_FILE_FIRST_BYTE) rosters.push({ sha256: item.sha256, path: got.path });
          else {
            bundles.push({ path: got.path, name: `${province.id}/${item.sha256}.cstb` });
            if (got.altered) done.push(item.sha256); // imported for what it is; the mailbox has nothing better
            else held.add(item.sha256);
          }
        }
      }
      if (!more) break;
    }
    // The rosters first, oldest serial first (an older one after a newer one changes nothing).
    const added = new Set<string>();
    for (const r of readRosters(rosters)) {
      done.push(r.sha256);
      try {
        const taken = takeProvinceRoster(ctx, province, r.text, r.signature, (reason) => {
          throw appError('federation.mailboxRosterInvalid', { name: province.name, id: province.id, reason });
        });
        report.rosters.push(taken);
        if (taken.taken) c.rosterSerial = taken.serial;
        for (const istat of taken.added) added.add(istat);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        // Refused whole (not signed by the province, altered, meant for another region): said, and removed.
        c.error = collectionError(err, province);
      }
    }
    const tally = { results: [] as ForwardedImportResult[], applied: 0, duplicate: 0, refused: 0, waiting: 0 };
    const imported = await importFromProvince(ctx, province, bundles, [...added], { verifier: options.verifier });
    for (const r of imported.results) {
      report.results.push(r);
      count(r, tally);
    }
    c.applied += tally.applied;
    c.duplicate += tally.duplicate;
    c.refused += tally.refused;
    c.waiting += tally.waiting;
    for (const a of imported.alsoApplied) if (a.outcome === 'applied') c.applied += 1;
    await removeFinal(ctx, courier, held, done, c);
  } finally {
    for (const path of temp) rmSync(path, { force: true });
  }
  await sendOwnStream(ctx, province, courier, c);
}

/**
 * Our own stream for the province, at its mailbox's inbox `hub`: what an earlier collection
 * spooled and did not finish first, then a new bundle when the province has not acknowledged our
 * events or we applied its own beyond the last acknowledgement we sent (after the import above).
 */
async function sendOwnStream(ctx: AppContext, province: FederationHubRecord, courier: Courier, c: ProvinceCollection): Promise<void> {
  const peer = findPeer(ctx.db, 'hub', province.id);
  if (peer?.status !== 'confirmed') return;
  const sent = { sent: 0, exported: 0 };
  try {
    for (const entry of unsentSpoolAt(ctx.db, province.id)) await upload(ctx, { courier }, entry, sent);
    await sendIfDue(ctx, { courier }, peer, spoolRecipient(province.id, 'hub'), sent);
  } finally {
    c.sent = (c.sent ?? 0) + sent.sent;
  }
}

/**
 * Downloads one file; null when the transfer was damaged (fetched again next round). The same
 * wrong bytes twice are what the mailbox holds: returned, marked `altered`.
 */
async function download(courier: Courier, item: WaitingFile, dest: string, temp: string[]): Promise<{ path: string; altered: boolean } | null> {
  const mismatch = `${dest}.mismatch`;
  temp.push(dest, mismatch, `${dest}.again.mismatch`);
  try {
    await courier.fetch(item, dest, undefined, { keepMismatch: true });
    return { path: dest, altered: false };
  } catch (err) {
    if (!(err instanceof CourierError && err.reason === 'corrupt') || !existsSync(mismatch)) throw err;
  }
  const first = sha256Of(mismatch);
  try {
    await courier.fetch(item, `${dest}.again`, undefined, { keepMismatch: true });
    // The second one hashed: the first transfer was damaged. Keep the good one.
    temp.push(`${dest}.again`);
    return { path: `${dest}.again`, altered: false };
  } catch (err) {
    if (!(err instanceof CourierError && err.reason === 'corrupt')) throw err;
  }
  if (!existsSync(`${dest}.again.mismatch`) || sha256Of(`${dest}.again.mismatch`) !== first) return null;
  return { path: mismatch, altered: true };
}

function sha256Of(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function firstByte(path: string): number | undefined {
  return readFileSync(path).subarray(0, 1)[0];
}

/** The roster files, parsed, by serial; an unreadable one is kept with an empty text (its check refuses it). */
function readRosters(files: Downloaded[]): { sha256: string; text: string; signature: string; serial: number }[] {
  return files
    .map((f) => {
      try {
        const body = JSON.parse(readFileSync(f.path, 'utf8')) as { roster?: unknown; signature?: unknown };
        const text = typeof body.roster === 'string' ? body.roster : '';
        const serial = Number((JSON.parse(text) as { serial?: unknown }).serial) || 0;
        return { sha256: f.sha256, text, signature: typeof body.signature === 'string' ? body.signature : '', serial };
      } catch {
        return { sha256: f.sha256, text: '', signature: '', serial: 0 };
      }
    })
    .sort((a, b) => a.serial - b.serial);
}
