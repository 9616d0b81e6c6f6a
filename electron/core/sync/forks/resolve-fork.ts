/**
 * The operator's decision on a fork (docs/bundle-format.md step 11: an E_FORK bundle applies
 * nothing and both versions are shown; issue 4: nothing is applied until the operator acts).
 *
 * - keep: our version stays, the archived file stays refused; the fork is closed with who,
 *   when and why. The sender learns it from the acknowledgement in our next bundle.
 * - accept: the sender's current stream replaces ours from the fork on. The archived file is
 *   verified again first (steps 1–10, outside any transaction); then ONE transaction rewinds
 *   the sender's stream to N-1 (forks/rewind-stream.ts) and applies the file through the
 *   normal apply (inbox/apply.ts): if the new version does not apply whole, nothing changes.
 *   Bundles of that sender waiting for these events are then applied the normal way
 *   (inbox/import.ts retryWaiting).
 */
import { existsSync, rmSync } from 'node:fs';
import type { BundleFork, ForkResolveResult } from '../../../../shared/domain/bundles';
import { appliedMessage, duplicateMessage, refusalMessage } from '../../format/bundle/messages';
import { listForks } from '../inbox/bundle-queries';
import type { Manifest } from '../../format/bundle/manifest';
import type { VerifyReport } from '../../format/bundle/verify';
import type { AppContext } from '../../platform/context';
import { appError, type AppError } from '../../platform/errors';
import { messageFor } from '../../../../shared/errors/catalogue';
import { applyBundle, fileEventSource } from '../inbox/apply';
import { archivedPath } from '../inbox/archive';
import { projectorsFor, retryWaiting, storeAttachments, verifyInputFor, type ImportOptions } from '../inbox/import';
import { findFork, finishForkedReceptions, resolveForkRow } from '../inbox/inbox-store';
import type { Projector } from '../../platform/records/projector';
import { requireInstallation } from '../../platform/installation/installation-store';
import { findPeer, listPeerRecords, type PeerRecord } from '../peers/peers-store';
import { rewindPeerStream } from './rewind-stream';
import { countText } from '../../../../shared/format/plural';

export interface ResolveForkRequest {
  forkNo: number;
  decision: 'keep' | 'accept';
  note: string;
}

function forkView(ctx: AppContext, forkNo: number): BundleFork {
  const f = listForks(ctx.db, forkNo)[0];
  if (!f) throw appError('fork.notFound', { forkNo });
  return f;
}

export async function resolveFork(ctx: AppContext, req: ResolveForkRequest, options: ImportOptions): Promise<ForkResolveResult> {
  const us = requireInstallation(ctx.db);
  const note = req.note.trim();
  if (!note) throw appError('fork.noteRequired', {}, { field: 'note' });
  const view = forkView(ctx, req.forkNo);
  if (view.resolution) {
    throw appError('fork.alreadyDecided', { forkNo: view.forkNo, at: view.resolution.at, by: view.resolution.by }, { field: 'forkNo' });
  }
  // Who: the operator named in Settings (the installation's name when none was given).
  const decided = { by: us.operator.trim() || us.name, at: ctx.clock.now(), note };
  if (req.decision === 'keep') {
    ctx.db.transaction(() => resolveForkRow(ctx.db, req.forkNo, { decision: 'keep', ...decided, eventsRemoved: 0, eventsApplied: 0 }))();
    ctx.log.info('fork kept', { fork: req.forkNo, sender: view.sender.id, seq: view.seq });
    return { fork: forkView(ctx, req.forkNo), alsoApplied: [] };
  }
  return acceptFork(ctx, view, decided, options);
}

function cannotAccept(view: BundleFork): AppError {
  const first = view.file.range?.first;
  return appError(
    'fork.cannotAcceptYet',
    {
      file: view.file.name,
      name: view.sender.name,
      seq: view.seq,
      startsAt: first !== undefined ? ` (comincia dall'evento ${first})` : '',
      startsAtEn: first !== undefined ? ` (it starts at event ${first})` : '',
    },
    { params: { forkNo: view.forkNo, first: first ?? 0 } },
  );
}

async function acceptFork(ctx: AppContext, view: BundleFork, decided: { by: string; at: string; note: string }, options: ImportOptions): Promise<ForkResolveResult> {
  if (!view.canAccept) throw cannotAccept(view);
  const row = findFork(ctx.db, view.forkNo);
  if (!row) throw appError('fork.gone', { forkNo: view.forkNo });
  const path = archivedPath(ctx.dataDir, row.sha256);
  if (!existsSync(path)) {
    throw appError('fork.notArchived', { file: view.file.name });
  }
  // Steps 1–10 again, on the archived copy (keys may have changed since; never trust a past verdict).
  const report = await options.verifier.verify(verifyInputFor(ctx, path, options.limits));
  try {
    if (!report.ok || !report.manifest) {
      const code = report.code ?? 'E_FORMAT';
      const refusal = refusalMessage(code, { sender: report.sender, appVersion: report.appVersion });
      throw appError(refusal.key as 'bundle.limit', refusal.params as never, { params: { forkNo: view.forkNo } });
    }
    const manifest = report.manifest;
    if (manifest.events.first_seq > row.seq) throw cannotAccept(view);
    storeAttachments(ctx, report);
    const peer = listPeerRecords(ctx.db).find((p) => p.peerNo === row.peerNo);
    if (!peer) throw appError('fork.senderGone', { forkNo: view.forkNo });
    const projectors = options.projectors ?? projectorsFor(ctx, peer);
    const range = { first: manifest.events.first_seq, last: manifest.events.last_seq };
    const outcome = ctx.db.transaction(() => {
      const rewound = rewindPeerStream(ctx.db, peer, row.seq, projectors, decided.at);
      const applied = applyArchived(ctx, findPeer(ctx.db, peer.kind, peer.id) ?? peer, report, manifest, row.sha256, decided.at, options, projectors);
      if (applied.outcome !== 'applied') {
        // Throwing rolls the rewind back too: our version stays whole.
        const why =
          applied.outcome === 'refused' && applied.code !== 'E_FORK'
            ? refusalMessage(applied.code, { sender: report.sender, line: applied.line, kind: applied.kind, ...(applied.field ? { field: applied.field } : {}), ...(applied.what ? { what: applied.what } : {}) })
            : { key: 'bundle.forkNotApplicable' as const, params: { outcome: `${applied.outcome}${applied.outcome === 'refused' ? ` ${applied.code}` : ''}` } };
        // The refusal inside, said in both languages: the sentence names it whole.
        const whyIn = (lang: 'it' | 'en') => messageFor(why.key, why.params, lang);
        throw appError('bundle.forkNotAccepted', { name: view.sender.name, why: whyIn('it'), whyEn: whyIn('en') }, { params: { forkNo: view.forkNo, refusedCode: applied.outcome === 'refused' ? applied.code : 'E_FORK' } });
      }
      finishForkedReceptions(ctx.db, row.sha256, {
        outcome: 'applied',
        code: null,
        message: appliedMessage({ sender: report.sender, range, applied: applied.applied }).message,
        detail: `biforcazione n. ${view.forkNo} accettata: ${countText(rewound.eventsRemoved, { one: 'evento sostituito', other: 'eventi sostituiti' })} dall'evento ${row.seq}`,
        sender: report.sender,
        firstSeq: range.first,
        lastSeq: range.last,
        bundleId: manifest.bundle_id,
        eventsApplied: applied.applied,
        at: decided.at,
      });
      resolveForkRow(ctx.db, row.forkNo, { decision: 'accept', ...decided, eventsRemoved: rewound.eventsRemoved, eventsApplied: applied.applied });
      return { rewound, applied: applied.applied };
    })();
    ctx.log.info('fork accepted', { fork: row.forkNo, sender: peer.id, seq: row.seq, removed: outcome.rewound.eventsRemoved, applied: outcome.applied });
    const alsoApplied = await retryWaiting(ctx, { kind: peer.kind, id: peer.id }, ['pending'], options);
    await closeSettledForks(ctx, peer.peerNo, row.forkNo, decided, options);
    return { fork: forkView(ctx, row.forkNo), alsoApplied };
  } finally {
    if (report.workDir) rmSync(report.workDir, { recursive: true, force: true });
  }
}

/**
 * Other open forks of the same sender whose files now agree with what is applied (the same new
 * version, sent twice): each file is applied (or found already applied) and its fork closed as
 * settled by the accepted one. A file that still disagrees keeps its fork open for the operator.
 */
async function closeSettledForks(ctx: AppContext, peerNo: number, acceptedNo: number, decided: { by: string; at: string }, options: ImportOptions): Promise<void> {
  const open = ctx.db
    .prepare('SELECT fork_no AS forkNo FROM bundle_forks WHERE peer_no = ? AND resolution IS NULL AND fork_no <> ? ORDER BY fork_no')
    .pluck()
    .all(peerNo, acceptedNo) as number[];
  const sender = listPeerRecords(ctx.db).find((p) => p.peerNo === peerNo);
  const projectors = options.projectors ?? (sender ? projectorsFor(ctx, sender) : ctx.records.projectors);
  for (const forkNo of open) {
    const row = findFork(ctx.db, forkNo);
    const path = row ? archivedPath(ctx.dataDir, row.sha256) : null;
    if (!row || !path || !existsSync(path)) continue;
    const report = await options.verifier.verify(verifyInputFor(ctx, path, options.limits));
    try {
      if (!report.ok || !report.manifest) continue;
      const manifest = report.manifest;
      storeAttachments(ctx, report);
      ctx.db.transaction(() => {
        const peer = listPeerRecords(ctx.db).find((p) => p.peerNo === peerNo);
        if (!peer) return;
        const applied = applyArchived(ctx, peer, report, manifest, row.sha256, decided.at, options, projectors);
        if (applied.outcome !== 'applied' && applied.outcome !== 'duplicate') return;
        const range = { first: manifest.events.first_seq, last: manifest.events.last_seq };
        const eventsApplied = applied.outcome === 'applied' ? applied.applied : 0;
        finishForkedReceptions(ctx.db, row.sha256, {
          outcome: applied.outcome,
          code: null,
          message: (applied.outcome === 'applied' ? appliedMessage({ sender: report.sender, range, applied: eventsApplied }) : duplicateMessage({ sender: report.sender, range })).message,
          detail: `biforcazione n. ${forkNo} risolta con la n. ${acceptedNo}`,
          sender: report.sender,
          firstSeq: range.first,
          lastSeq: range.last,
          bundleId: manifest.bundle_id,
          eventsApplied,
          at: decided.at,
        });
        resolveForkRow(ctx.db, forkNo, {
          decision: 'accept',
          by: decided.by,
          at: decided.at,
          note: `Stessa versione della biforcazione n. ${acceptedNo}, già accettata.`,
          eventsRemoved: 0,
          eventsApplied,
        });
      })();
    } finally {
      if (report.workDir) rmSync(report.workDir, { recursive: true, force: true });
    }
  }
}

/** Applies a re-verified archived file (steps 11–12) inside the caller's transaction. */
function applyArchived(
  ctx: AppContext,
  peer: PeerRecord,
  report: VerifyReport,
  manifest: Manifest,
  fileSha256: string,
  at: string,
  options: ImportOptions,
  projectors: readonly Projector[],
) {
  return applyBundle(ctx.db, {
    peer,
    manifest,
    source: fileEventSource(report.eventsPath, report.hashesPath),
    fileSha256,
    at,
    ...(options.kinds ? { kinds: options.kinds } : {}),
    projectors,
  });
}
