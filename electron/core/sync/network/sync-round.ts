/**
 * One round of the sync agent (docs/sync.md "The sync agent"), with no timers of its own:
 *
 * 1. (hub) publish the roster when the confirmed members changed;
 * 2. resume what an earlier round spooled and did not finish sending;
 * 3. (member) send the hub a bundle when it has not acknowledged our events and no bundle in
 *    flight already carries them, or when we applied its events since the last ack we sent;
 * 4. fetch what waits, page by page: download, import the page through the ordinary import
 *    (the same 12 steps), remove from the courier what ended final, keep pending and kept;
 * 5. (provincial hub, through its mailbox) forward to the regional hub what the members sent,
 *    and to each member the regional hub's files (the round's extensions: federation/mailbox-forward.ts);
 * 6. (hub) the same decision as 3 for every confirmed member: its own bundle; and for the peers
 *    the extensions add (a provincial hub's own stream for its regional hub, inbox `regional`).
 *
 * Bundles are the exporter's own files (`exportBundles`), written to `sync/outgoing/` and
 * recorded in `sync_outgoing` before they leave: a crash between export and upload loses
 * nothing, the next round resumes. Downloads go to `sync/incoming/` and are removed once
 * imported (the import archives its own copy). A CourierError ends the round: the agent backs off.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BundleImportResult, DownloadCounts } from '../../../../shared/domain/bundles';
import type { SyncTransfer } from '../../../../shared/domain/network-sync';
import type { AppContext } from '../../platform/context';
import { makePrivateDir } from '../../platform/fs/private-files';
import { requireInstallation, type InstallationRecord } from '../../platform/installation/installation-store';
import { defaultVerifier, inlineVerifier, type BundleVerifier } from '../../format/worker/verifier';
import { exportBundles } from '../bundles/export';
import { loadInstallationKeys } from '../identity/keys';
import { importBundles } from '../inbox/import';
import { outboxHead } from '../outbox/outbox';
import type { PeerRecord } from '../peers/peers-store';
import { exchangePeers } from '../peers/vouched-senders';
import {
  INCOMING_DIR,
  OUTGOING_DIR,
  courierRecipient,
  dropSpool,
  insertSpool,
  lastAckSent,
  markDelivered,
  markUploaded,
  newestSent,
  readAgentRow,
  recordRoster,
  unsentSpool,
  unsentSpoolAt,
  type SpoolEntry,
} from './agent-store';
import { CourierError, type Courier, type Recipient, type WaitingFile } from './courier';
import { ROSTER_FORMAT, signRoster } from './roster';
import type { CollectedFrom, RoundExtensions } from './round-extensions';

/** A bundle taken but not acknowledged this long after its upload is sent again from the acknowledgement. */
export const RESEND_AFTER_MS = 60 * 60 * 1000;
const PAGE_SIZE = 100;
/**
 * A page of downloads this small is verified on this thread: starting the verification worker
 * costs about 170 ms of CPU (it compiles its bundle), far more than checking a few thousand
 * events (a month of a town hall's records is ~9 KB), and a round would pay it every time. The
 * worker is for large pages, so that the window stays responsive while they are checked.
 */
export const INLINE_VERIFY_MAX_BYTES = 128 * 1024;
/** Bounds the fetch loop whatever a courier answers (100 pages of 100 is 10,000 bundles a round). */
const MAX_PAGES = 100;

export interface RoundOptions {
  courier: Courier;
  /** Defaults to the app's verifier (the worker), closed when the round ends. */
  verifier?: BundleVerifier;
  /** Bytes moved by the current transfer; null when it ends. */
  onTransfer?: (t: SyncTransfer | null) => void;
  pageSize?: number;
  /** What other parts of the core add to the round (federation: the regional hub on the roster, forwarding). */
  extensions?: RoundExtensions | undefined;
}

/** What sending our own bundles needs: the courier, and who hears of the bytes moving. */
export type SendingOptions = Pick<RoundOptions, 'courier' | 'onTransfer'>;

export interface RoundReport extends DownloadCounts {
  /** Bundles that became complete at the courier in this round. */
  sent: number;
  /** Bundles exported into the spool in this round. */
  exported: number;
  rosterPublished: boolean;
  /** (provincial hub) member files now at the mailbox for the regional hub. */
  forwarded: number;
  /** (provincial hub) the regional hub's files now at the mailbox for the members (one a member and file). */
  forwardedDown: number;
  results: BundleImportResult[];
  /** (regional hub) what each province's mailbox gave (sync-agent.ts adds it). */
  collected: CollectedFrom[];
}

export function emptyRoundReport(): RoundReport {
  return { sent: 0, exported: 0, received: 0, applied: 0, duplicate: 0, waiting: 0, refused: 0, removed: 0, rosterPublished: false, forwarded: 0, forwardedDown: 0, results: [], collected: [] };
}

/** Outcomes after which a file is removed from the courier (pending and kept ones wait). */
export const FINAL = new Set(['applied', 'duplicate', 'refused']);

export async function runSyncRound(ctx: AppContext, options: RoundOptions): Promise<RoundReport> {
  const us = requireInstallation(ctx.db);
  const report = emptyRoundReport();
  sweepSpool(ctx);
  const verifier = options.verifier ?? defaultVerifier();
  try {
    if (us.role === 'hub') report.rosterPublished = await publishRosterIfChanged(ctx, us, options.courier, options.extensions);
    for (const entry of unsentSpoolAt(ctx.db, null)) await upload(ctx, options, entry, report);
    if (us.role === 'municipality') {
      const hub = hubPeer(ctx);
      if (hub) await sendIfDue(ctx, options, hub, 'hub', report);
    }
    await fetchAll(ctx, options, verifier, report);
    if (us.role === 'hub') {
      if (options.extensions) Object.assign(report, await options.extensions.afterFetch(ctx, options.courier));
      for (const member of confirmedMembers(ctx)) await sendIfDue(ctx, options, member, member.id, report);
      for (const other of options.extensions?.streamPeers(ctx, options.courier) ?? []) await sendIfDue(ctx, options, other.peer, other.to, report);
    }
    return report;
  } finally {
    options.onTransfer?.(null);
    if (!options.verifier) await verifier.close();
  }
}

function hubPeer(ctx: AppContext): PeerRecord | null {
  // Our hub, not the regional hub above it (whose files come through our hub: exchangePeers).
  return exchangePeers(ctx.db).find((p) => p.kind === 'hub' && p.status === 'confirmed') ?? null;
}

function confirmedMembers(ctx: AppContext): PeerRecord[] {
  return exchangePeers(ctx.db).filter((p) => p.kind === 'municipality' && p.status === 'confirmed');
}

/**
 * What a crash left. Files in `sync/outgoing/` that no spool row names (an export interrupted before its row was
 * written, a temp file) are removed; rows still to send whose file is gone (a restored backup)
 * are dropped: the decision below exports again what is still unacknowledged.
 */
export function sweepSpool(ctx: AppContext): void {
  const dir = join(ctx.dataDir, OUTGOING_DIR);
  makePrivateDir(dir);
  makePrivateDir(join(ctx.dataDir, INCOMING_DIR));
  const rows = unsentSpool(ctx.db);
  const named = new Set(rows.map((r) => r.path));
  for (const name of readdirSync(dir)) {
    const rel = `${OUTGOING_DIR}/${name}`;
    if (!named.has(rel)) rmSync(join(dir, name), { force: true });
  }
  for (const r of rows) if (!existsSync(join(ctx.dataDir, r.path))) dropSpool(ctx.db, r.sha256);
  // A download a crash left before its import is fetched again; a `.part` is kept for resuming.
  const incoming = join(ctx.dataDir, INCOMING_DIR);
  for (const name of readdirSync(incoming)) if (!name.endsWith('.part')) rmSync(join(incoming, name), { force: true });
}

/**
 * The parties allowed to use the mailbox: the confirmed municipalities, with their signing keys,
 * and the confirmed regional hub (it reads what is forwarded to it: federation/mailbox-forward.ts).
 */
async function publishRosterIfChanged(ctx: AppContext, us: InstallationRecord, courier: Courier, extensions: RoundExtensions | undefined): Promise<boolean> {
  if (!courier.publishRoster) return false;
  const members = confirmedMembers(ctx)
    .map((p) => ({ id: p.id, name: p.name, signing_key: p.signingKey }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const regional = extensions?.rosterRegional(ctx);
  // Without a regional hub the digest is the members' alone, as before federation.
  const digest = createHash('sha256').update(JSON.stringify(regional ? [members, regional] : members)).digest('hex');
  const row = readAgentRow(ctx.db);
  if (row.rosterDigest === digest) return false;
  const now = ctx.clock.now();
  // The serial must grow at the mailbox even after a backup of this hub is restored: the clock's
  // seconds are, in practice, beyond any serial published before.
  const serial = Math.max(row.rosterSerial + 1, Math.floor(Date.parse(now) / 1000));
  const signed = signRoster({ format: ROSTER_FORMAT, version: 1, hub: us.id, serial, issued_at: now, members, ...(regional ? { regional_hub: regional } : {}) }, loadInstallationKeys(ctx.dataDir).signing);
  await courier.publishRoster(signed);
  recordRoster(ctx.db, serial, digest);
  return true;
}

/**
 * Sends a spooled file (to its row's recipient at this courier); once complete there the local copy is no longer needed.
 * `fresh`: the file was exported and spooled just now, so no attempt ever sent it and the
 * courier need not ask where it stands. The spool row, committed before this upload, is the
 * record of the attempt: if it fails or the process dies, the next round resumes it from the
 * spool (step 2) without `fresh`, asking the courier first.
 */
export async function upload(ctx: AppContext, options: SendingOptions, entry: SpoolEntry, report: Pick<RoundReport, 'sent'>, fresh = false): Promise<void> {
  const path = join(ctx.dataDir, entry.path);
  const state = await options.courier.send(
    courierRecipient(entry.recipient),
    { path, sha256: entry.sha256, bytes: entry.bytes },
    (done, total) => options.onTransfer?.({ direction: 'up', done, total }),
    { fresh },
  );
  options.onTransfer?.(null);
  if (state === 'partial' || state === 'absent') return; // resumed next round
  if (state === 'delivered') markDelivered(ctx.db, entry.sha256, ctx.clock.now());
  else markUploaded(ctx.db, entry.sha256, ctx.clock.now());
  rmSync(path, { force: true });
  report.sent += 1;
}

/**
 * Whether `peer` needs a bundle from us now, and if so exports it into the spool and sends it.
 * Due when it has not acknowledged our events and no bundle in flight carries them (one that was
 * taken long ago without an acknowledgement since is sent again), or when we applied its
 * events beyond the last acknowledgement we sent it. `to` is the spool's recipient (agent-store.ts
 * `spoolRecipient`: a place before a colon when the courier is another installation's mailbox).
 */
export async function sendIfDue(ctx: AppContext, options: SendingOptions, peer: PeerRecord, to: Recipient, report: Pick<RoundReport, 'sent' | 'exported'>): Promise<void> {
  const head = outboxHead(ctx.db).seq;
  const unacked = head > (peer.ackedSeq ?? 0);
  const ackDue = peer.appliedSeq > (lastAckSent(ctx.db, to) ?? 0);
  if (!unacked && !ackDue) return;
  if (!ackDue && !(await carrierGone(ctx, options.courier, to, head))) return;
  const name = `${ctx.ids.uuid()}.cstb`;
  const [exported] = await exportBundles(ctx, { out: join(ctx.dataDir, OUTGOING_DIR, name), for: peer.id });
  if (!exported) return;
  const entry: SpoolEntry = {
    sha256: exported.sha256,
    recipient: to,
    path: `${OUTGOING_DIR}/${name}`,
    bytes: exported.bytes,
    firstSeq: exported.range.first,
    lastSeq: exported.range.last,
    // The exporter's own rule for the manifest's ack (none before anything was received).
    ackSeq: peer.appliedSeq === 0 && peer.lastReceivedAt === null ? null : peer.appliedSeq,
    createdAt: ctx.clock.now(),
    uploadedAt: null,
    deliveredAt: null,
    state: 'spooled',
  };
  insertSpool(ctx.db, entry);
  report.exported += 1;
  await upload(ctx, options, entry, report, true);
}

/**
 * True when no bundle carrying our events up to `head` is on its way to `to`: none was sent, or
 * the newest was uploaded more than RESEND_AFTER_MS ago, is no longer waiting at the courier and
 * still no acknowledgement came (it was refused, or lost with the recipient's data). A younger
 * one is not asked about: the hub of thousands of members sends no request for it.
 */
async function carrierGone(ctx: AppContext, courier: Courier, to: Recipient, head: number): Promise<boolean> {
  const newest = newestSent(ctx.db, to);
  if (!newest || newest.lastSeq < head) return true;
  if (newest.state === 'spooled') return false; // its upload resumes at the start of the round
  const now = ctx.clock.now();
  if (Date.parse(now) - Date.parse(newest.uploadedAt ?? newest.createdAt) < RESEND_AFTER_MS) return false;
  if (newest.state === 'uploaded') {
    const state = await courier.sendState(courierRecipient(to), newest.sha256);
    if (state === 'waiting' || state === 'partial') return false;
    // A folder says `absent` for a file its recipient took: after a complete upload that is delivery.
    markDelivered(ctx.db, newest.sha256, now);
  }
  return true;
}

/** The latest outcome of a file we received, if we hold it. */
export function heldOutcome(ctx: AppContext, sha256: string): string | null {
  return (ctx.db.prepare('SELECT outcome FROM received_bundles WHERE file_sha256 = ? ORDER BY reception_no DESC LIMIT 1').pluck().get(sha256) as string | undefined) ?? null;
}

async function fetchAll(ctx: AppContext, options: RoundOptions, verifier: BundleVerifier, report: RoundReport): Promise<void> {
  const courier = options.courier;
  const kept = new Set<string>();
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const { items, more } = await courier.list(after, options.pageSize ?? PAGE_SIZE);
    if (items.length === 0) break;
    after = (items[items.length - 1] as WaitingFile).sha256;
    const downloaded: { path: string; name: string }[] = [];
    // Files we hold with a final outcome already: removed with the page's others, below.
    const done: string[] = [];
    let pageBytes = 0;
    for (const item of items) {
      const held = heldOutcome(ctx, item.sha256);
      if (held && FINAL.has(held)) {
        done.push(item.sha256);
        continue;
      }
      if (held === 'pending' || held === 'kept') {
        kept.add(item.sha256); // we hold it already: no second download
        continue;
      }
      const dest = join(ctx.dataDir, INCOMING_DIR, `${item.sha256}.cstb`);
      try {
        await courier.fetch(item, dest, (done, total) => options.onTransfer?.({ direction: 'down', done, total }));
      } catch (err) {
        // Arrived damaged: discarded by the courier, fetched again next round.
        if (err instanceof CourierError && err.reason === 'corrupt') {
          ctx.log.warn('sync: a download did not match its SHA-256', { sha256: item.sha256 });
          continue;
        }
        throw err;
      }
      options.onTransfer?.(null);
      report.received += 1;
      downloaded.push({ path: dest, name: `${item.sha256}.cstb` });
      pageBytes += item.bytes;
    }
    if (downloaded.length > 0) {
      try {
        // One import per page: the hub takes its members' bundles in batches.
        const small = !options.verifier && pageBytes <= INLINE_VERIFY_MAX_BYTES;
        const results = await importBundles(ctx, downloaded, { verifier: small ? inlineVerifier : verifier });
        for (const r of results) count(r, report);
      } finally {
        for (const d of downloaded) rmSync(d.path, { force: true });
      }
      for (const d of downloaded) kept.add(d.name.slice(0, 64));
    }
    await removeFinal(ctx, courier, kept, done, report);
    if (!more) break;
  }
}

/**
 * Removes from the courier `done` and the files held here whose outcome is now final (a gap
 * filled applies a pending one): several in one `removeMany` (one request per 1,000 at the
 * mailbox), a single one with `remove`.
 */
export async function removeFinal(ctx: AppContext, courier: Courier, held: Set<string>, done: string[], report: Pick<RoundReport, 'removed'>): Promise<void> {
  const gone = [...done];
  for (const sha256 of held) {
    const outcome = heldOutcome(ctx, sha256);
    if (outcome && FINAL.has(outcome)) gone.push(sha256);
  }
  if (gone.length === 0) return;
  if (gone.length === 1) await courier.remove(gone[0] as string);
  else await courier.removeMany(gone);
  for (const sha256 of gone) held.delete(sha256);
  report.removed += gone.length;
}

export function count(r: BundleImportResult, report: Pick<RoundReport, 'results' | 'applied' | 'duplicate' | 'refused' | 'waiting'>): void {
  report.results.push(r);
  if (r.outcome === 'applied') report.applied += 1;
  else if (r.outcome === 'duplicate') report.duplicate += 1;
  else if (r.outcome === 'refused') report.refused += 1;
  else report.waiting += 1;
  // Bundles this one unblocked (received earlier, or earlier in this round).
  for (const also of r.alsoApplied) if (also.outcome === 'applied') report.applied += 1;
}
