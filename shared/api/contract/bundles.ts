import { method } from '../define';
import { BundleExportArchiveInput, BundleExportInput, BundleImportInput, BundleInspectInput, BundleResolveForkInput, IdentityConfirmInput, IdentityImportInput, type BundleArchiveResult, type BundleExportResult, type BundleFork, type ForkResolveResult, type BundleHistory, type BundleImportResult, type BundleInspection, type Peer, type PendingBundle } from '../../domain/bundles';
import { type SyncStatus } from '../../domain/hub-views';
import { NoInput } from './inputs';
import { IdentityConfirmManyInput, IdentityImportManyInput, type IdentityConfirmManyResult, type IdentityImportManyResult } from '../../domain/identity-bulk';

/** Identities and bundles (docs/bundle-format.md), on both roles. */
export const bundleMethods = {
  /** The other side's identity file (.cstid): stored as pending, with its fingerprint to read over the phone. */
  'identity.import': method(IdentityImportInput)<Peer>(),
  /** Pins the keys once the typed fingerprint matches; applies the bundles kept from that sender. */
  'identity.confirm': method(IdentityConfirmInput)<{ peer: Peer; applied: BundleImportResult[] }>(),
  /** Hub: many identity files at once (several .cstid, or ZIPs of them), each checked on its own; one result per file. */
  'identity.importMany': method(IdentityImportManyInput)<IdentityImportManyResult>(),
  /** Hub: confirms every member whose fingerprint in the list (CSV: ISTAT code; fingerprint) matches; lists every other row. */
  'identity.confirmMany': method(IdentityConfirmManyInput)<IdentityConfirmManyResult>(),
  'peers.list': method(NoInput)<Peer[]>(),

  /** Bundles (docs/bundle-format.md): export from our outbox, import (one result per file), inspect without applying. */
  'bundle.export': method(BundleExportInput)<BundleExportResult[]>(),
  /** Hub: one ZIP with every confirmed member's bundle, each named by its town, and LEGGIMI.txt (the browser's one download). */
  'bundle.exportArchive': method(BundleExportArchiveInput)<BundleArchiveResult>(),
  'bundle.import': method(BundleImportInput)<BundleImportResult[]>(),
  'bundle.inspect': method(BundleInspectInput)<BundleInspection>(),
  'bundle.pending': method(NoInput)<PendingBundle[]>(),
  'bundle.forks': method(NoInput)<BundleFork[]>(),
  /** The operator's decision on a fork: keep what we have, or accept the sender's version from the fork on. */
  'bundle.resolveFork': method(BundleResolveForkInput)<ForkResolveResult>(),
  'bundle.history': method(NoInput)<BundleHistory>(),

  /** Where this installation stands with its hub: "synchronized up to …" and what is still waiting. */
  'sync.status': method(NoInput)<SyncStatus>(),
} as const;
