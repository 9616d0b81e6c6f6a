/**
 * Federation through the mailbox as the sync agent's round extensions (network/round-extensions.ts):
 * the provincial side (mailbox-forward.ts) and the regional side (mailbox-collect.ts), and what
 * `sync.network` says of them. The network folder never imports this one; backend.ts passes it.
 */
import type { FederationSyncStatus } from '../../../../shared/domain/network-sync';
import type { AppContext } from '../../platform/context';
import { syncMessage } from '../network/network-status';
import type { RoundExtensions } from '../network/round-extensions';
import { collectFromProvinces, provincesWithMailbox } from './mailbox-collect';
import { filesWaitingForRegional, forwardDownThroughMailbox, forwardThroughMailbox, regionalForMailboxRoster, regionalStreamPeer } from './mailbox-forward';

/** The provincial hub's files left to forward, the regional hub's collections (two small reads). */
function federationStatus(ctx: AppContext): FederationSyncStatus | null {
  const toForward = filesWaitingForRegional(ctx);
  const provinces = provincesWithMailbox(ctx).map((p) => ({
    id: p.id,
    name: p.name,
    mailbox: p.mailboxUrl,
    lastCollection: p.lastCollection ? { ...p.lastCollection, error: p.lastCollection.error ? syncMessage(p.lastCollection.error.key, p.lastCollection.error.params) : null } : null,
  }));
  return toForward || provinces.length > 0 ? { toForward, provinces } : null;
}

export const federationRoundExtensions: RoundExtensions = {
  rosterRegional: regionalForMailboxRoster,
  async afterFetch(ctx, courier) {
    // Up first (what the members sent), then down (what the regional hub sent, imported by this round's fetch).
    const forwarded = (await forwardThroughMailbox(ctx, courier)).files;
    return { forwarded, forwardedDown: await forwardDownThroughMailbox(ctx, courier) };
  },
  streamPeers: regionalStreamPeer,
  hasCollections: (ctx) => provincesWithMailbox(ctx).length > 0,
  collect: collectFromProvinces,
  status: federationStatus,
};
