/**
 * The provincial hub forwards the regional hub's own files to its members (docs/federation.md,
 * "Regional records flow down"): `<dir>/<istat>/<sha256>.cstb`, each the very file the regional
 * hub wrote, copied from the archive where it was kept unchanged before any check. The regional
 * hub encrypted it to this hub and to every member this hub vouches for, so nothing is decrypted
 * or re-encoded here, and a member checks the regional hub's signature and chain itself.
 */
import { join, resolve } from 'node:path';
import type { ForwardDownResult } from '../../../../shared/domain/federation';
import type { AppContext } from '../../platform/context';
import { appError } from '../../platform/errors';
import { syncFolder } from '../../platform/fs/atomic-write';
import { makeFolders } from '../../platform/fs/make-folders';
import { requireInstallation } from '../../platform/installation/installation-store';
import { exchangePeers } from '../peers/vouched-senders';
import { copyArchived } from './forward';
import { regionalHub } from './regional-announcement';

/**
 * The regional hub's received files a member should get: not refused here (the member would
 * refuse them too), received since the member was confirmed here (older ones were not
 * encrypted to it: it was not on our roster yet), not forwarded to it yet (unless `all`).
 */
function filesFor(ctx: AppContext, regional: string, istat: string, since: string, all: boolean): string[] {
  return ctx.db
    .prepare(
      `SELECT r.file_sha256 FROM received_bundles r
       WHERE r.sender_kind = 'hub' AND r.sender_id = ? AND r.outcome IN ('applied', 'duplicate', 'pending') AND r.received_at >= ?
         AND (? = 1 OR NOT EXISTS (SELECT 1 FROM federation_forwarded_down f WHERE f.istat = ? AND f.file_sha256 = r.file_sha256))
       GROUP BY r.file_sha256 ORDER BY MIN(r.reception_no)`,
    )
    .pluck()
    .all(regional, since, all ? 1 : 0, istat) as string[];
}

/**
 * For each confirmed member (a member no longer confirmed here is off our roster: it gets
 * nothing), the regional hub's files it should get; members with none are left out. The
 * selection of both paths: the folder (below) and the mailbox (mailbox-forward.ts).
 */
export function filesForMembers(ctx: AppContext, regional: string, all: boolean): { istat: string; name: string; files: string[] }[] {
  const members = exchangePeers(ctx.db).filter((p) => p.kind === 'municipality' && p.status === 'confirmed' && p.confirmedAt);
  return members.map((m) => ({ istat: m.id, name: m.name, files: filesFor(ctx, regional, m.id, m.confirmedAt as string, all) })).filter((m) => m.files.length > 0);
}

/** Records that `istat` got these files of the regional hub (by folder or mailbox). */
export function markForwardedDown(ctx: AppContext, istat: string, files: readonly string[], at: string): void {
  const mark = ctx.db.prepare('INSERT OR IGNORE INTO federation_forwarded_down (istat, file_sha256, forwarded_at) VALUES (?, ?, ?)');
  for (const sha of files) mark.run(istat, sha, at);
}

export function forwardToMembers(ctx: AppContext, input: { dir: string; all: boolean }): ForwardDownResult {
  const us = requireInstallation(ctx.db);
  if (us.role !== 'hub') throw appError('federation.hubOnly');
  const regional = regionalHub(ctx);
  if (!regional) throw appError('federation.noRegional');
  if (regional.status !== 'confirmed') throw appError('federation.regionalNotConfirmed', { name: regional.name, id: regional.id });
  const dir = resolve(input.dir);
  const now = ctx.clock.now();
  const written: { istat: string; name: string; files: string[]; bytes: number }[] = [];
  try {
    for (const m of filesForMembers(ctx, regional.id, input.all)) {
      const folder = join(dir, m.istat);
      makeFolders(folder);
      let bytes = 0;
      for (const sha of m.files) bytes += copyArchived(ctx, sha, folder);
      syncFolder(folder);
      written.push({ ...m, bytes });
    }
  } catch (err) {
    throw appError('federation.cannotWrite', { dir, reason: (err as NodeJS.ErrnoException).code ?? String(err) });
  }
  ctx.db.transaction(() => {
    for (const w of written) markForwardedDown(ctx, w.istat, w.files, now);
  })();
  const files = written.reduce((n, w) => n + w.files.length, 0);
  const bytes = written.reduce((n, w) => n + w.bytes, 0);
  ctx.log.info('forwarded the regional hub files to the members', { region: regional.id, members: written.length, files, bytes });
  return {
    dir,
    region: regional.id,
    members: written.map((w) => ({ istat: w.istat, name: w.name, files: w.files.length, bytes: w.bytes })),
    files,
    bytes,
  };
}
