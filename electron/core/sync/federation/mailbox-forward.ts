/**
 * The provincial hub forwards through its own mailbox (docs/federation.md, "Through the
 * mailbox"): the regional hub is a party of the mailbox (the mailbox roster names it, so it may
 * read the `regional` inbox), and each sync round uploads there, byte for byte, the member files
 * `cst federation forward` would write to a folder — the same selection (forward.ts), recorded
 * in the same `federation_forwarded` — preceded by the signed federation roster whenever the
 * members changed since the last one uploaded. Member files the regional hub could not open
 * (encrypted to us alone: not-for-region.ts) are recorded and left out.
 *
 * The other way, the regional hub's own files, imported here from the mailbox or a folder, go
 * down to each confirmed member's inbox, byte for byte: the selection of `federation
 * forward-members` (forward-down.ts), recorded in the same `federation_forwarded_down`. And this
 * hub's own stream for the regional hub goes to `regional` like a member's bundle to its member
 * (the sync round's `streamPeers`): the regional hub takes it with its collection.
 *
 * The roster travels as a file like the bundles (content-addressed, resumable, deleted by the
 * reader): the JSON `{"roster": …, "signature": …}` of `PUT /v1/roster`. A bundle starts with the
 * ZIP or the age magic, a roster with `{`: the regional hub tells them apart by the first byte.
 * No new route, no new state on the server.
 */
import { createHash } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FederationSyncStatus } from '../../../../shared/domain/network-sync';
import type { AppContext } from '../../platform/context';
import { writeFileAtomic } from '../../platform/fs/atomic-write';
import { archivedPath } from '../inbox/archive';
import { REGIONAL_RECIPIENT, type Courier, type OutgoingFile, type SignedRoster } from '../network/courier';
import { OUTGOING_DIR } from '../network/agent-store';
import type { RosterRegionalHub } from '../network/roster';
import { findPeer, type PeerRecord } from '../peers/peers-store';
import { setMailboxRosterSent } from './federation-store';
import { countToForward, filesToForward, signedFederationRoster, vouchedMembers } from './forward';
import { filesForMembers, markForwardedDown } from './forward-down';
import { countNotForRegion, recordNotForRegion } from './not-for-region';
import { regionalHub } from './regional-announcement';

/** The first byte of a roster file at the mailbox; a bundle starts with `PK` or `age`. */
export const ROSTER_FILE_FIRST_BYTE = 0x7b; // '{'

export function rosterFileBytes(signed: Pick<SignedRoster, 'roster' | 'signature'>): Buffer {
  return Buffer.from(`${JSON.stringify({ roster: signed.roster, signature: signed.signature })}\n`, 'utf8');
}

/** The confirmed regional hub as the mailbox roster names it, or undefined. */
export function regionalForMailboxRoster(ctx: AppContext): RosterRegionalHub | undefined {
  const r = regionalHub(ctx);
  return r?.status === 'confirmed' ? { id: r.id, name: r.name, signing_key: r.signingKey } : undefined;
}

/**
 * What is left to forward to the confirmed regional hub (null: none confirmed; files it could
 * not open count here until a forwarding sets them apart: no file is read for the status), the
 * member files set apart, and its files left to send down to the members: the status's figures.
 */
export function filesWaitingForRegional(ctx: AppContext): FederationSyncStatus['toForward'] {
  const r = regionalHub(ctx);
  if (r?.status !== 'confirmed' || !r.confirmedAt) return null;
  const toMembers = filesForMembers(ctx, r.id, false).reduce((n, m) => n + m.files.length, 0);
  return { region: r.id, files: countToForward(ctx, r.confirmedAt), notForRegion: countNotForRegion(ctx.db), toMembers };
}

/** The confirmed regional hub's peer row, when the courier is the mailbox: our own stream goes to it at `regional`. */
export function regionalStreamPeer(ctx: AppContext, courier: Courier): { peer: PeerRecord; to: string }[] {
  const r = regionalHub(ctx);
  if (courier.kind !== 'mailbox' || r?.status !== 'confirmed') return [];
  const peer = findPeer(ctx.db, 'hub', r.id);
  return peer?.status === 'confirmed' ? [{ peer, to: REGIONAL_RECIPIENT }] : [];
}

export interface MailboxForwardReport {
  /** A new federation roster was uploaded. */
  roster: boolean;
  /** Member files now complete at the mailbox for the regional hub. */
  files: number;
}

/**
 * One round's forwarding. Stops at a file still partial (resumed next round: the courier asks
 * the mailbox where it stands); a CourierError ends the round as any other.
 */
export async function forwardThroughMailbox(ctx: AppContext, courier: Courier): Promise<MailboxForwardReport> {
  const report: MailboxForwardReport = { roster: false, files: 0 };
  const regional = regionalHub(ctx);
  if (courier.kind !== 'mailbox' || regional?.status !== 'confirmed' || !regional.confirmedAt) return report;
  const members = vouchedMembers(ctx);
  const digest = createHash('sha256').update(JSON.stringify(members)).digest('hex');
  if (digest !== regional.mailboxRosterDigest) {
    const signed = signedFederationRoster(ctx, regional, members);
    const bytes = rosterFileBytes(signed);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const path = join(ctx.dataDir, OUTGOING_DIR, `federation-roster-${sha256}.json`);
    writeFileAtomic(path, bytes);
    try {
      // A new roster has a new serial, so a new name: never sent before.
      const state = await courier.send(REGIONAL_RECIPIENT, { path, sha256, bytes: bytes.length }, undefined, { fresh: true });
      if (state !== 'waiting' && state !== 'delivered') return report;
    } finally {
      rmSync(path, { force: true });
    }
    setMailboxRosterSent(ctx.db, regional.id, signed.serial, digest, ctx.clock.now());
    report.roster = true;
  }
  const mark = ctx.db.prepare('INSERT OR IGNORE INTO federation_forwarded (file_sha256, forwarded_at) VALUES (?, ?)');
  const { files, notForRegion } = filesToForward(ctx, regional.confirmedAt, false);
  recordNotForRegion(ctx.db, notForRegion, ctx.clock.now());
  for (const sha256 of files) {
    if (!(await sendArchived(ctx, courier, REGIONAL_RECIPIENT, sha256))) break;
    mark.run(sha256, ctx.clock.now());
    report.files += 1;
  }
  if (report.roster || report.files > 0 || notForRegion.length > 0) {
    ctx.log.info('forwarded to the regional hub through the mailbox', { region: regional.id, roster: report.roster, files: report.files, notForRegion: notForRegion.length });
  }
  return report;
}

/** Uploads an archived received file, byte for byte; true once it is complete at the mailbox (false: partial, resumed next round). */
async function sendArchived(ctx: AppContext, courier: Courier, to: string, sha256: string): Promise<boolean> {
  const path = archivedPath(ctx.dataDir, sha256);
  const file: OutgoingFile = { path, sha256, bytes: statSync(path).size };
  const state = await courier.send(to, file);
  return state === 'waiting' || state === 'delivered';
}

/**
 * One round's forwarding down: every file of the regional hub each confirmed member should get
 * and has not got yet, uploaded to its inbox. Returns the uploads completed (one a member and
 * file); stops at one still partial (resumed next round); a CourierError ends the round.
 */
export async function forwardDownThroughMailbox(ctx: AppContext, courier: Courier): Promise<number> {
  const regional = regionalHub(ctx);
  if (courier.kind !== 'mailbox' || regional?.status !== 'confirmed') return 0;
  let sent = 0;
  for (const member of filesForMembers(ctx, regional.id, false)) {
    for (const sha256 of member.files) {
      if (!(await sendArchived(ctx, courier, member.istat, sha256))) return sent;
      markForwardedDown(ctx, member.istat, [sha256], ctx.clock.now());
      sent += 1;
    }
  }
  if (sent > 0) ctx.log.info('forwarded the regional hub files to the members through the mailbox', { region: regional.id, files: sent });
  return sent;
}
