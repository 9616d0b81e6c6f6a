import type Database from 'better-sqlite3';
import { migration001Installation } from './001-installation';
import { migration002Outbox } from './002-outbox';
import { migration003MunicipalityRecords } from './003-municipality-records';
import { migration004Bundles } from './004-bundles';
import { migration005UsageDailyAndText } from './005-usage-daily-and-text';
import { migration006HubRecords } from './006-hub-records';
import { migration007Governance } from './007-governance';
import { migration008ForkResolutions } from './008-fork-resolutions';
import { migration009GovReportParts } from './009-gov-report-parts';
import { migration010PeersAckProblem } from './010-peers-ack-problem';
import { migration011LeanInbox } from './011-lean-inbox';
import { migration012ExportLastHash } from './012-export-last-hash';
import { migration013ProposalJoins } from './013-proposal-joins';
import { migration014OutboxDeletions } from './014-outbox-deletions';
import { migration015SyncAgent } from './015-sync-agent';
import { migration016CommitteeRoster } from './016-committee-roster';
import { migration017TcMeetings } from './017-tc-meetings';
import { migration018Federation } from './018-federation';
import { migration019UsageAggregates } from './019-usage-aggregates';
import { migration020FederationFlows } from './020-federation-flows';
import { migration021FederationMailbox } from './021-federation-mailbox';
import { migration022UsageProvinceAggregates } from './022-usage-province-aggregates';
import { migration023FederationStreams } from './023-federation-streams';
import { migration024UsageMemberTotals } from './024-usage-member-totals';

export interface Migration {
  /** The `user_version` the database has after this migration. */
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/**
 * Every migration, listed explicitly and in order. Once bundles travel between versions,
 * migrations are additive only: never drop or rename what an older peer may still send.
 */
export const MIGRATIONS: readonly Migration[] = [migration001Installation, migration002Outbox, migration003MunicipalityRecords, migration004Bundles, migration005UsageDailyAndText, migration006HubRecords, migration007Governance, migration008ForkResolutions, migration009GovReportParts, migration010PeersAckProblem, migration011LeanInbox, migration012ExportLastHash, migration013ProposalJoins, migration014OutboxDeletions, migration015SyncAgent, migration016CommitteeRoster, migration017TcMeetings, migration018Federation, migration019UsageAggregates, migration020FederationFlows, migration021FederationMailbox, migration022UsageProvinceAggregates, migration023FederationStreams, migration024UsageMemberTotals];

/** The version a database has once every migration ran (versions run 1, 2, 3… without gaps: open-store.test.ts). */
export const SCHEMA_VERSION = MIGRATIONS.length;
