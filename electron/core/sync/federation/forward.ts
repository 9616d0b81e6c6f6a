/**
 * The provincial hub forwards its members' bundles to the regional hub (docs/federation.md,
 * "Flows"): a folder with the signed roster and `bundles/<sha256>.cstb`, each the very file the
 * member sent, copied from the archive where it was kept unchanged before any check. Nothing is
 * decrypted or re-encoded: the regional hub checks each member's signature and chain itself.
 */
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ForwardResult } from '../../../../shared/domain/federation';
import type { AppContext } from '../../platform/context';
import { appError } from '../../platform/errors';
import { syncFolder, writeFileAtomic } from '../../platform/fs/atomic-write';
import { makeFolders } from '../../platform/fs/make-folders';
import { copyPrivate } from '../../platform/fs/private-files';
import { requireInstallation } from '../../platform/installation/installation-store';
import { loadInstallationKeys } from '../identity/keys';
import { archivedPath } from '../inbox/archive';
import { confirmedPeers } from '../peers/peers-store';
import type { SignedRoster } from '../network/courier';
import { BUNDLES_FOLDER, FEDERATION_ROSTER_FORMAT, ROSTER_FILE, ROSTER_SIGNATURE_FILE, signFederationRoster, type FederationRosterJson } from './federation-roster';
import type { FederationHubRecord } from './federation-store';
import { encryptedToOneRecipient, recordNotForRegion } from './not-for-region';
import { regionalHub } from './regional-announcement';

/** The member files to forward, and those found encrypted to this hub alone (not-for-region.ts). */
export interface ForwardSelection {
  files: string[];
  /** Encrypted to us alone: the regional hub cannot open them. Not recorded yet (the caller does). */
  notForRegion: string[];
}

/**
 * Received member files worth forwarding: from confirmed members (those the roster vouches for),
 * received since the regional hub was confirmed (earlier ones were encrypted to us alone), not
 * refused here (the regional hub would refuse them too), not recorded as not for the region.
 * Pending ones go: they apply there when the gap is filled, as here. A file not looked at before
 * whose age header names one recipient (sent before the member applied the `regional_hub`
 * record) is set apart in `notForRegion`; one forwarded already was looked at then.
 */
export function filesToForward(ctx: AppContext, since: string, all: boolean): ForwardSelection {
  const selection: ForwardSelection = { files: [], notForRegion: [] };
  for (const r of candidates(ctx, since, all)) {
    if (r.seen === 0 && encryptedToOneRecipient(archivedPath(ctx.dataDir, r.sha))) selection.notForRegion.push(r.sha);
    else selection.files.push(r.sha);
  }
  return selection;
}

/**
 * How many files `filesToForward` would look at, without reading any (the status asks often):
 * those encrypted to us alone are among them until a forwarding sets them apart.
 */
export function countToForward(ctx: AppContext, since: string): number {
  return candidates(ctx, since, false).length;
}

/** The files of `filesToForward`, each with whether it was looked at before (forwarded already). */
function candidates(ctx: AppContext, since: string, all: boolean): { sha: string; seen: number }[] {
  return ctx.db
    .prepare(
      `SELECT r.file_sha256 AS sha, MAX(f.file_sha256 IS NOT NULL) AS seen FROM received_bundles r
       JOIN peers p ON p.kind = 'municipality' AND p.id = r.sender_id AND p.status = 'confirmed'
       LEFT JOIN federation_forwarded f ON f.file_sha256 = r.file_sha256
       WHERE r.sender_kind = 'municipality' AND r.outcome IN ('applied', 'duplicate', 'pending') AND r.received_at >= ?
         AND (f.file_sha256 IS NULL OR (? = 1 AND f.not_for_region = 0))
       GROUP BY r.file_sha256 ORDER BY MIN(r.reception_no)`,
    )
    .all(since, all ? 1 : 0) as { sha: string; seen: number }[];
}

/**
 * Copies an archived received file, byte for byte, to `<folder>/<sha256>.cstb` (whole or absent:
 * a temporary name, then a rename); an existing copy is kept. Returns its size.
 */
export function copyArchived(ctx: AppContext, sha: string, folder: string): number {
  const target = join(folder, `${sha}.cstb`);
  if (!existsSync(target)) {
    const tmp = join(folder, `.${sha}.tmp`);
    try {
      copyPrivate(archivedPath(ctx.dataDir, sha), tmp);
      renameSync(tmp, target);
    } catch (err) {
      rmSync(tmp, { force: true });
      throw err;
    }
  }
  return statSync(target).size;
}

/** The regional hub this provincial hub forwards to, confirmed; a clear refusal otherwise. */
export function confirmedRegional(ctx: AppContext): FederationHubRecord & { confirmedAt: string } {
  const us = requireInstallation(ctx.db);
  if (us.role !== 'hub') throw appError('federation.hubOnly');
  const regional = regionalHub(ctx);
  if (!regional) throw appError('federation.noRegional');
  if (regional.status !== 'confirmed' || !regional.confirmedAt) throw appError('federation.regionalNotConfirmed', { name: regional.name, id: regional.id });
  return regional as FederationHubRecord & { confirmedAt: string };
}

/** The members this hub vouches for, as its federation roster names them (sorted by id). */
export function vouchedMembers(ctx: AppContext): FederationRosterJson['members'] {
  return confirmedPeers(ctx.db)
    .filter((p) => p.kind === 'municipality')
    .map((p) => ({ id: p.id, name: p.name, signing_key: p.signingKey, age_recipient: p.ageRecipient }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The federation roster for `regional`, signed with this hub's key, with a serial that grows even after a backup of this hub is restored. */
export function signedFederationRoster(ctx: AppContext, regional: FederationHubRecord, members: FederationRosterJson['members']): SignedRoster {
  const us = requireInstallation(ctx.db);
  const now = ctx.clock.now();
  const serial = Math.max(regional.rosterSerial + 1, Math.floor(Date.parse(now) / 1000));
  return signFederationRoster({ format: FEDERATION_ROSTER_FORMAT, version: 1, hub: us.id, region: regional.id, serial, issued_at: now, members }, loadInstallationKeys(ctx.dataDir).signing);
}

export function forwardToRegional(ctx: AppContext, input: { dir: string; all: boolean }): ForwardResult {
  const regional = confirmedRegional(ctx);
  const dir = resolve(input.dir);
  const bundlesDir = join(dir, BUNDLES_FOLDER);
  const now = ctx.clock.now();
  const members = vouchedMembers(ctx);
  const signed = signedFederationRoster(ctx, regional, members);
  const serial = signed.serial;
  const { files, notForRegion } = filesToForward(ctx, regional.confirmedAt, input.all);
  let bytes = 0;
  try {
    makeFolders(bundlesDir);
    for (const sha of files) bytes += copyArchived(ctx, sha, bundlesDir);
    syncFolder(bundlesDir);
    // The roster last: a folder with a roster is complete.
    writeFileAtomic(join(dir, ROSTER_SIGNATURE_FILE), signed.signature);
    writeFileAtomic(join(dir, ROSTER_FILE), signed.roster);
  } catch (err) {
    throw appError('federation.cannotWrite', { dir, reason: (err as NodeJS.ErrnoException).code ?? String(err) });
  }
  ctx.db.transaction(() => {
    const mark = ctx.db.prepare('INSERT OR IGNORE INTO federation_forwarded (file_sha256, forwarded_at) VALUES (?, ?)');
    for (const sha of files) mark.run(sha, now);
    recordNotForRegion(ctx.db, notForRegion, now);
    ctx.db.prepare("UPDATE federation_hubs SET roster_serial = ?, roster_at = ? WHERE relation = 'regional' AND id = ?").run(serial, now, regional.id);
  })();
  ctx.log.info('forwarded to the regional hub', { region: regional.id, files: files.length, bytes, serial, notForRegion: notForRegion.length });
  return { dir, region: regional.id, rosterSerial: serial, members: members.length, files: files.length, bytes, notForRegion: notForRegion.length };
}
