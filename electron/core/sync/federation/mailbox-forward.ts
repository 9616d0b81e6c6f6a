/**
 * The provincial hub forwards through its own mailbox (docs/federation.md, "Through the
 * mailbox"): the regional hub is a party of the mailbox (the mailbox roster names it, so it may
 * read the `regional` inbox), and each sync round uploads there, byte for byte, the member files
 * `cst federation forward` would write to a folder — the same selection (forward.ts), recorded
 * in the same `federation_forwarded` — preceded by the signed federation roster whenever the
 * members changed since the last one uploaded.
 *
 * The roster travels as a file like the bundles (content-addressed, resumable, deleted by the
 * reader): the JSON `{"roster": …, "signature": …}` of `PUT /v1/roster`. A bundle starts with the
 * ZIP or the age magic, a roster with `{`: the regional hub tells them apart by the first byte.
 * No new route, no new state on the server.
 */
import { createHash } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from '../../platform/context';
import { writeFileAtomic } from '../../platform/fs/atomic-write';
import { archivedPath } from '../inbox/archive';
import type { Courier, SignedRoster } from '../network/courier';
import { OUTGOING_DIR } from '../network/agent-store';
import type { RosterRegionalHub } from '../network/roster';
import { setMailboxRosterSent } from './federation-store';
import { filesToForward, signedFederationRoster, vouchedMembers } from './forward';
import { regionalHub } from './regional-announcement';

/** The mailbox recipient of the regional hub (docs/sync.md, "Parties and addresses"). */
export const REGIONAL_RECIPIENT = 'regional';

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

/** What is left to forward to the confirmed regional hub (null: none confirmed): the status's figure. */
export function filesWaitingForRegional(ctx: AppContext): { region: string; files: number } | null {
  const r = regionalHub(ctx);
  if (r?.status !== 'confirmed' || !r.confirmedAt) return null;
  return { region: r.id, files: filesToForward(ctx, r.confirmedAt, false).length };
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
  for (const sha256 of filesToForward(ctx, regional.confirmedAt, false)) {
    const path = archivedPath(ctx.dataDir, sha256);
    const state = await courier.send(REGIONAL_RECIPIENT, { path, sha256, bytes: statSync(path).size });
    if (state !== 'waiting' && state !== 'delivered') break;
    mark.run(sha256, ctx.clock.now());
    report.files += 1;
  }
  if (report.roster || report.files > 0) ctx.log.info('forwarded to the regional hub through the mailbox', { region: regional.id, roster: report.roster, files: report.files });
  return report;
}
