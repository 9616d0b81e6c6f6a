/**
 * What another part of the core adds to the sync agent's rounds without the network folder
 * knowing it (sync/federation fills it in: federation/mailbox-sync.ts; backend.ts passes it).
 * Federation through the mailbox (docs/federation.md): the regional hub named in the mailbox
 * roster, the provincial hub's forwarding after the fetch, the regional hub's collections from
 * its provinces' mailboxes, and what the status says of them.
 */
import type { BundleImportResult } from '../../../../shared/domain/bundles';
import type { ProvinceCollection } from '../../../../shared/domain/federation';
import type { FederationSyncStatus } from '../../../../shared/domain/network-sync';
import type { AppContext } from '../../platform/context';
import type { BundleVerifier } from '../../format/worker/verifier';
import type { Courier } from './courier';
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
  /** (hub) After the fetch: files forwarded through the courier. */
  afterFetch(ctx: AppContext, courier: Courier): Promise<{ forwarded: number }>;
  /** (hub) Other mailboxes to collect from this round, whether or not this installation has its own. */
  hasCollections(ctx: AppContext): boolean;
  collect(ctx: AppContext, options: { makeMailbox: MailboxCourierMaker; verifier: BundleVerifier }): Promise<CollectedFrom[]>;
  status(ctx: AppContext): FederationSyncStatus | null;
}
