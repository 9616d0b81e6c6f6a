/**
 * What another part of the core adds to the sync agent's rounds without the network folder
 * knowing it (sync/federation fills it in: federation/mailbox-sync.ts; backend.ts passes it).
 * Federation through the mailbox (docs/federation.md): the regional hub named in the mailbox
 * roster, the provincial hub's forwarding after the fetch (up to the regional hub, down to the
 * members), its own stream for the regional hub, the regional hub's collections from its
 * provinces' mailboxes (and its own stream for each), and what the status says of them.
 */
import type { BundleImportResult } from '../../../../shared/domain/bundles';
import type { ProvinceCollection } from '../../../../shared/domain/federation';
import type { FederationSyncStatus } from '../../../../shared/domain/network-sync';
import type { AppContext } from '../../platform/context';
import type { BundleVerifier } from '../../format/worker/verifier';
import type { PeerRecord } from '../peers/peers-store';
import type { Courier, Recipient } from './courier';
import type { MailboxCourierMaker } from './courier-factory';
import type { RosterRegionalHub } from './roster';

export interface CollectedFrom {
  province: { id: string; name: string };
  collection: ProvinceCollection;
  results: BundleImportResult[];
}

export interface RoundExtensions {
  /** (hub) The regional hub the mailbox roster names, if any. */
  rosterRegional(ctx: AppContext): RosterRegionalHub | undefined;
  /** (hub) After the fetch: files forwarded through the courier, up (to the regional hub) and down (to the members). */
  afterFetch(ctx: AppContext, courier: Courier): Promise<{ forwarded: number; forwardedDown: number }>;
  /** (hub) Peers besides the members whose own stream goes through this courier, and at which recipient (the regional hub at `regional`). */
  streamPeers(ctx: AppContext, courier: Courier): { peer: PeerRecord; to: Recipient }[];
  /** (hub) Other mailboxes to collect from this round, whether or not this installation has its own. */
  hasCollections(ctx: AppContext): boolean;
  collect(ctx: AppContext, options: { makeMailbox: MailboxCourierMaker; verifier: BundleVerifier }): Promise<CollectedFrom[]>;
  status(ctx: AppContext): FederationSyncStatus | null;
}
