import type { BundleImportResult } from '../../../../shared/domain/bundles';
import { joinHandlerGroups, type HandlerGroup } from '../../platform/api/handler-table';
import type { FeatureModule } from '../../platform/api/feature-module';
import type { AppContext } from '../../platform/context';
import { importBundles, retryWaiting, type ImportOptions } from '../inbox/import';
import { confirmIdentity, importIdentity } from '../peers/identity-exchange';
import { listPeers, toPeer, waitingBundlesBySender } from '../peers/peers-store';
import { importIdentities } from '../peers/identity-bulk-import';
import { confirmationListBytes, confirmFromList } from '../peers/identity-bulk-confirm';
import type { Role } from '../../../../shared/domain/ids';
import { defaultVerifier } from '../../format/worker/verifier';
import { makeFolders } from '../../platform/fs/make-folders';
import { dirname, resolve } from 'node:path';
import { appError } from '../../platform/errors';
import { resolveFork } from '../forks/resolve-fork';
import { exportBundles, type ExportRequest } from './export';
import { exportInline } from './export-inline';
import { exportMembersArchive } from './export-archive';
import { inspectBundle } from './inspect';
import { bundleHistory, listForks, pendingBundles } from '../inbox/bundle-queries';

/**
 * A folder that does not exist yet is created (a new folder on a USB stick, typed by hand);
 * one that cannot be created is refused with the reason the clerk can act on.
 */
function ensureFolder(folder: string): void {
  try {
    makeFolders(folder);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? String(err);
    throw appError('export.dirCannotCreate', { folder, reason }, { field: 'dir' });
  }
}

function exportTo(ctx: AppContext, input: ExportRequest & { inline: boolean }) {
  const { inline, ...req } = input;
  if (inline) {
    const { out: _out, dir: _dir, ...rest } = req;
    return exportInline(ctx, rest);
  }
  if (req.dir) ensureFolder(resolve(req.dir));
  else if (req.out) ensureFolder(dirname(resolve(req.out)));
  return exportBundles(ctx, req);
}

async function withVerifier<T>(fn: (options: ImportOptions) => Promise<T>, ctx: AppContext, label: string): Promise<T> {
  const verifier = defaultVerifier();
  try {
    return await fn({
      verifier,
      onProgress: (done, total) => ctx.emit('task.progress', { taskId: 'bundle.import', label, done, total }),
    });
  } finally {
    await verifier.close();
  }
}

/** Bundles kept while these senders' identities were pending (E_UNKNOWN_SENDER), then any now unblocked. */
function applyKeptBundles(ctx: AppContext, senders: readonly { kind: Role; id: string }[], label: string): Promise<BundleImportResult[]> {
  if (senders.length === 0) return Promise.resolve([]);
  return withVerifier(
    async (options) => {
      const applied: BundleImportResult[] = [];
      for (const sender of senders) applied.push(...(await retryWaiting(ctx, sender, ['kept', 'pending'], options)));
      return applied;
    },
    ctx,
    label,
  );
}

export const peerHandlers = {
  'identity.import': (ctx, input) => importIdentity(ctx, Buffer.from(input.contentBase64, 'base64')),
  'identity.confirm': async (ctx, input) => {
    const peer = confirmIdentity(ctx, input.id, input.fingerprint);
    const applied = await applyKeptBundles(ctx, [peer], `Pacchetti conservati di ${peer.name}`);
    const waiting = listPeers(ctx.db).find((p) => p.kind === peer.kind && p.id === peer.id);
    return { peer: waiting ?? toPeer(peer), applied };
  },
  'identity.importMany': (ctx, input) => importIdentities(ctx, input),
  'identity.confirmMany': async (ctx, input) => {
    const { counts, rows, confirmed } = confirmFromList(ctx, confirmationListBytes(input));
    const waiting = waitingBundlesBySender(ctx.db);
    const senders = confirmed.filter((id) => waiting.has(`municipality:${id}`)).map((id) => ({ kind: 'municipality' as const, id }));
    return { counts, rows, applied: await applyKeptBundles(ctx, senders, 'Pacchetti conservati dei soci confermati') };
  },
  'peers.list': (ctx) => listPeers(ctx.db),
} satisfies HandlerGroup;

export const bundleHandlers = {
  'bundle.export': (ctx, input) => exportTo(ctx, input),
  'bundle.exportArchive': (ctx, input) => exportMembersArchive(ctx, input),
  'bundle.import': (ctx, input) =>
    withVerifier(
      (options) =>
        importBundles(
          ctx,
          input.files.map((f) => ('path' in f ? { path: f.path, ...(f.name ? { name: f.name } : {}) } : { name: f.name, bytes: Buffer.from(f.contentBase64, 'base64') })),
          options,
        ),
      ctx,
      'Importazione pacchetti',
    ),
  'bundle.inspect': async (ctx, input) => {
    const verifier = defaultVerifier();
    try {
      return 'path' in input
        ? await inspectBundle(ctx, { path: input.path }, input.identityPath ? { path: input.identityPath } : undefined, verifier)
        : await inspectBundle(ctx, { name: input.name, bytes: Buffer.from(input.contentBase64, 'base64') }, input.identityContentBase64 ? { bytes: Buffer.from(input.identityContentBase64, 'base64') } : undefined, verifier);
    } finally {
      await verifier.close();
    }
  },
  'bundle.pending': (ctx) => pendingBundles(ctx.db),
  'bundle.forks': (ctx) => listForks(ctx.db),
  'bundle.resolveFork': (ctx, input) => withVerifier((options) => resolveFork(ctx, input, options), ctx, 'Decisione sulla biforcazione'),
  'bundle.history': (ctx) => bundleHistory(ctx.db),
} satisfies HandlerGroup;

/** Peers' identities and the signed, encrypted bundles exchanged with them. */
export const bundlesModule = {
  name: 'sync/bundles',
  handlers: joinHandlerGroups(peerHandlers, bundleHandlers),
} satisfies FeatureModule;
